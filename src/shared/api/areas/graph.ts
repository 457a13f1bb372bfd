import { z } from 'zod'
import { AddressRef, Entity } from './entities'
import { CaseId, Sha256, Text, Units } from './common'

/**
 * Node ids: `a:<network>:<address>` (canonical address), `e:<entityId>` (collapsed entity), `t:<network>:<txid>`
 * (a Bitcoin transaction drawn as a node). Edge ids: `<source>><target>><network>:<asset>`.
 */
export const NodeId = z.string().min(3).max(300)

const Pos = z.object({ x: z.number().finite(), y: z.number().finite() })

/** Filters applied to the transfers behind a view; they never change the case data. */
export const GraphFilters = z
  .object({
    since: z.number().int().nullable().default(null),
    until: z.number().int().nullable().default(null),
    /** Whole-coin decimal text applied to each transfer in its own asset's decimals, e.g. "1.5". */
    minAmount: z.string().regex(/^[0-9]+(\.[0-9]+)?$/).nullable().default(null),
    assets: z.array(z.string().max(200)).max(200).default([]),
    networks: z.array(z.string().max(32)).max(50).default([])
  })
  .strict()
export type GraphFilters = z.infer<typeof GraphFilters>

/** Everything a saved view ("exhibit") remembers. */
export const GraphState = z
  .object({
    /** Address node ids placed in the view (`a:network:address`). */
    nodes: z.array(NodeId).max(200_000).default([]),
    hidden: z.array(NodeId).max(200_000).default([]),
    collapsed: z.array(z.number().int().positive()).max(10_000).default([]),
    positions: z.record(NodeId, Pos).default({}),
    filters: GraphFilters.default({ since: null, until: null, minAmount: null, assets: [], networks: [] }),
    btcMode: z.enum(['address', 'tx']).default('address'),
    layout: z.enum(['flow', 'force', 'saved']).default('flow')
  })
  .strict()
export type GraphState = z.infer<typeof GraphState>
export type GraphStateInput = z.input<typeof GraphState>

const LabelOut = z.object({ name: z.string(), category: z.string(), source: z.string(), confidence: z.number().nullable(), sanctioned: z.boolean() })

export const AssetVolume = z.object({ network: z.string(), asset: z.string(), symbol: z.string(), decimals: z.number().int(), in: Units, out: Units })
export type AssetVolume = z.infer<typeof AssetVolume>

export const GraphNode = z.object({
  id: NodeId,
  kind: z.enum(['address', 'entity', 'tx']),
  network: z.string().nullable(),
  /** Canonical address, txid, or null for an entity. */
  ref: z.string().nullable(),
  label: z.string(),
  category: z.string().nullable(),
  labels: z.array(LabelOut),
  entity: z.object({ id: z.number().int(), name: z.string(), members: z.number().int() }).nullable(),
  volumes: z.array(AssetVolume),
  /** 0..1 display weight (largest asset share in the view); never an amount. */
  weight: z.number(),
  firstTime: z.number().int().nullable(),
  lastTime: z.number().int().nullable(),
  position: Pos.nullable(),
  annotation: z.string().nullable()
})
export type GraphNode = z.infer<typeof GraphNode>

export const GraphEdge = z.object({
  id: z.string(),
  source: NodeId,
  target: NodeId,
  network: z.string(),
  asset: z.string(),
  symbol: z.string(),
  decimals: z.number().int(),
  count: z.number().int(),
  total: Units,
  weight: z.number(),
  firstTime: z.number().int().nullable(),
  lastTime: z.number().int().nullable(),
  annotation: z.string().nullable()
})
export type GraphEdge = z.infer<typeof GraphEdge>

export const TimelineBin = z.object({ start: z.number().int(), end: z.number().int(), count: z.number().int(), volume: z.array(z.object({ asset: z.string(), amount: Units })) })

export const GraphData = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  hidden: z.array(z.object({ id: NodeId, label: z.string() })),
  /** Nodes of the view with no flow left under the current filters. */
  filteredOut: z.number().int(),
  assets: z.array(z.object({ network: z.string(), asset: z.string(), symbol: z.string(), decimals: z.number().int(), count: z.number().int() })),
  timeline: z.object({ min: z.number().int().nullable(), max: z.number().int().nullable(), bins: z.array(TimelineBin) })
})
export type GraphData = z.infer<typeof GraphData>

const Idx = z.number().int().min(0)
const Time = z.number().int().nullable()
/** Sparse per-row values keyed by the row's index (most nodes/edges have no note, label or entity). */
const Sparse = <T extends z.ZodType>(t: T) => z.record(z.string().regex(/^[0-9]+$/), t)

/**
 * graph.build's answer in columns: one array per field instead of one object per node/edge, edges naming their
 * ends by node index and their asset by index into `assetTable`. A 50k-node / 200k-edge view is ~6× smaller than
 * as objects and parses in a fraction of the time. Node kind, network and ref come from the node id; edge ids
 * are `edgeId(source, target, network, asset)`. Amounts stay exact decimal strings; `weight`, `x`, `y` are
 * display numbers only. `decodeGraph` (shared/graph/wire.ts) turns it back into GraphData objects.
 */
