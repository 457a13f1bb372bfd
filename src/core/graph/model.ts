import { MultiDirectedGraph } from 'graphology'
import type { GraphState } from '../../shared/api/areas/graph'
import { addressNodeId, edgeId, entityNodeId, parseNodeId, txNodeId } from '../../shared/graph/ids'
import type { ExploreProvider, FlowTransfer } from '../explore/providers'
import { providersOf, isUtxo, makeFilter, transfersTouching } from './collect'
import type { Db } from '../store/db'

/**
 * One movement behind an edge: a provider's transfer as is (no copy; its evidence id is resolved when rows are
 * listed), or a transaction input/output in transaction-as-node mode, which carries its source inline.
 */
export type ModelItem = (FlowTransfer & { sha256?: undefined }) | TxLeg

/**
 * An input or output of a transaction drawn as a node: the same fields as a transfer, but its provenance is
 * resolved already (the tx detail names the file) instead of pointing at an evidence id.
 */
export type TxLeg = Omit<FlowTransfer, 'evidenceId' | 'kind' | 'status'> & { evidenceId: null; sha256: string | null; file: string | null }

/** Attributes of a node in the model. */
export interface NodeAttrs {
  kind: 'address' | 'entity' | 'tx'
  network: string | null
  ref: string | null
  entityId: number | null
  entityName: string | null
  /** Address keys (`network:address`) this node stands for. */
  members: string[]
}

/** Attributes of an aggregated edge (one asset between two nodes). */
export interface EdgeAttrs {
  network: string
  asset: string
  symbol: string
  decimals: number
  count: number
  total: bigint
  firstTime: number | null
  lastTime: number | null
  items: ModelItem[]
}

/** The graph of one view plus what the panels need besides it. */
export interface Model {
  graph: MultiDirectedGraph<NodeAttrs, EdgeAttrs>
  /** Every in-view movement passing the value filters (for the timeline, which ignores the time window). */
  timelineItems: ModelItem[]
  hidden: string[]
  filteredOut: number
}

/** Address refs of a view, grouped by network. */
export function viewAddresses(state: Pick<GraphState, 'nodes'>): Map<string, string[]> {
  const by = new Map<string, string[]>()
  for (const id of state.nodes) {
    const p = parseNodeId(id)
    if (p?.kind !== 'address') continue
    if (!by.has(p.network)) by.set(p.network, [])
    by.get(p.network)!.push(p.address)
  }
  return by
}

/** Which entity each address belongs to (first by id when several claim it). */
export function entityOf(db: Db, byNetwork: Map<string, string[]>): Map<string, { id: number; name: string }> {
  const q = db.prepare('SELECT e.id, e.name FROM entity_members m JOIN entities e ON e.id = m.entity_id WHERE m.network = ? AND m.address = ? ORDER BY e.id LIMIT 1')
  const out = new Map<string, { id: number; name: string }>()
  for (const [n, list] of byNetwork)
    for (const a of list) {
      const r = q.get(n, a) as { id: number; name: string } | undefined
      if (r) out.set(`${n}:${a}`, r)
    }
  return out
}

/**
 * Build the graph of a view from the case data: the view's addresses (collapsed entities as one node), the
 * flows among them aggregated per asset with every underlying movement kept, Bitcoin transactions optionally
 * as nodes. Filters choose movements; nothing in the case changes.
 */
