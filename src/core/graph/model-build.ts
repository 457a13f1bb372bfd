import type { GraphState } from '../../shared/api/areas/graph'
import { entityNodeId, txNodeId } from '../../shared/graph/ids'
import type { ExploreProvider } from '../explore/providers'
import type { Db } from '../store/db'
import { isUtxo, makeFilter, providersOf, transfersTouching } from './collect'
import { entityOf, makeModel, viewRefs, type Model, type ModelEdge, type ModelItem, type NodeAttrs } from './model'
import { PairIndex } from '../../shared/graph/pair-index'

/** Adds one movement from node row s to node row d (-1: a hidden node, counted on the timeline only). */
type Add = (s: number, d: number, it: ModelItem) => void

/**
 * Build the graph of a view from the case data: the view's addresses (collapsed entities as one node), the
 * flows among them aggregated per asset with every underlying movement kept, Bitcoin transactions optionally
 * as nodes. Filters choose movements; nothing in the case changes.
 */
export function buildModel(db: Db, state: GraphState): Model {
  const refs = viewRefs(state)
  const collapsed = new Set(state.collapsed)
  const hidden = new Set(state.hidden)
  // network → address → node row, -1 for a hidden node. The movement loop looks up the provider's own address
  // strings here and works on rows from then on (no `network:address` or id strings per movement).
  const rowOf = new Map<string, Map<string, number>>()
  for (const [network, r] of refs) {
    const m = new Map<string, number>()
    rowOf.set(network, m)
    for (let k = 0; k < r.address.length; k++) if (!m.has(r.address[k])) m.set(r.address[k], k)
  }
  const ents = entityOf(db, rowOf)
  const ids: string[] = []
  const nodes = new Map<string, NodeAttrs>()
  const addNode = (id: string, a: NodeAttrs): NodeAttrs => {
    a.row = ids.length
    ids.push(id)
    nodes.set(id, a)
    return a
  }
  for (const [network, m] of rowOf) {
    const r = refs.get(network)!
    const per = ents.get(network)
    for (const [address, k] of m) {
      const e = per?.get(address)
      const id = e && collapsed.has(e.id) ? entityNodeId(e.id) : r.id[k]
      if (hidden.has(id)) {
        m.set(address, -1)
        continue
      }
      const a = nodes.get(id) ?? addNode(id, id.startsWith('e:') ? { kind: 'entity', network: null, ref: null, entityId: e!.id, entityName: e!.name, members: [], row: 0 } : { kind: 'address', network, ref: address, entityId: e?.id ?? null, entityName: e?.name ?? null, members: [], row: 0 })
      a.members.push({ network, address })
      m.set(address, a.row)
    }
  }
  const filter = makeFilter(state.filters)
  const timelineItems: ModelItem[] = []
  const edgeList: ModelEdge[] = []
  // The first edge of each (source, target) pair, and per edge the next one of the same pair (another asset).
  const pairs = new PairIndex(4 * ids.length)
  const nextOfPair: number[] = []
  const add: Add = (s, d, it) => {
    if (!filter.value(it)) return
    timelineItems.push(it)
    if (!filter.time(it) || s === d || s < 0 || d < 0) return
    const head = pairs.get(s, d)
    let k = head
    while (k >= 0 && (edgeList[k].a.asset !== it.asset || edgeList[k].a.network !== it.network)) k = nextOfPair[k]
    if (k < 0) {
      // A new flow starts from its first movement (no 0n + amount, no empty list to grow).
      pairs.set(s, d, edgeList.length)
      nextOfPair.push(head)
      edgeList.push({ source: ids[s], target: ids[d], s, t: d, a: { network: it.network, asset: it.asset, symbol: it.symbol, decimals: it.decimals, count: 1, total: it.amount, firstTime: it.time, lastTime: it.time, items: [it] } })
      return
    }
    const a = edgeList[k].a
    a.count++
    a.total += it.amount
    a.items.push(it)
    if (it.time != null) {
      if (a.firstTime == null || it.time < a.firstTime) a.firstTime = it.time
      if (a.lastTime == null || it.time > a.lastTime) a.lastTime = it.time
    }
  }
  const utxoTx = new Map<string, { network: string; txid: string }>()
  const txMode = state.btcMode === 'tx'
  let net = ''
  let m: Map<string, number> | undefined
  let asTx = false
  for (const t of transfersTouching(db, new Map([...refs].map(([n, r]) => [n, r.address])))) {
    if (t.network !== net) {
      m = rowOf.get((net = t.network))
      asTx = txMode && isUtxo(net)
    }
    if (!m) continue
    if (asTx) {
      if (m.has(t.from) || m.has(t.to)) utxoTx.set(`${t.network}:${t.txid}`, { network: t.network, txid: t.txid })
      continue
    }
    const s = m.get(t.from)
    const d = s === undefined ? undefined : m.get(t.to)
    if (d !== undefined) add(s!, d, t)
  }
  for (const { network, txid } of utxoTx.values()) addTxNode(db, { rows: rowOf.get(network)!, hidden, nodes, addNode, add }, network, txid)
  const filteredOut = filter.any ? dropUnlinked(ids, nodes, edgeList) : 0
  return makeModel(ids, nodes, edgeList, { timelineItems, hidden: [...hidden], filteredOut })
}

