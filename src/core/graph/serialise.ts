import type { GraphData, GraphEdge, GraphNode, GraphState, GraphWire } from '../../shared/api/areas/graph'
import { CANVAS_FLOW, flowLayoutRows } from '../../shared/graph/flow-layout'
import { decodeGraph, wireNode } from '../../shared/graph/wire'
import { shortRef } from '../../shared/graph/ids'
import { addressKey } from '../attribution/label-lookup'
import type { Db } from '../store/db'
import { annotationMap } from './views-repo'
import { graphLabels } from './labels'
import type { Model, ModelItem, NodeAttrs } from './model'

/** a/b as a display ratio in 0..1 (sizes and widths only, never shown as an amount, so a float is fine). */
function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0
}

/**
 * The answer's asset table and each edge's index into it (in edge order). Assets are few, so everything after
 * this works on small integers instead of `network:asset` strings made per edge.
 */
function assetTable(m: Model): { table: GraphWire['assetTable']; edgeAsset: number[] } {
  const table: GraphWire['assetTable'] = []
  const byAttrs = new Map<string, Map<string, number>>()
  const edgeAsset: number[] = []
  for (const { a } of m.edgeList) {
    let per = byAttrs.get(a.network)
    if (!per) byAttrs.set(a.network, (per = new Map()))
    let k = per.get(a.asset)
    if (k === undefined) per.set(a.asset, (k = table.push({ network: a.network, asset: a.asset, symbol: a.symbol, decimals: a.decimals }) - 1))
    edgeAsset.push(k)
  }
  return { table, edgeAsset }
}

/**
 * Display weights in one pass over the edges, on floats: node weight = its largest in- or outflow in an asset
 * relative to the largest of any node in that asset; edge weight likewise. Exact per-node volumes are not needed
 * to draw, so they are summed (as bigints) only for a single node's panel. Rows are the model's node rows.
 */
function displayStats(m: Model, edgeAsset: number[], assets: number) {
  const n = m.ids.length
  // Nodes touch one or a few assets: the first asset's [in, out] of each node sits in typed arrays, and only a
  // node with more keeps the others in a flat [asset, in, out, asset, in, out, …] list (no array per node).
  const firstAsset = new Int32Array(n).fill(-1)
  const firstVol = new Float64Array(2 * n)
  const more = new Map<number, number[]>()
  const edgeTotal = new Float64Array(m.edgeList.length)
  const maxEdge = new Float64Array(assets)
  let e = 0
  for (const { s, t, a } of m.edgeList) {
    const k = edgeAsset[e]
    const x = Number(a.total)
    edgeTotal[e++] = x
    if (x > maxEdge[k]) maxEdge[k] = x
    for (let side = 0; side < 2; side++) {
      const i = side ? t : s
      if (firstAsset[i] === -1) firstAsset[i] = k
      if (firstAsset[i] === k) {
        firstVol[2 * i + 1 - side] += x
        continue
      }
      let v = more.get(i)
      if (!v) more.set(i, (v = []))
      let j = 0
      while (j < v.length && v[j] !== k) j += 3
      if (j === v.length) v.push(k, 0, 0)
      v[j + 2 - side] += x
    }
  }
  // firstVol holds [in, out] per node: a flow's target side adds to `in`, its source side to `out`.
  const maxVol = new Float64Array(assets)
  for (let i = 0; i < n; i++) if (firstAsset[i] >= 0) maxVol[firstAsset[i]] = Math.max(maxVol[firstAsset[i]], firstVol[2 * i], firstVol[2 * i + 1])
  for (const v of more.values()) for (let j = 0; j < v.length; j += 3) maxVol[v[j]] = Math.max(maxVol[v[j]], v[j + 1], v[j + 2])
  const weight = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const k = firstAsset[i]
    if (k < 0) continue
    let w = ratio(Math.max(firstVol[2 * i], firstVol[2 * i + 1]), maxVol[k])
    const v = more.get(i)
    if (v) for (let j = 0; j < v.length; j += 3) w = Math.max(w, ratio(Math.max(v[j + 1], v[j + 2]), maxVol[v[j]]))
    weight[i] = w
  }
  const edgeWeight = new Float64Array(edgeTotal.length)
  for (let i = 0; i < edgeTotal.length; i++) edgeWeight[i] = ratio(edgeTotal[i], maxEdge[edgeAsset[i]])
  return { weight, edgeWeight }
}

/** Active time span of one node in the view (first/last movement of its edges). */
function activeSpan(m: Model, id: string): { first: number | null; last: number | null } {
  let first: number | null = null
  let last: number | null = null
  for (const { a } of m.incident(id)) {
    if (a.firstTime != null && (first == null || a.firstTime < first)) first = a.firstTime
    if (a.lastTime != null && (last == null || a.lastTime > last)) last = a.lastTime
  }
  return { first, last }
}

