import { bidirectional } from 'graphology-shortest-path/unweighted.js'
import type { FlowItem, GraphState } from '../../shared/api/areas/graph'
import { ApiError } from '../../shared/api/errors'
import { addressNodeId, parseNodeId, shortRef } from '../../shared/graph/ids'
import type { Db } from '../store/db'
import { evidenceLookup, makeFilter, transfersTouching } from './collect'
import { graphLabels } from './labels'
import type { Model, ModelEdge, ModelItem } from './model'
import { cachedModel as buildModel } from './model-cache'

/** Address keys (`network:address`) a node stands for: itself, or every member of an entity. */
export function addressesOfNode(db: Db, id: string): Map<string, string[]> {
  const p = parseNodeId(id)
  const by = new Map<string, string[]>()
  const push = (n: string, a: string) => (by.get(n) ?? by.set(n, []).get(n)!).push(a)
  if (p?.kind === 'address') push(p.network, p.address)
  else if (p?.kind === 'entity') for (const m of db.prepare('SELECT network, address FROM entity_members WHERE entity_id = ?').all(p.entityId) as { network: string; address: string }[]) push(m.network, m.address)
  else if (!p) throw new ApiError('BAD_INPUT', `not a graph node id: ${JSON.stringify(id)}`)
  return by
}

/**
 * Counterparties of some nodes not yet in the view, most transfers first (then earliest), a page at a time.
 * Filters apply, so "show more" respects the time window and minimum the analyst chose.
 */
export function expandNodes(db: Db, state: GraphState, nodes: string[], limit: number, offset: number): { added: { id: string; label: string; transfers: number }[]; remaining: number } {
  const from = new Map<string, string[]>()
  for (const n of nodes) for (const [net, list] of addressesOfNode(db, n)) from.set(net, [...(from.get(net) ?? []), ...list])
  const mine = new Set([...from].flatMap(([n, l]) => l.map((a) => `${n}:${a}`)))
  const have = new Set(state.nodes)
  const f = makeFilter(state.filters)
  const count = new Map<string, { n: number; first: number }>()
  for (const t of transfersTouching(db, from)) {
    if (!f.value(t) || !f.time(t)) continue
    for (const [a, b] of [[t.from, t.to], [t.to, t.from]] as const) {
      if (!mine.has(`${t.network}:${a}`) || mine.has(`${t.network}:${b}`)) continue
      const id = addressNodeId(t.network, b)
      if (have.has(id)) continue
      const c = count.get(id) ?? { n: 0, first: Infinity }
      c.n++
      c.first = Math.min(c.first, t.time ?? Infinity)
      count.set(id, c)
    }
  }
  const ranked = [...count].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first || (a[0] < b[0] ? -1 : 1))
  const page = ranked.slice(offset, offset + limit)
  const labels = graphLabels(db, page.map(([id]) => parseNodeId(id) as { network: string; address: string }))
  return {
    added: page.map(([id, c]) => {
      const p = parseNodeId(id) as { network: string; address: string }
      return { id, label: labels.get(`${p.network}:${p.address}`)?.[0]?.name ?? shortRef(p.address), transfers: c.n }
    }),
    remaining: Math.max(0, ranked.length - offset - page.length)
  }
}

function toFlowItem(edge: string, it: ModelItem, ev: ReturnType<typeof evidenceLookup>): FlowItem {
  const src = it.evidenceId == null ? { sha256: it.sha256 ?? null, file: it.file ?? null } : (ev(it.evidenceId) ?? { sha256: null, file: null })
  return { network: it.network, txid: it.txid, index: it.index, time: it.time, block: it.block, from: it.from, to: it.to, asset: it.asset, symbol: it.symbol, decimals: it.decimals, amount: it.amount.toString(), edge, sha256: src.sha256, file: src.file, locator: it.locator }
}

/**
 * Movements behind the selected edges/nodes (all edges of the view when nothing is selected), oldest first.
 * Sorting and sums work on the model's items; only the requested page becomes FlowItems (a 50k-node view holds
 * 200k movements and the table shows 500).
 */