export function buildModel(db: Db, state: GraphState): Model {
  const graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>()
  const byNet = viewAddresses(state)
  const inView = new Set<string>()
  for (const [n, list] of byNet) for (const a of list) inView.add(`${n}:${a}`)
  const ents = entityOf(db, byNet)
  const collapsed = new Set(state.collapsed)
  const hidden = new Set(state.hidden)
  const nodeOf = (network: string, address: string): string => {
    const e = ents.get(`${network}:${address}`)
    return e && collapsed.has(e.id) ? entityNodeId(e.id) : addressNodeId(network, address)
  }
  for (const k of inView) {
    const i = k.indexOf(':')
    const network = k.slice(0, i)
    const address = k.slice(i + 1)
    const id = nodeOf(network, address)
    if (hidden.has(id)) continue
    const e = ents.get(k)
    if (!graph.hasNode(id)) {
      graph.addNode(id, id.startsWith('e:') ? { kind: 'entity', network: null, ref: null, entityId: e!.id, entityName: e!.name, members: [] } : { kind: 'address', network, ref: address, entityId: e?.id ?? null, entityName: e?.name ?? null, members: [] })
    }
    graph.getNodeAttributes(id).members.push(k)
  }
  const filter = makeFilter(state.filters)
  const timelineItems: ModelItem[] = []
  const utxoTx = new Map<string, { network: string; txid: string }>()
  // Aggregate in a plain map first and add each edge to graphology once: far fewer graph lookups on big views.
  const agg = new Map<string, { src: string; dst: string; a: EdgeAttrs }>()
  const add = (src: string, dst: string, it: ModelItem) => {
    if (!filter.value(it)) return
    timelineItems.push(it)
    if (!filter.time(it) || src === dst || !graph.hasNode(src) || !graph.hasNode(dst)) return
    const id = edgeId(src, dst, it.network, it.asset)
    let e = agg.get(id)
    if (!e) agg.set(id, (e = { src, dst, a: { network: it.network, asset: it.asset, symbol: it.symbol, decimals: it.decimals, count: 0, total: 0n, firstTime: null, lastTime: null, items: [] } }))
    const a = e.a
    a.count++
    a.total += it.amount
    a.items.push(it)
    if (it.time != null) {
      if (a.firstTime == null || it.time < a.firstTime) a.firstTime = it.time
      if (a.lastTime == null || it.time > a.lastTime) a.lastTime = it.time
    }
  }
  for (const t of transfersTouching(db, byNet)) {
    const fromIn = inView.has(`${t.network}:${t.from}`)
    const toIn = inView.has(`${t.network}:${t.to}`)
    if (state.btcMode === 'tx' && isUtxo(t.network)) {
      if (fromIn || toIn) utxoTx.set(`${t.network}:${t.txid}`, { network: t.network, txid: t.txid })
      continue
    }
    if (!fromIn || !toIn) continue
    add(nodeOf(t.network, t.from), nodeOf(t.network, t.to), t)
  }
  for (const { network, txid } of utxoTx.values()) addTxNode(db, graph, network, txid, inView, hidden, nodeOf, add)
  for (const [id, e] of agg) graph.addDirectedEdgeWithKey(id, e.src, e.dst, e.a)
  let filteredOut = 0
  if (filter.any) {
    for (const n of graph.nodes()) {
      if (graph.degree(n) === 0) {
        graph.dropNode(n)
        filteredOut++
      }
    }
  }
  return { graph, timelineItems, hidden: [...hidden], filteredOut }
}

/** Transaction-as-node: inputs in view flow into the tx node, the tx node flows out to outputs in view. */
function addTxNode(
  db: Db,
  graph: MultiDirectedGraph<NodeAttrs, EdgeAttrs>,
  network: string,
  txid: string,
  inView: Set<string>,
  hidden: Set<string>,
  nodeOf: (n: string, a: string) => string,
  add: (src: string, dst: string, it: ModelItem) => void
): void {
  const d = providersOf(network).reduce<ReturnType<ExploreProvider['tx']>>((found, p) => found ?? p.tx(db, network, txid), undefined)
  if (!d?.inputs || !d.outputs) return
  const ins = d.inputs.filter((i) => i.address && i.value != null && inView.has(`${network}:${i.address}`))
  const outs = d.outputs.filter((o) => o.address && inView.has(`${network}:${o.address}`))
  if (!ins.length || !outs.length) return
  const id = txNodeId(network, txid)
  if (hidden.has(id)) return
  if (!graph.hasNode(id)) graph.addNode(id, { kind: 'tx', network, ref: txid, entityId: null, entityName: null, members: [] })
  const src = d.sources[0] ?? null
  const base = { network, txid, time: d.time, block: d.block, asset: d.asset, symbol: d.symbol, decimals: d.decimals, evidenceId: null, sha256: src?.sha256 ?? null, file: src?.file ?? null }
  for (const i of ins) add(nodeOf(network, i.address!), id, { ...base, index: `in:${i.index}`, from: i.address!, to: txid, amount: BigInt(i.value!), locator: `${src?.locator ?? ''}/inputs/${i.index}` })
  for (const o of outs) add(id, nodeOf(network, o.address!), { ...base, index: `out:${o.index}`, from: txid, to: o.address!, amount: BigInt(o.value), locator: `${src?.locator ?? ''}/outputs/${o.index}` })
}