/** Exact received/sent per asset of one node over the view's edges (the node panel's figures). */
function exactVolumes(m: Model, id: string, table: GraphWire['assetTable']): [number, string, string][] {
  const by = new Map<number, [bigint, bigint]>()
  for (const e of m.incident(id)) {
    const k = table.findIndex((t) => t.network === e.a.network && t.asset === e.a.asset)
    const v = by.get(k) ?? by.set(k, [0n, 0n]).get(k)!
    if (e.target === id) v[0] += e.a.total
    if (e.source === id) v[1] += e.a.total
  }
  return [...by].map(([k, [i, o]]) => [k, i.toString(), o.toString()])
}

/** Default display label of a node and its label category. */
export function nodeTitle(a: NodeAttrs, labels: GraphNode['labels']): { label: string; category: string | null } {
  if (a.kind === 'entity') return { label: a.entityName ?? 'entity', category: labels[0]?.category ?? 'entity' }
  if (a.kind === 'tx') return { label: `tx ${shortRef(a.ref ?? '')}`, category: 'transaction' }
  if (labels[0]) return { label: labels[0].name, category: labels[0].category }
  if (a.entityName) return { label: `${a.entityName} · ${shortRef(a.ref ?? '')}`, category: 'entity' }
  return { label: shortRef(a.ref ?? ''), category: null }
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4

/**
 * Turn a built model into graph.build's columnar answer (amounts as exact decimal strings), with the canvas flow
 * layout computed here so the renderer draws at once. `only` restricts the node columns to those ids (one node's
 * panel), keeping weights relative to the whole view.
 */
export function serialiseWire(db: Db, state: GraphState, m: Model, only?: Set<string>): GraphWire {
  const { table, edgeAsset } = assetTable(m)
  const rows = only ? m.ids.flatMap((id, i) => (only.has(id) ? [i] : [])) : null
  const ids = rows ? rows.map((i) => m.ids[i]) : m.ids
  // Weights stay relative to the whole view even when one node is asked for.
  const st = displayStats(m, edgeAsset, table.length)
  const labels = graphLabels(db, ids.flatMap((id) => m.nodes.get(id)!.members))
  const notes = annotationMap(db)
  const cats: string[] = []
  const catIndex = new Map<string, number>()
  const w: GraphWire = {
    assetTable: table,
    nodes: { id: ids, label: [], category: [], weight: [], x: [], y: [], labels: {}, entity: {}, annotation: {}, position: {} },
    categories: cats,
    edges: { source: [], target: [], asset: [], weight: [], annotation: {} },
    hidden: m.hidden.map((id) => ({ id, label: id })),
    filteredOut: m.filteredOut,
    ...movementSummary(m.timelineItems)
  }
  const N = w.nodes
  // Most views pin nothing; a lookup by id in an empty record still costs a string-table probe per node.
  const pinned = Object.keys(state.positions).length > 0
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]
    const a = m.nodes.get(id)!
    const ls = labels.size ? a.members.flatMap((r) => labels.get(addressKey(r.network, r.address)) ?? []) : []
    const { label, category } = nodeTitle(a, ls)
    let c: number | null = null
    if (category != null) {
      c = catIndex.get(category) ?? null
      if (c == null) catIndex.set(category, (c = cats.push(category) - 1))
    }
    N.label.push(label)
    N.category.push(c)
    N.weight.push(round4(st.weight[rows ? rows[i] : i]))
    if (only) {
      // The node panel's figures; the canvas answer leaves them out (1 MB of a 50k-node view).
      const span = activeSpan(m, id)
      ;(N.firstTime ??= []).push(span.first)
      ;(N.lastTime ??= []).push(span.last)
      ;(N.volumes ??= []).push(exactVolumes(m, id, table))
    }
    if (ls.length) N.labels[i] = ls.slice(0, 20).map((l) => ({ name: l.name, category: l.category, source: l.source, confidence: l.confidence, sanctioned: l.sanctioned }))
    if (a.entityId != null) N.entity[i] = { id: a.entityId, name: a.entityName ?? '', members: a.members.length }
    const note = notes.size ? notes.get(id) : undefined
    if (note != null) N.annotation[i] = note
    const pos = pinned ? state.positions[id] : undefined
    if (pos) N.position[i] = pos
  }
  if (only) {
    N.x = ids.map(() => 0)
    N.y = ids.map(() => 0)
    return w
  }
  // Here the answer's rows are the model's rows, so edges name their ends by the model's rows.
  const E = w.edges
  // Notes are few: find their edges once instead of making every edge's id.
  const edgeNotes = new Map<object, string>()
  for (const [target, note] of notes) {
    const e = target.includes('>') ? m.edge(target) : undefined
    if (e) edgeNotes.set(e, note)
  }
  const n = m.edgeList.length
  E.source = new Array<number>(n)
  E.target = new Array<number>(n)
  E.asset = edgeAsset
  E.weight = new Array<number>(n)
  // First times feed the core's flow layout only; the canvas does not need them.
  const firstTime = new Array<number | null>(n)
  for (let i = 0; i < n; i++) {
    const e = m.edgeList[i]
    const note = edgeNotes.size ? edgeNotes.get(e) : undefined
    if (note != null) E.annotation[i] = note
    E.source[i] = e.s
    E.target[i] = e.t
    E.weight[i] = round4(st.edgeWeight[i])
    firstTime[i] = e.a.firstTime
  }
  const flow = flowLayoutRows(ids, E.source, E.target, firstTime, CANVAS_FLOW)
  N.x = Array.from(flow.x)
  N.y = Array.from(flow.y)
  return w
}

