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

/** One aggregated edge of the model. */
export interface ModelEdge {
  source: string
  target: string
  a: EdgeAttrs
}

/**
 * The graph of one view plus what the panels need besides it. Nodes and edges sit in plain maps (insertion
 * order is the drawing order); the graphology form is built only when something asks for it (paths, exports),
 * because attaching 200k multi-edges costs more than the whole aggregation.
 */
export interface Model {
  nodes: Map<string, NodeAttrs>
  edges: Map<string, ModelEdge>
  /** Edge ids touching a node (both directions). */
  incident(node: string): string[]
  /** The same graph in graphology, built on first use. */
  readonly graph: MultiDirectedGraph<NodeAttrs, EdgeAttrs>
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

/**
 * Which entity each in-view address (`network:address`) belongs to, first by id when several claim it. One
 * pass over the members table instead of one query per address (50k queries took longer than the aggregation).
 */
export function entityOf(db: Db, inView: Set<string>): Map<string, { id: number; name: string }> {
  const out = new Map<string, { id: number; name: string }>()
  const rows = db.prepare('SELECT m.network, m.address, e.id, e.name FROM entity_members m JOIN entities e ON e.id = m.entity_id ORDER BY e.id').iterate() as Iterable<{ network: string; address: string; id: number; name: string }>
  for (const r of rows) {
    const k = `${r.network}:${r.address}`
    if (inView.has(k) && !out.has(k)) out.set(k, { id: r.id, name: r.name })
  }
  return out
}

/** Wrap maps into a Model with lazy adjacency and a lazy graphology graph. */
function makeModel(nodes: Map<string, NodeAttrs>, edges: Map<string, ModelEdge>, rest: Pick<Model, 'timelineItems' | 'hidden' | 'filteredOut'>): Model {
  let adj: Map<string, string[]> | null = null
  let graph: MultiDirectedGraph<NodeAttrs, EdgeAttrs> | null = null
  return {
    nodes,
    edges,
    ...rest,
    incident(node) {
      if (!adj) {
        adj = new Map()
        for (const [id, e] of edges) {
          ;(adj.get(e.source) ?? adj.set(e.source, []).get(e.source)!).push(id)
          if (e.target !== e.source) (adj.get(e.target) ?? adj.set(e.target, []).get(e.target)!).push(id)
        }
      }
      return adj.get(node) ?? []
    },
    get graph() {
      if (!graph) {
        graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>()
        for (const [id, a] of nodes) graph.addNode(id, a)
        for (const [id, e] of edges) graph.addDirectedEdgeWithKey(id, e.source, e.target, e.a)
      }
      return graph
    }
  }
}

/**
 * Build the graph of a view from the case data: the view's addresses (collapsed entities as one node), the
 * flows among them aggregated per asset with every underlying movement kept, Bitcoin transactions optionally
 * as nodes. Filters choose movements; nothing in the case changes.
 */
export function buildModel(db: Db, state: GraphState): Model {
  const nodes = new Map<string, NodeAttrs>()
  const byNet = viewAddresses(state)
  const inView = new Set<string>()
  for (const [n, list] of byNet) for (const a of list) inView.add(`${n}:${a}`)
  const ents = entityOf(db, inView)
  const collapsed = new Set(state.collapsed)
  const hidden = new Set(state.hidden)
  // network → address → node id, made once per view address. The per-transfer loop then looks up the
  // provider's own strings and reuses these id strings (no `network:address` concatenation per transfer, which
  // cost more than the aggregation itself on 200k transfers).
  const addrNode = new Map<string, Map<string, string>>()
  for (const [network, list] of byNet) {
    const m = new Map<string, string>()
    addrNode.set(network, m)
    for (const address of list) {
      const e = ents.get(`${network}:${address}`)
      m.set(address, e && collapsed.has(e.id) ? entityNodeId(e.id) : addressNodeId(network, address))
    }
  }
  const nodeOf = (network: string, address: string): string => addrNode.get(network)!.get(address)!
  const nodeIdx = new Map<string, number>()
  const addNode = (id: string, a: NodeAttrs) => {
    nodes.set(id, a)
    nodeIdx.set(id, nodeIdx.size)
  }
  for (const [network, m] of addrNode) {
    for (const [address, id] of m) {
      if (hidden.has(id)) continue
      const k = `${network}:${address}`
      const e = ents.get(k)
      let a = nodes.get(id)
      if (!a) addNode(id, (a = id.startsWith('e:') ? { kind: 'entity', network: null, ref: null, entityId: e!.id, entityName: e!.name, members: [] } : { kind: 'address', network, ref: address, entityId: e?.id ?? null, entityName: e?.name ?? null, members: [] }))
      a.members.push(k)
    }
  }
  const filter = makeFilter(state.filters)
  const timelineItems: ModelItem[] = []
  const utxoTx = new Map<string, { network: string; txid: string }>()
  const edges = new Map<string, ModelEdge>()
  // Per source node index: target index → the pair's edge, or its edges when several assets flow between the
  // pair (small-integer keys instead of the edge id string per movement; no list for the usual single asset).
  const pairs: (Map<number, ModelEdge | ModelEdge[]> | undefined)[] = []
  const same = (x: ModelEdge, it: ModelItem) => x.a.asset === it.asset && x.a.network === it.network
  const add = (src: string, dst: string, it: ModelItem) => {
    if (!filter.value(it)) return
    timelineItems.push(it)
    if (!filter.time(it) || src === dst) return
    const si = nodeIdx.get(src)
    const di = nodeIdx.get(dst)
    if (si === undefined || di === undefined) return
    let out = pairs[si]
    if (!out) pairs[si] = out = new Map()
    const slot = out.get(di)
    const e = slot === undefined ? undefined : Array.isArray(slot) ? slot.find((x) => same(x, it)) : same(slot, it) ? slot : undefined
    if (!e) {
      // A new flow starts from its first movement (no 0n + amount, no empty list to grow).
      const n: ModelEdge = { source: src, target: dst, a: { network: it.network, asset: it.asset, symbol: it.symbol, decimals: it.decimals, count: 1, total: it.amount, firstTime: it.time, lastTime: it.time, items: [it] } }
      out.set(di, slot === undefined ? n : Array.isArray(slot) ? (slot.push(n), slot) : [slot, n])
      edges.set(edgeId(src, dst, it.network, it.asset), n)
      return
    }
    const a = e.a
    a.count++
    a.total += it.amount
    a.items.push(it)
    if (it.time != null) {
      if (a.firstTime == null || it.time < a.firstTime) a.firstTime = it.time
      if (a.lastTime == null || it.time > a.lastTime) a.lastTime = it.time
    }
  }
  let net = ''
  let m: Map<string, string> | undefined
  for (const t of transfersTouching(db, byNet)) {
    if (t.network !== net) m = addrNode.get((net = t.network))
    const src = m?.get(t.from)
    const dst = m?.get(t.to)
    if (state.btcMode === 'tx' && isUtxo(t.network)) {
      if (src || dst) utxoTx.set(`${t.network}:${t.txid}`, { network: t.network, txid: t.txid })
      continue
    }
    if (src && dst) add(src, dst, t)
  }
  for (const { network, txid } of utxoTx.values()) addTxNode(db, nodes, addNode, network, txid, inView, hidden, nodeOf, add)
  let filteredOut = 0
  if (filter.any) {
    const linked = new Set<string>()
    for (const e of edges.values()) linked.add(e.source).add(e.target)
    for (const n of [...nodes.keys()]) {
      if (!linked.has(n)) {
        nodes.delete(n)
        filteredOut++
      }
    }
  }
  return makeModel(nodes, edges, { timelineItems, hidden: [...hidden], filteredOut })
}

/** Transaction-as-node: inputs in view flow into the tx node, the tx node flows out to outputs in view. */
function addTxNode(
  db: Db,
  nodes: Map<string, NodeAttrs>,
  addNode: (id: string, a: NodeAttrs) => void,
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
  if (!nodes.has(id)) addNode(id, { kind: 'tx', network, ref: txid, entityId: null, entityName: null, members: [] })
  const src = d.sources[0] ?? null
  const base = { network, txid, time: d.time, block: d.block, asset: d.asset, symbol: d.symbol, decimals: d.decimals, evidenceId: null, sha256: src?.sha256 ?? null, file: src?.file ?? null }
  for (const i of ins) add(nodeOf(network, i.address!), id, { ...base, index: `in:${i.index}`, from: i.address!, to: txid, amount: BigInt(i.value!), locator: `${src?.locator ?? ''}/inputs/${i.index}` })
  for (const o of outs) add(id, nodeOf(network, o.address!), { ...base, index: `out:${o.index}`, from: txid, to: o.address!, amount: BigInt(o.value), locator: `${src?.locator ?? ''}/outputs/${o.index}` })
}
