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
  for (const { a } of m.edges.values()) {
    let per = byAttrs.get(a.network)
    if (!per) byAttrs.set(a.network, (per = new Map()))
    let k = per.get(a.asset)
    if (k === undefined) per.set(a.asset, (k = table.push({ network: a.network, asset: a.asset, symbol: a.symbol, decimals: a.decimals }) - 1))
    edgeAsset.push(k)
  }
  return { table, edgeAsset }
}

/**
 * Display weights and active time spans in one pass over the edges, on floats: node weight = its largest
 * in- or outflow in an asset relative to the largest of any node in that asset; edge weight likewise. Exact
 * per-node volumes are not needed to draw, so they are summed (as bigints) only for a single node's panel.
 */
function displayStats(m: Model, ids: string[], edgeAsset: number[], assets: number) {
  const at = new Map(ids.map((id, i) => [id, i]))
  const first: (number | null)[] = new Array<number | null>(ids.length).fill(null)
  const last: (number | null)[] = new Array<number | null>(ids.length).fill(null)
  // Per node a flat [asset, in, out, asset, in, out, …]: nodes touch one or a few assets.
  const vols: number[][] = Array.from({ length: ids.length }, () => [])
  const edgeTotal: number[] = []
  const maxEdge = new Float64Array(assets)
  // Row of each edge's ends in `ids` (-1: not listed), looked up once here and reused for the edge columns.
  const ends = new Int32Array(2 * m.edges.size)
  let e = 0
  for (const { source, target, a } of m.edges.values()) {
    const k = edgeAsset[e]
    const t = Number(a.total)
    edgeTotal.push(t)
    if (t > maxEdge[k]) maxEdge[k] = t
    ends[2 * e] = at.get(source) ?? -1
    ends[2 * e + 1] = at.get(target) ?? -1
    e++
    for (let side = 0; side < 2; side++) {
      const i = ends[2 * (e - 1) + side]
      if (i < 0) continue
      const v = vols[i]
      let j = 0
      while (j < v.length && v[j] !== k) j += 3
      if (j === v.length) v.push(k, 0, 0)
      v[j + 1 + side] += t
      if (a.firstTime != null && (first[i] == null || a.firstTime < first[i]!)) first[i] = a.firstTime
      if (a.lastTime != null && (last[i] == null || a.lastTime > last[i]!)) last[i] = a.lastTime
    }
  }
  const maxVol = new Float64Array(assets)
  for (const v of vols) for (let j = 0; j < v.length; j += 3) maxVol[v[j]] = Math.max(maxVol[v[j]], v[j + 1], v[j + 2])
  const weight = vols.map((v) => {
    let w = 0
    for (let j = 0; j < v.length; j += 3) w = Math.max(w, ratio(Math.max(v[j + 1], v[j + 2]), maxVol[v[j]]))
    return w
  })
  return { at, ends, first, last, weight, edgeWeight: edgeTotal.map((t, i) => ratio(t, maxEdge[edgeAsset[i]])) }
}

