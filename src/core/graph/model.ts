import { MultiDirectedGraph } from 'graphology'
import type { GraphState } from '../../shared/api/areas/graph'
import { edgeId } from '../../shared/graph/ids'
import type { FlowTransfer } from '../explore/providers'
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
  /** Addresses this node stands for. */
  members: { network: string; address: string }[]
  /** Row of the node in Model.ids. */
  row: number
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
  /** Rows of the ends in Model.ids. */
  s: number
  t: number
  a: EdgeAttrs
}

/**
 * The graph of one view plus what the panels need besides it. Nodes and edges sit in plain lists (their order is
 * the drawing order) with edges naming their ends by row; edge ids, adjacency and the graphology form are made
 * only when something asks for them, because on a 200k-edge view each cost about as much as the aggregation.
 */
export interface Model {
  /** Node ids in drawing order. */
  ids: string[]
  /** Node attributes by id. */
  nodes: Map<string, NodeAttrs>
  /** Edges in drawing order. */
  edgeList: ModelEdge[]
  /** The contract's id of an edge. */
  edgeId(e: ModelEdge): string
  /** The edge with this id, if it is in the view. */
  edge(id: string): ModelEdge | undefined
  /** Edges touching a node (both directions). */
  incident(node: string): ModelEdge[]
  /** The same graph in graphology, built on first use. */
  readonly graph: MultiDirectedGraph<NodeAttrs, EdgeAttrs>
  /** Every in-view movement passing the value filters (for the timeline, which ignores the time window). */
  timelineItems: ModelItem[]
  hidden: string[]
  filteredOut: number
}

const LINE_BREAK = /[\n\r\u2028\u2029]/

/** Address refs of a view by network: each address with the node id it came as (`a:<network>:<address>`). */
export function viewRefs(state: Pick<GraphState, 'nodes'>): Map<string, { address: string[]; id: string[] }> {
  const by = new Map<string, { address: string[]; id: string[] }>()
  for (const id of state.nodes) {
    // Read here without parseNodeId's capture groups per node; the same ids pass (its `.` excludes line breaks).
    if (!id.startsWith('a:') || LINE_BREAK.test(id)) continue
    const i = id.indexOf(':', 2)
    if (i <= 2 || i === id.length - 1) continue
    const network = id.slice(2, i)
    let r = by.get(network)
    if (!r) by.set(network, (r = { address: [], id: [] }))
    r.address.push(id.slice(i + 1))
    r.id.push(id)
  }
  return by
}

/**
 * Which entity each in-view address belongs to (network → address → entity), first by id when several claim it.
 * One pass over the members table instead of one query per address (50k queries took longer than the aggregation).
 */
export function entityOf(db: Db, byNet: Map<string, Map<string, unknown>>): Map<string, Map<string, { id: number; name: string }>> {
  const out = new Map<string, Map<string, { id: number; name: string }>>()
  const rows = db.prepare('SELECT m.network, m.address, e.id, e.name FROM entity_members m JOIN entities e ON e.id = m.entity_id ORDER BY e.id').iterate() as Iterable<{ network: string; address: string; id: number; name: string }>
  for (const r of rows) {
    if (!byNet.get(r.network)?.has(r.address)) continue
    let per = out.get(r.network)
    if (!per) out.set(r.network, (per = new Map()))
    if (!per.has(r.address)) per.set(r.address, { id: r.id, name: r.name })
  }
  return out
}

/** Wrap the built lists into a Model with lazy edge ids, adjacency and graphology graph. */
export function makeModel(ids: string[], nodes: Map<string, NodeAttrs>, edgeList: ModelEdge[], rest: Pick<Model, 'timelineItems' | 'hidden' | 'filteredOut'>): Model {
  let adj: ModelEdge[][] | null = null
  let byId: Map<string, ModelEdge> | null = null
  let graph: MultiDirectedGraph<NodeAttrs, EdgeAttrs> | null = null
  const idOf = (e: ModelEdge) => edgeId(e.source, e.target, e.a.network, e.a.asset)
  const incident = (node: string): ModelEdge[] => {
    if (!adj) {
      const a: ModelEdge[][] = ids.map(() => [])
      for (const e of edgeList) {
        a[e.s].push(e)
        if (e.t !== e.s) a[e.t].push(e)
      }
      adj = a
    }
    const n = nodes.get(node)
    return n ? adj[n.row] : []
  }
  return {
    ids,
    nodes,
    edgeList,
    ...rest,
    edgeId: idOf,
    incident,
    edge(id) {
      // Read the source from the id and look among its edges (ids for every edge are made only if the source
      // part names no node, which a node id holding a '>' would cause).
      const source = id.slice(0, Math.max(0, id.indexOf('>')))
      if (nodes.has(source)) return incident(source).find((e) => idOf(e) === id)
      byId ??= new Map(edgeList.map((e) => [idOf(e), e]))
      return byId.get(id)
    },
    get graph() {
      if (!graph) {
        graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>()
        for (const [id, a] of nodes) graph.addNode(id, a)
        for (const e of edgeList) graph.addDirectedEdgeWithKey(idOf(e), e.source, e.target, e.a)
      }
      return graph
    }
  }
}
