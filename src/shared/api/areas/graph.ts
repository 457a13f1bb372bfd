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
const isIdx = (v: unknown) => Number.isInteger(v) && (v as number) >= 0
/**
 * A whole column checked in one pass: the same rules as the per-field schemas, but zod's per-element
 * machinery over 200k-row columns cost more than building them.
 */
const col = <T>(what: string, ok: (v: unknown) => boolean) => z.custom<T[]>((v) => Array.isArray(v) && v.every(ok), { message: `expected a column of ${what}` })
const IdxCol = col<number>('row indices', isIdx)
const NumCol = col<number>('finite numbers', Number.isFinite)
const TimeCol = col<number | null>('unix times or null', (v) => v === null || Number.isInteger(v))
const TextCol = col<string>('strings', (v) => typeof v === 'string')
const IdCol = col<string>('node ids', (v) => typeof v === 'string' && v.length >= 3 && v.length <= 300)
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
    id: IdCol,
    label: TextCol,
    /** Index into `categories`, or null for an unlabelled node. */
    category: col<number | null>('category indices or null', (v) => v === null || isIdx(v)),
    weight: NumCol,
    /** Active time span in the view: only in a single node's answer (graph.node), the canvas does not show it. */
    firstTime: TimeCol.optional(),
    lastTime: TimeCol.optional(),
    /** Left-to-right flow layout of the canvas (y down), computed by the core so no layout runs before drawing. */
    x: NumCol,
    y: NumCol,
    /**
     * Per node: [asset index, in, out] per asset, exact. Only in a single node's answer (graph.node): the canvas
     * needs only the display weight, and summing exact volumes for 50k nodes was a third of graph.build.
     */
    volumes: z.array(z.array(z.tuple([Idx, Units, Units]))).optional(),
    labels: Sparse(z.array(LabelOut)),
    entity: Sparse(z.object({ id: z.number().int(), name: z.string(), members: z.number().int() })),
    annotation: Sparse(z.string()),
    /** Saved (pinned) positions of the view, y down. */
    position: Sparse(Pos)
  }),
  categories: z.array(z.string()),
  /**
   * Only what the canvas draws: ends, asset and display weight. Exact totals, transfer counts and first/last
   * times come from graph.edges (the flow panel asks for one edge; exports use the core's model): shipping them
   * for every edge of a 200k-edge view was ~40 % of the answer and none of the first frame.
   */
  edges: z.object({
    source: IdxCol,
    target: IdxCol,
    asset: IdxCol,
    weight: NumCol,
    annotation: Sparse(z.string())
  }),
  hidden: GraphData.shape.hidden,
  filteredOut: z.number().int(),
  assets: GraphData.shape.assets,
  timeline: GraphData.shape.timeline
}).check((ctx) => {
  // Columns of one table have one length, and every index points at a row that exists.
  const w = ctx.value
  const n = w.nodes.id.length
  const m = w.edges.source.length
  const bad = (msg: string) => ctx.issues.push({ code: 'custom', message: msg, input: w })
  const nodeCols = [w.nodes.label, w.nodes.category, w.nodes.weight, w.nodes.x, w.nodes.y]
  const optional = [w.nodes.volumes, w.nodes.firstTime, w.nodes.lastTime]
  if (nodeCols.some((c) => c.length !== n) || optional.some((c) => c && c.length !== n)) bad('node columns differ in length')
  const edgeCols = [w.edges.target, w.edges.asset, w.edges.weight]
  if (edgeCols.some((c) => c.length !== m)) bad('edge columns differ in length')
  if (!w.edges.source.every((i) => i < n) || !w.edges.target.every((i) => i < n)) bad('an edge names a node row that does not exist')
  if (!w.edges.asset.every((i) => i < w.assetTable.length)) bad('an edge names an asset that is not in the asset table')
  if (!w.nodes.category.every((c) => c === null || c < w.categories.length)) bad('a node names a category that is not listed')
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
  /** Exact aggregated flows of the view (total, count, first/last time): the given edge ids, or every edge. */
  'graph.edges': {
    input: z.object({ ...WithState, edges: z.array(z.string().max(700)).max(10_000).optional() }).strict(),
    output: z.array(GraphEdge),
    mutates: false
  },
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
