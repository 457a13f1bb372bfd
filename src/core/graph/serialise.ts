import type { AssetVolume, GraphData, GraphEdge, GraphNode, GraphState } from '../../shared/api/areas/graph'
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

type Vol = AssetVolume & { inU: bigint; outU: bigint }

/** Per-node volumes per asset and active time span, in one pass over the edges. */
function nodeStats(m: Model): Map<string, { vols: Map<string, Vol>; first: number | null; last: number | null }> {
  const out = new Map<string, { vols: Map<string, Vol>; first: number | null; last: number | null }>()
  m.graph.forEachNode((n) => void out.set(n, { vols: new Map(), first: null, last: null }))
  m.graph.forEachEdge((_e, a, src, dst) => {
    const k = `${a.network}:${a.asset}`
    for (const [node, dir] of [[src, 'out'], [dst, 'in']] as const) {
      const st = out.get(node)!
      let v = st.vols.get(k)
      if (!v) st.vols.set(k, (v = { network: a.network, asset: a.asset, symbol: a.symbol, decimals: a.decimals, in: '0', out: '0', inU: 0n, outU: 0n }))
      if (dir === 'in') v.inU += a.total
      else v.outU += a.total
      if (a.firstTime != null && (st.first == null || a.firstTime < st.first)) st.first = a.firstTime
      if (a.lastTime != null && (st.last == null || a.lastTime > st.last)) st.last = a.lastTime
    }
  })
  return out
}

/** Default display label of a node and its label category. */
export function nodeTitle(a: NodeAttrs, labels: GraphNode['labels']): { label: string; category: string | null } {
  if (a.kind === 'entity') return { label: a.entityName ?? 'entity', category: labels[0]?.category ?? 'entity' }
  if (a.kind === 'tx') return { label: `tx ${shortRef(a.ref ?? '')}`, category: 'transaction' }
  if (labels[0]) return { label: labels[0].name, category: labels[0].category }
  if (a.entityName) return { label: `${a.entityName} · ${shortRef(a.ref ?? '')}`, category: 'entity' }
  return { label: shortRef(a.ref ?? ''), category: null }
}

/** Turn a built model into the contract's serialisable graph (amounts as decimal strings). */
export function serialiseModel(db: Db, state: GraphState, m: Model): GraphData {
  const g = m.graph
  const refs = g.mapNodes((_n, a) => a.members.map((k) => ({ network: k.slice(0, k.indexOf(':')), address: k.slice(k.indexOf(':') + 1) }))).flat()
  const labels = graphLabels(db, refs)
  const notes = annotationMap(db)
  const maxVol = new Map<string, bigint>()
  const maxEdge = new Map<string, bigint>()
  const stats = nodeStats(m)
  for (const st of stats.values())
    for (const [k, x] of st.vols) {
      const t = x.inU > x.outU ? x.inU : x.outU
      if (t > (maxVol.get(k) ?? 0n)) maxVol.set(k, t)
    }
  g.forEachEdge((_e, a) => {
    const k = `${a.network}:${a.asset}`
    if (a.total > (maxEdge.get(k) ?? 0n)) maxEdge.set(k, a.total)
  })
  const nodes: GraphNode[] = g.mapNodes((id, a) => {
    const ls = a.members.flatMap((k) => labels.get(addressKey(k.slice(0, k.indexOf(':')), k.slice(k.indexOf(':') + 1))) ?? [])
    const { label, category } = nodeTitle(a, ls)
    const st = stats.get(id)!
    const v = [...st.vols.entries()]
    return {
      id,
      kind: a.kind,
      network: a.network,
      ref: a.ref,
      label,
      category,
      labels: ls.slice(0, 20),
      entity: a.entityId != null ? { id: a.entityId, name: a.entityName ?? '', members: a.members.length } : null,
      volumes: v.map(([, x]) => ({ network: x.network, asset: x.asset, symbol: x.symbol, decimals: x.decimals, in: x.inU.toString(), out: x.outU.toString() })),
      weight: Math.max(0, ...v.map(([k, x]) => ratio(x.inU > x.outU ? x.inU : x.outU, maxVol.get(k) ?? 0n))),
      firstTime: st.first,
      lastTime: st.last,
      position: state.positions[id] ?? null,
      annotation: notes.get(id) ?? null
    }
  })
  const edges: GraphEdge[] = g.mapEdges((id, a, source, target) => ({
    id,
    source,
    target,
    network: a.network,
    asset: a.asset,
    symbol: a.symbol,
    decimals: a.decimals,
    count: a.count,
    total: a.total.toString(),
    weight: ratio(a.total, maxEdge.get(`${a.network}:${a.asset}`) ?? 0n),
    firstTime: a.firstTime,
    lastTime: a.lastTime,
    annotation: notes.get(id) ?? null
  }))
  return { nodes, edges, hidden: m.hidden.map((id) => ({ id, label: id })), filteredOut: m.filteredOut, assets: assetsOf(m.timelineItems), timeline: timeline(m.timelineItems) }
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