/**
 * Exact aggregated edges of the model (graph.edges, exports): total as a decimal string summed from the underlying
 * movements, their count and first/last time, in drawing order. `only` picks edge ids (unknown ids are skipped).
 */
export function modelEdges(db: Db, m: Model, only?: string[]): GraphEdge[] {
  // Display weight relative to the largest flow of the same asset in the whole view, as on the canvas.
  const max = new Map<string, number>()
  for (const { a } of m.edgeList) {
    const k = `${a.network}:${a.asset}`
    max.set(k, Math.max(max.get(k) ?? 0, Number(a.total)))
  }
  const notes = annotationMap(db)
  const edges = only ? only.flatMap((id) => m.edge(id) ?? []) : m.edgeList
  return edges.map((e) => {
    const { a } = e
    const id = m.edgeId(e)
    return {
      id,
      source: e.source,
      target: e.target,
      network: a.network,
      asset: a.asset,
      symbol: a.symbol,
      decimals: a.decimals,
      count: a.count,
      total: a.total.toString(),
      weight: round4(ratio(Number(a.total), max.get(`${a.network}:${a.asset}`)!)),
      firstTime: a.firstTime,
      lastTime: a.lastTime,
      annotation: notes.get(id) ?? null
    }
  })
}

/** The model as GraphData objects with exact edges (exports and small views; graph.build answers in columns). */
export function serialiseModel(db: Db, state: GraphState, m: Model): GraphData {
  return decodeGraph(serialiseWire(db, state, m), modelEdges(db, m))
}

/** One node of the view as the panel shows it, or null when it is not drawn. */
export function serialiseNode(db: Db, state: GraphState, m: Model, id: string): GraphNode | null {
  if (!m.nodes.has(id)) return null
  return wireNode(serialiseWire(db, state, m, new Set([id])), 0)
}

/**
 * The filter panel's assets (most movements first) and the timeline: a histogram of movements over time (40
 * bins) with exact volume per asset. Inputs of tx nodes are skipped so nothing counts twice. Assets are looked
 * up by network and asset (no `network:asset` string per movement).
 */
function movementSummary(items: ModelItem[]): Pick<GraphData, 'assets' | 'timeline'> {
  const slots: GraphData['assets'] = []
  const byNet = new Map<string, Map<string, number>>()
  const slot = new Int32Array(items.length).fill(-1)
  let min = Infinity
  let max = -Infinity
  for (let j = 0; j < items.length; j++) {
    const it = items[j]
    if (it.index.startsWith('in:')) continue
    let per = byNet.get(it.network)
    if (!per) byNet.set(it.network, (per = new Map()))
    let k = per.get(it.asset)
    if (k === undefined) per.set(it.asset, (k = slots.push({ network: it.network, asset: it.asset, symbol: it.symbol, decimals: it.decimals, count: 0 }) - 1))
    slots[k].count++
    if (it.time == null) continue
    slot[j] = k
    if (it.time < min) min = it.time
    if (it.time > max) max = it.time
  }
  const assets = [...slots].sort((a, b) => b.count - a.count)
  if (min > max) return { assets, timeline: { min: null, max: null, bins: [] } }
  const n = 40
  const width = Math.max(1, Math.ceil((max - min + 1) / n))
  const bins = Array.from({ length: n }, (_, k) => ({ start: min + k * width, end: min + (k + 1) * width - 1, count: 0, vol: new Map<number, bigint>() }))
  for (let j = 0; j < items.length; j++) {
    const k = slot[j]
    if (k < 0) continue
    const it = items[j]
    const b = bins[Math.min(n - 1, Math.floor((it.time! - min) / width))]
    b.count++
    b.vol.set(k, (b.vol.get(k) ?? 0n) + it.amount)
  }
  const key = (k: number) => `${slots[k].network}:${slots[k].asset}`
  return { assets, timeline: { min, max, bins: bins.map((b) => ({ start: b.start, end: b.end, count: b.count, volume: [...b.vol].map(([k, v]) => ({ asset: key(k), amount: v.toString() })) })) } }
}
