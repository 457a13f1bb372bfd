import Graph from 'graphology'
import type { GraphWire } from '../../../shared/api/areas/graph'
import { assetColor, categoryStyle } from '../../../shared/graph/category-style'
import { PairIndex } from '../../../shared/graph/pair-index'
import { wireEdgeId } from '../../../shared/graph/wire'

/** Node attributes sigma draws (plus ours). Positions are sigma space: y grows upwards. */
export interface NodeView {
  /** The contract's node id (the drawing graph keys nodes by row number, see `wires`). */
  id: string
  x: number
  y: number
  size: number
  color: string
  label: string
  fullLabel: string
  kind: string
  category: string | null
  /** Pictogram id of the category (drawn by the label renderer). */
  icon: string
  fixed?: boolean
  // Sigma's display defaults, set here so every node has one object shape: sigma copies each node's attributes
  // and fills in missing defaults on every refresh, and adding properties one by one was a fifth of the time
  // to first frame on big graphs.
  hidden: boolean
  highlighted: boolean
  forceLabel: boolean
  type: string
  zIndex: number
}

/** Edge attributes sigma draws (all of sigma's defaults present, for the same reason as nodes). */
export interface EdgeView {
  size: number
  color: string
  label: string
  hidden: boolean
  forceLabel: boolean
  type: string
  zIndex: number
}

/** Past this many nodes discs are drawn smaller. */
const BIG_NODES = 5000

/** Past this many flows the canvas draws 1-px GL lines instead of arrows (see GraphCanvas). */
export const LINE_EDGES = 20_000

/**
 * Canvas labels are short (the panel shows the full name and address). A string of at most n UTF-16 units has at
 * most n characters, so most labels skip splitting into characters.
 */
const clip = (s: string, n: number) => (s.length <= n || [...s].length <= n ? s : [...s].slice(0, n - 1).join('') + '…')

/** Sigma coordinates from saved (y-down) positions and back. */
export const toSigma = (p: { x: number; y: number }) => ({ x: p.x, y: -p.y })
export const fromSigma = (p: { x: number; y: number }) => ({ x: p.x, y: -p.y })

/**
 * Build the drawing model straight from graph.build's columns (no per-node objects in between). The contract
 * data stays the source of truth; this graph only carries what sigma needs, and highlighting never writes to
 * it (reducers do). Positions: saved (pinned) ones, else the previous drawing's, else the core's flow layout.
 */
export function toGraphology(w: GraphWire, previous?: Graph<NodeView, EdgeView>, flow = false): Graph<NodeView, EdgeView> {
  const N = w.nodes
  const E = w.edges
  // A multigraph only when two flows share both ends (two assets between the same pair): graphology's multi
  // edge bookkeeping was a third of building a 195k-edge drawing graph.
  const g = new Graph<NodeView, EdgeView>({ type: 'directed', multi: hasParallel(E.source, E.target) })
  const styles = w.categories.map((c) => categoryStyle(c))
  const none = categoryStyle(null)
  // Big graphs get smaller discs: at that density they overlap anyway, and software WebGL pays per pixel covered
  // (the fixed node program draws every disc twice, once for picking).
  const [base, span] = N.id.length > BIG_NODES ? [2.5, 7] : [5, 13]
  // One key string per node, made once: a fresh String(n) per edge end made graphology hash 390k new strings.
  const keys = N.id.map((_, i) => String(i))
  for (let i = 0; i < N.id.length; i++) {
    const id = N.id[i]
    const c = N.category[i]
    const st = c == null ? none : styles[c]
    const saved = N.position[i]
    const pk = !flow && !saved && previous ? nodeKeyOf(previous, id) : undefined
    const prev = pk !== undefined ? previous!.getNodeAttributes(pk) : null
    const pos = saved ? toSigma(saved) : prev ? { x: prev.x, y: prev.y } : { x: N.x[i], y: -N.y[i] }
    const tx = id.startsWith('t:')
    g.addNode(keys[i], {
      id,
      x: pos.x,
      y: pos.y,
      size: tx ? Math.min(3.5, base) : base + Math.sqrt(N.weight[i]) * span,
      color: st.color,
      // Transactions stay unlabelled on the canvas (hover or select shows them) so address labels have room.
      label: tx ? '' : clip(N.label[i], 24),
      fullLabel: N.label[i],
      kind: tx ? 'tx' : id.startsWith('e:') ? 'entity' : 'address',
      category: c == null ? null : w.categories[c],
      icon: st.key,
      fixed: !!saved,
      hidden: false,
      highlighted: false,
      forceLabel: false,
      type: 'circle',
      zIndex: 0
    })
  }
  const colors = w.assetTable.map((a) => assetColor(`${a.network}:${a.asset}`) + 'b0')
  const type = E.source.length > LINE_EDGES ? 'line' : 'arrow'
  // Edges with the same asset and weight share one frozen attribute object: nothing writes edge attributes
  // (sigma copies them before the reducers run), so a big view allocates a few thousand objects, not one per flow.
  const shared = w.assetTable.map(() => new Map<number, EdgeView>())
  for (let i = 0; i < E.source.length; i++) {
    const byWeight = shared[E.asset[i]]
    let a = byWeight.get(E.weight[i])
    if (!a) byWeight.set(E.weight[i], (a = Object.freeze({ size: 1 + Math.sqrt(E.weight[i]) * 5, color: colors[E.asset[i]], label: '', hidden: false, forceLabel: false, type, zIndex: 0 })))
    g.addDirectedEdgeWithKey(String(i), keys[E.source[i]], keys[E.target[i]], a)
  }
  wires.set(g, { w })
  return g
}