export function selectionTransfers(db: Db, m: Model, nodes: string[], edges: string[], offset: number, limit: number): { total: number; rows: FlowItem[]; sums: { network: string; asset: string; symbol: string; decimals: number; amount: string; count: number }[] } {
  const pick = new Set<ModelEdge>(edges.flatMap((e) => m.edge(e) ?? []))
  for (const n of nodes) for (const e of m.incident(n)) pick.add(e)
  const chosen = nodes.length || edges.length ? [...pick] : m.edgeList
  const all: { edge: ModelEdge; it: ModelItem }[] = []
  for (const e of chosen) for (const it of e.a.items) all.push({ edge: e, it })
  all.sort((x, y) => {
    const a = x.it
    const b = y.it
    return (a.time ?? 0) - (b.time ?? 0) || (a.txid < b.txid ? -1 : a.txid > b.txid ? 1 : 0) || (a.index < b.index ? -1 : a.index > b.index ? 1 : 0)
  })
  // In transaction-as-node mode the same value passes an input edge and an output edge; count the outputs
  // only (what the transactions paid out) unless the selection holds inputs alone.
  const onlyInputs = all.every((r) => r.it.index.startsWith('in:'))
  const sums = new Map<string, { network: string; asset: string; symbol: string; decimals: number; total: bigint; count: number }>()
  for (const { it } of all) {
    if (!onlyInputs && it.index.startsWith('in:')) continue
    const k = `${it.network}:${it.asset}`
    let s = sums.get(k)
    if (!s) sums.set(k, (s = { network: it.network, asset: it.asset, symbol: it.symbol, decimals: it.decimals, total: 0n, count: 0 }))
    s.total += it.amount
    s.count++
  }
  const ev = evidenceLookup(db)
  return {
    total: all.length,
    rows: all.slice(offset, offset + limit).map((r) => toFlowItem(m.edgeId(r.edge), r.it, ev)),
    sums: [...sums.values()].map((s) => ({ network: s.network, asset: s.asset, symbol: s.symbol, decimals: s.decimals, amount: s.total.toString(), count: s.count }))
  }
}

/** Case-wide received/sent/balance per asset for a node's addresses (filters ignored: a balance is a fact). */
export function nodeBalances(db: Db, id: string): { network: string; asset: string; symbol: string; decimals: number; in: string; out: string; balance: string; inCount: number; outCount: number }[] {
  const by = addressesOfNode(db, id)
  const mine = new Set([...by].flatMap(([n, l]) => l.map((a) => `${n}:${a}`)))
  const acc = new Map<string, { network: string; asset: string; symbol: string; decimals: number; inU: bigint; outU: bigint; inCount: number; outCount: number }>()
  for (const t of transfersTouching(db, by)) {
    const fromMe = mine.has(`${t.network}:${t.from}`)
    const toMe = mine.has(`${t.network}:${t.to}`)
    if (fromMe && toMe) continue
    const k = `${t.network}:${t.asset}`
    const x = acc.get(k) ?? { network: t.network, asset: t.asset, symbol: t.symbol, decimals: t.decimals, inU: 0n, outU: 0n, inCount: 0, outCount: 0 }
    if (toMe) {
      x.inU += t.amount
      x.inCount++
    } else {
      x.outU += t.amount
      x.outCount++
    }
    acc.set(k, x)
  }
  return [...acc.values()].map((x) => ({ network: x.network, asset: x.asset, symbol: x.symbol, decimals: x.decimals, in: x.inU.toString(), out: x.outU.toString(), balance: (x.inU - x.outU).toString(), inCount: x.inCount, outCount: x.outCount }))
}

/** Shortest directed path of flow between two nodes of the view, with the edges along it. */
export function flowPath(db: Db, state: GraphState, from: string, to: string): { nodes: string[]; edges: string[] } {
  const m = buildModel(db, state)
  if (!m.nodes.has(from) || !m.nodes.has(to)) throw new ApiError('NOT_FOUND', 'both ends of a path must be visible in the view')
  const nodes = bidirectional(m.graph, from, to) ?? []
  const edges: string[] = []
  for (let i = 0; i + 1 < nodes.length; i++) edges.push(...m.graph.edges(nodes[i], nodes[i + 1]))
  return { nodes, edges }
}
