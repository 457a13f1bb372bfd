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
  const at = new Map(nodes.map((n, i) => [n, i]))
  const r = flowLayoutRows(
    nodes,
    edges.map((e) => at.get(e.source) ?? -1),
    edges.map((e) => at.get(e.target) ?? -1),
    edges.map((e) => e.firstTime),
    opts
  )
  return { positions: new Map(nodes.map((n, i) => [n, { x: r.x[i], y: r.y[i] }])), columns: new Map(nodes.map((n, i) => [n, r.column[i]])) }
}

/**
 * The same layout on row numbers: edges as parallel arrays of node indices (-1 = not in `nodes`). The core
 * lays out 50k nodes / 200k edges this way without a Map lookup per edge step.
 */
export function flowLayoutRows(nodes: string[], src: number[], dst: number[], firstTime: (number | null)[], opts: FlowLayoutOptions = {}): { x: Float64Array; y: Float64Array; column: Int32Array } {
  const colGap = opts.columnGap ?? 300
  const rowGap = opts.rowGap ?? 90
  const maxCol = opts.maxColumns ?? 40
  const n = nodes.length
  const col = new Int32Array(n)
  const firstSeen = new Float64Array(n).fill(Infinity)
  // One pass over edges in time order: a node sits one column right of the latest-column sender that paid it
  // before. A single pass keeps cycles (funds coming back) from pushing columns forever. (Stable sort: edges
  // with the same time keep their order.)
  const order = Array.from({ length: src.length }, (_, i) => i)
  // The core makes edges in order of their first movement and providers stream by time, so edges usually come
  // sorted already; sorting 200k indices with a comparator was half of this layout.
  const at = (e: number) => firstTime[e] ?? Infinity
  let sorted = true
  for (let e = 1; e < order.length && sorted; e++) sorted = at(e - 1) <= at(e)
  if (!sorted) order.sort((a, b) => at(a) - at(b))
  for (const e of order) {
    const s = src[e]
    const t = dst[e]
    if (s < 0 || t < 0 || s === t) continue
    const c = Math.min(maxCol, col[s] + 1)
    if (c > col[t]) col[t] = c
    const ft = firstTime[e] ?? Infinity
    if (ft < firstSeen[s]) firstSeen[s] = ft
    if (ft < firstSeen[t]) firstSeen[t] = ft
  }
  const byCol = new Map<number, number[]>()
  for (let i = 0; i < n; i++) (byCol.get(col[i]) ?? byCol.set(col[i], []).get(col[i])!).push(i)
  const preds: number[][] = Array.from({ length: n }, () => [])
  for (let e = 0; e < src.length; e++) if (dst[e] >= 0 && src[e] >= 0) preds[dst[e]].push(src[e])
  const row = new Float64Array(n).fill(NaN)
  const x = new Float64Array(n)
  const y = new Float64Array(n)
  const cols = [...byCol.keys()].sort((a, b) => a - b)
  let tallest = 1
  for (const l of byCol.values()) tallest = Math.max(tallest, l.length)
  const narrow = (l: number[] | undefined) => !!l && !!opts.narrow && l.every((i) => opts.narrow!(nodes[i]))
  // x of each column: a column holding only narrow nodes (transactions) takes half the gap.
  const colX = new Map<number, number>()
  let cx = 0
  for (const c of cols) {
    colX.set(c, cx)
    cx += narrow(byCol.get(c)) || narrow(byCol.get(c + 1)) ? colGap * 0.5 : colGap
  }
  const key = new Float64Array(n)
  for (const c of cols) {
    const list = byCol.get(c)!
    // Order a column by where its senders sit (barycentre), then by time, so edges cross as little as cheaply possible.
    for (const i of list) {
      let sum = 0
      let k = 0
      for (const p of preds[i])
        if (!Number.isNaN(row[p])) {
          sum += row[p]
          k++
        }
      key[i] = k ? sum / k : Infinity
    }
    list.sort((a, b) => key[a] - key[b] || firstSeen[a] - firstSeen[b] || (nodes[a] < nodes[b] ? -1 : 1))
    const offset = (tallest - list.length) / 2
    list.forEach((i, r) => {
      row[i] = r + offset
      x[i] = colX.get(c)!
      y[i] = (r + offset) * rowGap
    })
  }
  return { x, y, column: col }
}

/** The canvas's flow layout (the exhibit export spaces its columns for bigger labels). */
export const CANVAS_FLOW: FlowLayoutOptions = { columnGap: 300, rowGap: 130, narrow: (id) => id.startsWith('t:') }