/** Exact received/sent per asset of one node over the view's edges (the node panel's figures). */
function exactVolumes(m: Model, id: string, table: GraphWire['assetTable']): [number, string, string][] {
  const by = new Map<number, [bigint, bigint]>()
  for (const eid of m.incident(id)) {
    const e = m.edges.get(eid)!
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
const split = (k: string) => ({ network: k.slice(0, k.indexOf(':')), address: k.slice(k.indexOf(':') + 1) })

/**
 * Turn a built model into graph.build's columnar answer (amounts as exact decimal strings), with the canvas flow
 * layout computed here so the renderer draws at once. `only` restricts the node columns to those ids (one node's
 * panel), keeping weights relative to the whole view.
 */
export function serialiseWire(db: Db, state: GraphState, m: Model, only?: Set<string>): GraphWire {
  const { table, edgeAsset } = assetTable(m)
  const all = [...m.nodes.keys()]
  const ids = only ? all.filter((id) => only.has(id)) : all
  // Weights stay relative to the whole view even when one node is asked for.
  const st = displayStats(m, all, edgeAsset, table.length)
  const labels = graphLabels(db, ids.flatMap((id) => m.nodes.get(id)!.members.map(split)))
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
    assets: assetsOf(m.timelineItems),
    timeline: timeline(m.timelineItems)
  }
  const N = w.nodes
  ids.forEach((id, i) => {
    const a = m.nodes.get(id)!
    const ls = labels.size ? a.members.flatMap((k) => labels.get(addressKey(split(k).network, split(k).address)) ?? []) : []
    const { label, category } = nodeTitle(a, ls)
    const k = st.at.get(id)!
    let c: number | null = null
    if (category != null) {
      c = catIndex.get(category) ?? null
      if (c == null) catIndex.set(category, (c = cats.push(category) - 1))
    }
    N.label.push(label)
    N.category.push(c)
    N.weight.push(round4(st.weight[k]))
    if (only) {
      // The node panel's figures; the canvas answer leaves them out (1 MB of a 50k-node view).
      ;(N.firstTime ??= []).push(st.first[k])
      ;(N.lastTime ??= []).push(st.last[k])
      ;(N.volumes ??= []).push(exactVolumes(m, id, table))
    }
    if (ls.length) N.labels[i] = ls.slice(0, 20).map((l) => ({ name: l.name, category: l.category, source: l.source, confidence: l.confidence, sanctioned: l.sanctioned }))
    if (a.entityId != null) N.entity[i] = { id: a.entityId, name: a.entityName ?? '', members: a.members.length }
    const note = notes.size ? notes.get(id) : undefined
    if (note != null) N.annotation[i] = note
    const pos = state.positions[id]
    if (pos) N.position[i] = pos
  })
  if (only) {
    N.x = ids.map(() => 0)
    N.y = ids.map(() => 0)
    return w
  }
  // Here ids is every node (only is unset), so the rows displayStats found are the answer's rows.
  const E = w.edges
  // Notes are few: find their edges once instead of looking up every edge id.
  const edgeNotes = new Map<object, string>()
  for (const [target, note] of notes) {
    const e = m.edges.get(target)
    if (e) edgeNotes.set(e, note)
  }
  // First times feed the core's flow layout only; the canvas does not need them.
  const firstTime: (number | null)[] = []
  let i = 0
  for (const e of m.edges.values()) {
    const { a } = e
    const k = edgeAsset[i]
    const note = edgeNotes.size ? edgeNotes.get(e) : undefined
    if (note != null) E.annotation[i] = note
    E.source.push(st.ends[2 * i])
    E.target.push(st.ends[2 * i + 1])
    E.asset.push(k)
    E.weight.push(round4(st.edgeWeight[i]))
    firstTime.push(a.firstTime)
    i++
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
  for (const { a } of m.edges.values()) {
    const k = `${a.network}:${a.asset}`
    max.set(k, Math.max(max.get(k) ?? 0, Number(a.total)))
  }
  const notes = annotationMap(db)
  const ids = only ?? [...m.edges.keys()]
  return ids.flatMap((id) => {
    const e = m.edges.get(id)
    if (!e) return []
    const { a } = e
    return [
      {
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
    ]
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

function assetsOf(items: ModelItem[]): GraphData['assets'] {
  const by = new Map<string, GraphData['assets'][number]>()
  for (const it of items) {
    if (it.index.startsWith('in:')) continue
    const k = `${it.network}:${it.asset}`
    const x = by.get(k) ?? { network: it.network, asset: it.asset, symbol: it.symbol, decimals: it.decimals, count: 0 }
    x.count++
    by.set(k, x)
  }
  return [...by.values()].sort((a, b) => b.count - a.count)
}

/** Histogram of movements over time (40 bins); inputs of tx nodes are skipped so nothing counts twice. */
function timeline(items: ModelItem[]): GraphData['timeline'] {
  const ts = items.filter((i) => i.time != null && !i.index.startsWith('in:'))
  if (!ts.length) return { min: null, max: null, bins: [] }
  let min = Infinity
  let max = -Infinity
  for (const i of ts) {
    if (i.time! < min) min = i.time!
    if (i.time! > max) max = i.time!
  }
  const n = 40
  const width = Math.max(1, Math.ceil((max - min + 1) / n))
  const bins = Array.from({ length: n }, (_, k) => ({ start: min + k * width, end: min + (k + 1) * width - 1, count: 0, vol: new Map<string, bigint>() }))
  for (const i of ts) {
    const b = bins[Math.min(n - 1, Math.floor((i.time! - min) / width))]
    b.count++
    const k = `${i.network}:${i.asset}`
    b.vol.set(k, (b.vol.get(k) ?? 0n) + i.amount)
  }
  return { min, max, bins: bins.map((b) => ({ start: b.start, end: b.end, count: b.count, volume: [...b.vol].map(([asset, v]) => ({ asset, amount: v.toString() })) })) }
}