/** With a filter on, nodes left without flows are counted, not drawn: drop them and renumber rows. */
function dropUnlinked(ids: string[], nodes: Map<string, NodeAttrs>, edgeList: ModelEdge[]): number {
  const linked = new Uint8Array(ids.length)
  for (const e of edgeList) linked[e.s] = linked[e.t] = 1
  const row = new Int32Array(ids.length)
  let kept = 0
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]
    if (!linked[i]) {
      nodes.delete(id)
      continue
    }
    row[i] = kept
    nodes.get(id)!.row = kept
    ids[kept++] = id
  }
  const dropped = ids.length - kept
  ids.length = kept
  for (const e of edgeList) {
    e.s = row[e.s]
    e.t = row[e.t]
  }
  return dropped
}

/** What addTxNode needs of the build: the network's address rows, hidden ids, the node list and add. */
interface TxContext {
  rows: Map<string, number>
  hidden: Set<string>
  nodes: Map<string, NodeAttrs>
  addNode(id: string, a: NodeAttrs): NodeAttrs
  add: Add
}

/** Transaction-as-node: inputs in view flow into the tx node, the tx node flows out to outputs in view. */
function addTxNode(db: Db, v: TxContext, network: string, txid: string): void {
  const { rows, add } = v
  const d = providersOf(network).reduce<ReturnType<ExploreProvider['tx']>>((found, p) => found ?? p.tx(db, network, txid), undefined)
  if (!d?.inputs || !d.outputs) return
  const ins = d.inputs.filter((i) => i.address && i.value != null && rows.has(i.address))
  const outs = d.outputs.filter((o) => o.address && rows.has(o.address))
  if (!ins.length || !outs.length) return
  const id = txNodeId(network, txid)
  if (v.hidden.has(id)) return
  const row = (v.nodes.get(id) ?? v.addNode(id, { kind: 'tx', network, ref: txid, entityId: null, entityName: null, members: [], row: 0 })).row
  const src = d.sources[0] ?? null
  const base = { network, txid, time: d.time, block: d.block, asset: d.asset, symbol: d.symbol, decimals: d.decimals, evidenceId: null, sha256: src?.sha256 ?? null, file: src?.file ?? null }
  for (const i of ins) add(rows.get(i.address!)!, row, { ...base, index: `in:${i.index}`, from: i.address!, to: txid, amount: BigInt(i.value!), locator: `${src?.locator ?? ''}/inputs/${i.index}` })
  for (const o of outs) add(row, rows.get(o.address!)!, { ...base, index: `out:${o.index}`, from: txid, to: o.address!, amount: BigInt(o.value), locator: `${src?.locator ?? ''}/outputs/${o.index}` })
}