export const GraphWire = z.object({
  assetTable: z.array(z.object({ network: z.string(), asset: z.string(), symbol: z.string(), decimals: z.number().int() })),
  nodes: z.object({
    id: z.array(NodeId),
    label: z.array(z.string()),
    /** Index into `categories`, or null for an unlabelled node. */
    category: z.array(Idx.nullable()),
    weight: z.array(z.number()),
    firstTime: z.array(Time),
    lastTime: z.array(Time),
    /** Left-to-right flow layout of the canvas (y down), computed by the core so no layout runs before drawing. */
    x: z.array(z.number()),
    y: z.array(z.number()),
    /** Per node: [asset index, in, out] per asset. */
    volumes: z.array(z.array(z.tuple([Idx, Units, Units]))),
    labels: Sparse(z.array(LabelOut)),
    entity: Sparse(z.object({ id: z.number().int(), name: z.string(), members: z.number().int() })),
    annotation: Sparse(z.string()),
    /** Saved (pinned) positions of the view, y down. */
    position: Sparse(Pos)
  }),
  categories: z.array(z.string()),
  edges: z.object({
    source: z.array(Idx),
    target: z.array(Idx),
    asset: z.array(Idx),
    count: z.array(z.number().int()),
    total: z.array(Units),
    weight: z.array(z.number()),
    firstTime: z.array(Time),
    lastTime: z.array(Time),
    annotation: Sparse(z.string())
  }),
  hidden: GraphData.shape.hidden,
  filteredOut: z.number().int(),
  assets: GraphData.shape.assets,
  timeline: GraphData.shape.timeline
})
export type GraphWire = z.infer<typeof GraphWire>

/** One movement behind an edge, with the evidence row it came from. */
export const FlowItem = z.object({
  network: z.string(),
  txid: z.string(),
  index: z.string(),
  time: z.number().int().nullable(),
  block: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  asset: z.string(),
  symbol: z.string(),
  decimals: z.number().int(),
  amount: Units,
  edge: z.string(),
  sha256: Sha256.nullable(),
  file: z.string().nullable(),
  locator: z.string()
})
export type FlowItem = z.infer<typeof FlowItem>

const State = GraphState
const WithState = { caseId: CaseId, state: State }

/** Graph building, expansion, paths, annotations and export. */
export const graphArea = {
  'graph.build': { input: z.object(WithState).strict(), output: GraphWire, mutates: false },
  'graph.expand': {
    input: z.object({ ...WithState, nodes: z.array(NodeId).min(1).max(10_000), limit: z.number().int().min(1).max(5000).default(25), offset: z.number().int().min(0).default(0) }).strict(),
    output: z.object({ added: z.array(z.object({ id: NodeId, label: z.string(), transfers: z.number().int() })), remaining: z.number().int() }),
    mutates: false
  },
  'graph.seeds': {
    input: z.object({ caseId: CaseId, query: z.string().max(200).default(''), limit: z.number().int().min(1).max(1000).default(50) }).strict(),
    output: z.array(z.object({ id: NodeId, label: z.string(), network: z.string(), transfers: z.number().int() })),
    mutates: false
  },
  'graph.transfers': {
    input: z
      .object({ ...WithState, nodes: z.array(NodeId).max(10_000).default([]), edges: z.array(z.string().max(700)).max(10_000).default([]), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(10_000).default(500) })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(FlowItem), sums: z.array(z.object({ network: z.string(), asset: z.string(), symbol: z.string(), decimals: z.number().int(), amount: Units, count: z.number().int() })) }),
    mutates: false
  },
  'graph.node': {
    input: z.object({ ...WithState, node: NodeId }).strict(),
    output: z.object({ node: GraphNode, members: z.array(AddressRef), balances: z.array(AssetVolume.extend({ balance: Units, inCount: z.number().int(), outCount: z.number().int() })) }),
    mutates: false
  },
  'graph.path': {
    input: z.object({ ...WithState, from: NodeId, to: NodeId }).strict(),
    output: z.object({ nodes: z.array(NodeId), edges: z.array(z.string()) }),
    mutates: false
  },
  'graph.annotate': {
    input: z.object({ caseId: CaseId, target: z.string().min(3).max(700), note: Text(10_000) }).strict(),
    output: z.object({ target: z.string(), note: z.string(), author: z.string(), updatedAt: z.string() }),
    mutates: true
  },
  'graph.annotations': {
    input: z.object({ caseId: CaseId }).strict(),
    output: z.array(z.object({ target: z.string(), note: z.string(), author: z.string(), updatedAt: z.string() })),
    mutates: false
  },
  'graph.group': {
    input: z.object({ caseId: CaseId, name: Text(300).min(1), note: Text(10_000).optional(), members: z.array(AddressRef).min(1).max(100_000) }).strict(),
    output: Entity,
    mutates: true
  },
  'graph.export': {
    input: z
      .object({ caseId: CaseId, viewId: z.number().int().positive().optional(), state: State.optional(), title: Text(300).optional(), format: z.enum(['svg', 'png', 'gexf', 'graphml']) })
      .strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), encoding: z.enum(['utf8', 'base64']), data: z.string(), sha256: Sha256 }),
    mutates: true
  }
} as const

export const GraphView = z.object({ id: z.number().int(), name: z.string(), note: z.string(), state: GraphState, author: z.string(), createdAt: z.string(), updatedAt: z.string() })
export type GraphView = z.infer<typeof GraphView>

/** Saved views ("exhibits"): named graph states kept in the case. */
export const viewsArea = {
  'views.list': { input: z.object({ caseId: CaseId }).strict(), output: z.array(GraphView.omit({ state: true }).extend({ nodes: z.number().int() })), mutates: false },
  'views.open': { input: z.object({ caseId: CaseId, viewId: z.number().int().positive() }).strict(), output: GraphView, mutates: false },
  'views.save': {
    input: z.object({ caseId: CaseId, viewId: z.number().int().positive().optional(), name: Text(200).min(1), note: Text(10_000).default(''), state: State }).strict(),
    output: GraphView,
    mutates: true
  },
  'views.delete': { input: z.object({ caseId: CaseId, viewId: z.number().int().positive() }).strict(), output: z.object({ deleted: z.number().int() }), mutates: true }
} as const