/** True when some (source, target) pair occurs twice. */
function hasParallel(source: number[], target: number[]): boolean {
  const seen = new PairIndex(source.length)
  for (let i = 0; i < source.length; i++) {
    if (seen.get(source[i], target[i]) >= 0) return true
    seen.set(source[i], target[i], i)
  }
  return false
}

// Drawing nodes and edges are keyed by their row number ("0", "1", …), not by the long ids: graphology and sigma
// keep per-item state in plain objects keyed by key, and integer-like keys made building and indexing a
// 50k-node / 200k-edge graph several times faster. These functions translate between keys and contract ids.
const wires = new WeakMap<Graph, { w: GraphWire; keys?: Map<string, string>; nodeKeys?: Map<string, string> }>()

/** The contract's node id of a drawing node key. */
export function nodeIdOf(g: Graph, key: string): string {
  const x = wires.get(g)
  return x ? (x.w.nodes.id[Number(key)] ?? key) : key
}

/** The drawing key of a contract node id (undefined when not drawn); the index is built on first use. */
export function nodeKeyOf(g: Graph, id: string): string | undefined {
  const x = wires.get(g)
  if (!x) return undefined
  x.nodeKeys ??= new Map(x.w.nodes.id.map((n, i) => [n, String(i)]))
  return x.nodeKeys.get(id)
}

/** The contract's edge id of a drawing edge key. */
export function edgeIdOf(g: Graph, key: string): string {
  const x = wires.get(g)
  return x ? wireEdgeId(x.w, Number(key)) : key
}

/** The drawing key of a contract edge id (undefined when not drawn); the index is built on first use. */
export function edgeKeyOf(g: Graph, id: string): string | undefined {
  const x = wires.get(g)
  if (!x) return undefined
  if (!x.keys) {
    x.keys = new Map()
    for (let i = 0; i < x.w.edges.source.length; i++) x.keys.set(wireEdgeId(x.w, i), String(i))
  }
  return x.keys.get(id)
}

/** Put every unpinned node back on the core's flow layout (the exhibit layout). */
export function applyFlowLayout(g: Graph<NodeView, EdgeView>, w: GraphWire): void {
  const N = w.nodes
  for (let i = 0; i < N.id.length; i++) {
    const key = nodeKeyOf(g, N.id[i])
    if (key === undefined || g.getNodeAttribute(key, 'fixed')) continue
    g.mergeNodeAttributes(key, { x: N.x[i], y: -N.y[i] })
  }
}
