import { ApiError } from '../../shared/api/errors'
import { addressNodeId } from '../../shared/graph/ids'
import { createEntity } from '../attribution/entities'
import { listProviders } from '../explore/providers'
import { exportView } from '../graph/export'
import { graphLabels } from '../graph/labels'
import { cachedModel as buildModel } from '../graph/model-cache'
import { addressesOfNode, expandNodes, flowPath, nodeBalances, selectionTransfers } from '../graph/queries'
import { modelEdges, serialiseNode, serialiseWire } from '../graph/serialise'
import { annotate, deleteView, getView, listAnnotations, listViews, saveView } from '../graph/views-repo'
import type { HandlerMap } from './context'

type GraphMethods = 'graph.build' | 'graph.edges' | 'graph.expand' | 'graph.seeds' | 'graph.transfers' | 'graph.node' | 'graph.path' | 'graph.annotate' | 'graph.annotations' | 'graph.group' | 'graph.export'
type ViewMethods = 'views.list' | 'views.open' | 'views.save' | 'views.delete'

const wires = new WeakMap<object, { key: string; wire: ReturnType<typeof serialiseWire> }>()

/** Graph workspace methods: build, expand, inspect, annotate, group, export. */
export const graphHandlers: HandlerMap<GraphMethods> = {
  'graph.build': (i, { state }) => {
    const db = state.caseById(i.caseId).db
    const m = buildModel(db, i.state)
    // The same model (cached by case stamp + view) with the same pinned positions gives the same answer.
    const key = JSON.stringify(i.state.positions)
    const hit = wires.get(m)
    if (hit?.key === key) return hit.wire
    const wire = serialiseWire(db, i.state, m)
    wires.set(m, { key, wire })
    return wire
  },
  'graph.edges': (i, { state }) => {
    const db = state.caseById(i.caseId).db
    return modelEdges(db, buildModel(db, i.state), i.edges)
  },
  'graph.expand': (i, { state }) => expandNodes(state.caseById(i.caseId).db, i.state, i.nodes, i.limit, i.offset),
  'graph.seeds': (i, { state }) => {
    // Starting points: the busiest addresses of the case (or those matching the query), across providers.
    const db = state.caseById(i.caseId).db
    const q = i.query.trim().toLowerCase()
    const counts = new Map<string, { network: string; address: string; n: number }>()
    for (const p of listProviders())
      for (const { network } of p.networks(db))
        for (const t of p.transfers(db, { network })) {
          for (const a of [t.from, t.to]) {
            const k = addressNodeId(network, a)
            const c = counts.get(k) ?? { network, address: a, n: 0 }
            c.n++
            counts.set(k, c)
          }
        }
    const labels = graphLabels(db, [...counts.values()])
    const rows = [...counts].map(([id, c]) => ({ id, network: c.network, label: labels.get(`${c.network}:${c.address}`)?.[0]?.name ?? c.address, address: c.address, transfers: c.n }))
    return rows
      .filter((r) => !q || r.address.toLowerCase().includes(q) || r.label.toLowerCase().includes(q))
      .sort((a, b) => b.transfers - a.transfers || (a.id < b.id ? -1 : 1))
      .slice(0, i.limit)
      .map(({ address: _a, ...r }) => r)
  },
  'graph.transfers': (i, { state }) => selectionTransfers(state.caseById(i.caseId).db, buildModel(state.caseById(i.caseId).db, i.state), i.nodes, i.edges, i.offset, i.limit),
  'graph.node': (i, { state }) => {
    const db = state.caseById(i.caseId).db
    const node = serialiseNode(db, i.state, buildModel(db, i.state), i.node)
    if (!node) throw new ApiError('NOT_FOUND', 'that node is not in the view (hidden or filtered out?)')
    const members = [...addressesOfNode(db, i.node)].flatMap(([network, list]) => list.map((address) => ({ network, address })))
    return { node, members, balances: nodeBalances(db, i.node) }
  },
  'graph.path': (i, { state }) => flowPath(state.caseById(i.caseId).db, i.state, i.from, i.to),
  'graph.annotate': (i, { state }) => {
    const c = state.caseById(i.caseId)
    return annotate(c, state.examinerFor(c), i.target, i.note)
  },
  'graph.annotations': (i, { state }) => listAnnotations(state.caseById(i.caseId).db),
  'graph.group': (i, { state }) => {
    const c = state.caseById(i.caseId)
    return createEntity(c, state.examinerFor(c), { name: i.name, note: i.note, kind: 'manual', method: 'graph-group', members: i.members })
  },
  'graph.export': (i, { state }) => {
    const c = state.caseById(i.caseId)
    const view = i.viewId ? getView(c.db, i.viewId) : null
    const st = view?.state ?? i.state
    if (!st) throw new ApiError('BAD_INPUT', 'graph.export needs a viewId or a state')
    return exportView(c, state.examinerFor(c), st, i.format, i.title ?? view?.name ?? 'Fund flow')
  }
}

/** Saved views ("exhibits"). */
export const viewHandlers: HandlerMap<ViewMethods> = {
  'views.list': (i, { state }) => listViews(state.caseById(i.caseId).db).map(({ state: s, ...v }) => ({ ...v, nodes: s.nodes.length })),
  'views.open': (i, { state }) => getView(state.caseById(i.caseId).db, i.viewId),
  'views.save': (i, { state }) => {
    const c = state.caseById(i.caseId)
    return saveView(c, state.examinerFor(c), i)
  },
  'views.delete': (i, { state }) => {
    const c = state.caseById(i.caseId)
    return { deleted: deleteView(c, state.examinerFor(c), i.viewId) }
  }
}
