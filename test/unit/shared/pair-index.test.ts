import { describe, expect, it } from 'vitest'
import { PairIndex } from '../../../src/shared/graph/pair-index'

describe('PairIndex', () => {
  it('answers like a Map keyed by (source, target) through growth, replacement and misses', () => {
    const idx = new PairIndex(4)
    const ref = new Map<string, number>()
    let seed = 1
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n)
    for (let i = 0; i < 20_000; i++) {
      const s = rnd(3000)
      const t = rnd(3000)
      idx.set(s, t, i)
      ref.set(`${s},${t}`, i)
    }
    for (const [k, v] of ref) {
      const [s, t] = k.split(',').map(Number)
      expect(idx.get(s, t)).toBe(v)
    }
    // (s, t) and (t, s) are different pairs; an absent pair gives -1.
    idx.set(5_000, 7_000, 1)
    expect(idx.get(7_000, 5_000)).toBe(-1)
    expect(idx.get(5_000, 7_000)).toBe(1)
    expect(new PairIndex().get(0, 0)).toBe(-1)
  })
})
