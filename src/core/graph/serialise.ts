import type { GraphData, GraphNode, GraphState, GraphWire } from '../../shared/api/areas/graph'
import { CANVAS_FLOW, flowLayout } from '../../shared/graph/flow-layout'
import { decodeGraph, wireNode } from '../../shared/graph/wire'
import { shortRef } from '../../shared/graph/ids'
import { addressKey } from '../attribution/label-lookup'
import type { Db } from '../store/db'
import { annotationMap } from './views-repo'
import { graphLabels } from './labels'
import type { Model, ModelItem, NodeAttrs } from './model'

const SCALE = 1_000_000n

/** a/b as a display ratio in 0..1 computed on bigints (never an amount). */
function ratio(a: bigint, b: bigint): number {
  return b > 0n ? Number((a * SCALE) / b) / Number(SCALE) : 0
}

type Vol = { asset: number; inU: bigint; outU: bigint }
type Stats = { vols: Map<number, Vol>; first: number | null; last: number | null }

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

/** Per-node volumes per asset and active time span, plus the per-asset maxima display weights are relative to. */
function nodeStats(m: Model, edgeAsset: number[], assets: number): { stats: Map<string, Stats>; maxVol: bigint[]; maxEdge: bigint[] } {
  const stats = new Map<string, Stats>()
  for (const n of m.nodes.keys()) stats.set(n, { vols: new Map(), first: null, last: null })
  const maxEdge: bigint[] = new Array<bigint>(assets).fill(0n)
  let i = 0
  for (const { source, target, a } of m.edges.values()) {
    const k = edgeAsset[i++]
    if (a.total > maxEdge[k]) maxEdge[k] = a.total
    for (let side = 0; side < 2; side++) {
      const st = stats.get(side ? target : source)!
      let v = st.vols.get(k)
      if (!v) st.vols.set(k, (v = { asset: k, inU: 0n, outU: 0n }))
      if (side) v.inU += a.total
      else v.outU += a.total
      if (a.firstTime != null && (st.first == null || a.firstTime < st.first)) st.first = a.firstTime
      if (a.lastTime != null && (st.last == null || a.lastTime > st.last)) st.last = a.lastTime
    }
  }
  const maxVol: bigint[] = new Array<bigint>(assets).fill(0n)
  for (const st of stats.values())
    for (const x of st.vols.values()) {
      const t = x.inU > x.outU ? x.inU : x.outU
      if (t > maxVol[x.asset]) maxVol[x.asset] = t
    }
  return { stats, maxVol, maxEdge }
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
  const { stats, maxVol, maxEdge } = nodeStats(m, edgeAsset, table.length)
  const ids = only ? [...m.nodes.keys()].filter((id) => only.has(id)) : [...m.nodes.keys()]
  const labels = graphLabels(db, ids.flatMap((id) => m.nodes.get(id)!.members.map(split)))
  const notes = annotationMap(db)
  const flow = only ? null : flowLayout(ids, [...m.edges.values()].map((e) => ({ source: e.source, target: e.target, firstTime: e.a.firstTime })), CANVAS_FLOW).positions
  const cats: string[] = []
  const catIndex = new Map<string, number>()
  const w: GraphWire = {
    assetTable: table,
    nodes: { id: ids, label: [], category: [], weight: [], firstTime: [], lastTime: [], x: [], y: [], volumes: [], labels: {}, entity: {}, annotation: {}, position: {} },
    categories: cats,
    edges: { source: [], target: [], asset: [], count: [], total: [], weight: [], firstTime: [], lastTime: [], annotation: {} },
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
    const st = stats.get(id)!
    let weight = 0
    for (const x of st.vols.values()) weight = Math.max(weight, ratio(x.inU > x.outU ? x.inU : x.outU, maxVol[x.asset]))
    let c: number | null = null
    if (category != null) {
      c = catIndex.get(category) ?? null
      if (c == null) catIndex.set(category, (c = cats.push(category) - 1))
    }
    const p = flow?.get(id) ?? { x: 0, y: 0 }
    N.label.push(label)
    N.category.push(c)
    N.weight.push(round4(weight))
    N.firstTime.push(st.first)
    N.lastTime.push(st.last)
    N.x.push(p.x)
    N.y.push(p.y)
    N.volumes.push([...st.vols.values()].map((x) => [x.asset, x.inU.toString(), x.outU.toString()] as [number, string, string]))
    if (ls.length) N.labels[i] = ls.slice(0, 20).map((l) => ({ name: l.name, category: l.category, source: l.source, confidence: l.confidence, sanctioned: l.sanctioned }))
    if (a.entityId != null) N.entity[i] = { id: a.entityId, name: a.entityName ?? '', members: a.members.length }
    const note = notes.size ? notes.get(id) : undefined
    if (note != null) N.annotation[i] = note
    const pos = state.positions[id]
    if (pos) N.position[i] = pos
  })
  if (only) return w
  const at = new Map(ids.map((id, i) => [id, i]))
  const E = w.edges
  // Notes are few: find their edges once instead of looking up every edge id.
  const edgeNotes = new Map<object, string>()
  for (const [target, note] of notes) {
    const e = m.edges.get(target)
    if (e) edgeNotes.set(e, note)
  }
  let i = 0
  for (const e of m.edges.values()) {
    const { source, target, a } = e
    const k = edgeAsset[i]
    const note = edgeNotes.size ? edgeNotes.get(e) : undefined
    if (note != null) E.annotation[i] = note
    E.source.push(at.get(source)!)
    E.target.push(at.get(target)!)
    E.asset.push(k)
    E.count.push(a.count)
    E.total.push(a.total.toString())
    E.weight.push(round4(ratio(a.total, maxEdge[k])))
    E.firstTime.push(a.firstTime)
    E.lastTime.push(a.lastTime)
    i++
  }
  return w
}

/** The model as GraphData objects (exports and small views; graph.build answers in columns). */
export function serialiseModel(db: Db, state: GraphState, m: Model): GraphData {
  return decodeGraph(serialiseWire(db, state, m))
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
