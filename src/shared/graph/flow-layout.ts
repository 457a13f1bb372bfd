/**
 * Left-to-right flow layout for exhibits: sources of funds on the left, each hop one column to the right, in
 * the order the money moved. Pure and deterministic (same input, same picture) so the app and the headless
 * export draw the same thing.
 */

export interface FlowLayoutEdge {
  source: string
  target: string
  firstTime: number | null
}

export interface FlowLayoutOptions {
  columnGap?: number
  rowGap?: number
  /** Hops beyond this many columns share the last one (cycles and very long chains). */
  maxColumns?: number
  /** Nodes that need little room (transactions drawn as nodes): a column of only these is narrower. */
  narrow?(node: string): boolean
}

/** Positions (x right, y down) and the column of every node. */
export function flowLayout(nodes: string[], edges: FlowLayoutEdge[], opts: FlowLayoutOptions = {}): { positions: Map<string, { x: number; y: number }>; columns: Map<string, number> } {
  const colGap = opts.columnGap ?? 300
  const rowGap = opts.rowGap ?? 90
  const maxCol = opts.maxColumns ?? 40
  const col = new Map<string, number>(nodes.map((n) => [n, 0]))
  const firstSeen = new Map<string, number>()
  // One pass over edges in time order: a node sits one column right of the latest-column sender that paid it
  // before. A single pass keeps cycles (funds coming back) from pushing columns forever.
  const sorted = [...edges].sort((a, b) => (a.firstTime ?? Infinity) - (b.firstTime ?? Infinity))
  for (const e of sorted) {
    if (!col.has(e.source) || !col.has(e.target) || e.source === e.target) continue
    const c = Math.min(maxCol, col.get(e.source)! + 1)
    if (c > col.get(e.target)!) col.set(e.target, c)
    const t = e.firstTime ?? Infinity
    for (const n of [e.source, e.target]) if (t < (firstSeen.get(n) ?? Infinity)) firstSeen.set(n, t)
  }
  const byCol = new Map<number, string[]>()
  for (const [n, c] of col) (byCol.get(c) ?? byCol.set(c, []).get(c)!).push(n)
  const preds = new Map<string, string[]>()
  for (const e of edges) if (col.has(e.target)) (preds.get(e.target) ?? preds.set(e.target, []).get(e.target)!).push(e.source)
  const row = new Map<string, number>()
  const positions = new Map<string, { x: number; y: number }>()
  const cols = [...byCol.keys()].sort((a, b) => a - b)
  const tallest = Math.max(1, ...[...byCol.values()].map((l) => l.length))
  // x of each column: a column holding only narrow nodes (transactions) takes 45 % of the gap.
  const colX = new Map<number, number>()
  let x = 0
  for (const c of cols) {
    colX.set(c, x)
    x += byCol.get(c)!.every((n) => opts.narrow?.(n)) || byCol.get(c + 1)?.every((n) => opts.narrow?.(n)) ? colGap * 0.5 : colGap
  }
  for (const c of cols) {
    const list = byCol.get(c)!
    // Order a column by where its senders sit (barycentre), then by time, so edges cross as little as cheaply possible.
    const keys = new Map<string, number>()
    for (const n of list) {
      const ps = (preds.get(n) ?? []).filter((p) => row.has(p))
      keys.set(n, ps.length ? ps.reduce((s, p) => s + row.get(p)!, 0) / ps.length : Infinity)
    }
    const key = (n: string) => keys.get(n)!
    list.sort((a, b) => key(a) - key(b) || (firstSeen.get(a) ?? Infinity) - (firstSeen.get(b) ?? Infinity) || (a < b ? -1 : 1))
    const offset = (tallest - list.length) / 2
    list.forEach((n, i) => {
      row.set(n, i + offset)
      positions.set(n, { x: colX.get(c)!, y: (i + offset) * rowGap })
    })
  }
  return { positions, columns: col }
}

/** The canvas's flow layout (the exhibit export spaces its columns for bigger labels). */
export const CANVAS_FLOW: FlowLayoutOptions = { columnGap: 300, rowGap: 130, narrow: (id) => id.startsWith('t:') }
