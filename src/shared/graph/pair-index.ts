/**
 * (source row, target row) → a number (the core: the pair's first edge), as an open-addressing hash table in
 * typed arrays. The core's model looks a pair up once per movement (200k on a 50k-node view), where per-source
 * Maps and edge-id string keys made the loop allocate and the garbage collector took as long as the aggregation;
 * the canvas uses it to find parallel flows without a Set of 200k large numbers.
 */
export class PairIndex {
  private keys: Int32Array
  private vals: Int32Array
  private used = 0

  constructor(expected = 1024) {
    let cap = 1024
    while (cap < expected * 2) cap *= 2
    this.keys = new Int32Array(2 * cap).fill(-1)
    this.vals = new Int32Array(cap)
  }

  /** Value stored for (s, t), or -1. Rows are non-negative. */
  get(s: number, t: number): number {
    const mask = this.vals.length - 1
    for (let i = hash(s, t) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[2 * i]
      if (k === -1) return -1
      if (k === s && this.keys[2 * i + 1] === t) return this.vals[i]
    }
  }

  /** Store v for (s, t), replacing any value. */
  set(s: number, t: number, v: number): void {
    if (2 * (this.used + 1) > this.vals.length) this.grow()
    const mask = this.vals.length - 1
    for (let i = hash(s, t) & mask; ; i = (i + 1) & mask) {
      const k = this.keys[2 * i]
      if (k === -1) {
        this.keys[2 * i] = s
        this.keys[2 * i + 1] = t
        this.vals[i] = v
        this.used++
        return
      }
      if (k === s && this.keys[2 * i + 1] === t) {
        this.vals[i] = v
        return
      }
    }
  }

  private grow(): void {
    const { keys, vals } = this
    this.keys = new Int32Array(2 * keys.length).fill(-1)
    this.vals = new Int32Array(2 * vals.length)
    this.used = 0
    for (let i = 0; i < vals.length; i++) if (keys[2 * i] !== -1) this.set(keys[2 * i], keys[2 * i + 1], vals[i])
  }
}

function hash(s: number, t: number): number {
  let h = Math.imul(s, 0x9e3779b1) ^ t
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  return (h ^ (h >>> 13)) >>> 0
}
