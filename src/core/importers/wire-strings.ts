/** The last few strings written and their table ids, compared by identity (far cheaper than a map lookup). */
export class RecentStrings {
  private readonly strs: (string | null)[]
  private readonly ids: Int32Array
  private next = 0

  constructor(size: number) {
    this.strs = new Array<string | null>(size).fill(null)
    this.ids = new Int32Array(size)
  }

  /** The table id of `s` when it is one of the last few remembered, else -1. */
  find(s: string): number {
    for (let k = 0; k < this.strs.length; k++) if (this.strs[k] === s) return this.ids[k]
    return -1
  }

  remember(s: string, id: number): void {
    this.strs[this.next] = s
    this.ids[this.next] = id
    this.next = (this.next + 1) % this.strs.length
  }

  clear(): void {
    this.strs.fill(null)
  }
}
