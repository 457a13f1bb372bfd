import type Graph from 'graphology'
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types'
import type { EdgeView, NodeView } from './to-graphology'

/** What the highlight reducers look at; held outside the graph so highlighting never mutates the model. */
export interface Highlight {
  hovered: string | null
  selected: Set<string>
  selectedEdge: string | null
  path: { nodes: Set<string>; edges: Set<string> } | null
}

const DIM_NODE = '#d5dbe3'
const DIM_EDGE = '#e5e9ef'

/**
 * Node and edge reducers: the hovered/selected nodes and their neighbours (or a highlighted path) keep their
 * colours and labels; everything else fades. Pure functions of (graph, highlight).
 */
export function makeReducers(graph: Graph<NodeView, EdgeView>, h: () => Highlight) {
  const focusSet = (): Set<string> | null => {
    const s = h()
    if (s.path) return s.path.nodes
    const seeds = [...s.selected, ...(s.hovered ? [s.hovered] : [])].filter((n) => graph.hasNode(n))
    if (s.selectedEdge && graph.hasEdge(s.selectedEdge)) seeds.push(graph.source(s.selectedEdge), graph.target(s.selectedEdge))
    if (!seeds.length) return null
    const out = new Set(seeds)
    for (const n of seeds) graph.forEachNeighbor(n, (m) => void out.add(m))
    return out
  }
  let cache: { key: unknown; set: Set<string> | null } = { key: null, set: null }
  const focus = () => {
    const s = h()
    if (cache.key !== s) cache = { key: s, set: focusSet() }
    return cache.set
  }
  return {
    node(node: string, data: NodeView): Partial<NodeDisplayData> {
      const s = h()
      const f = focus()
      const res: Partial<NodeDisplayData> = { ...data }
      if (s.selected.has(node) || s.hovered === node) res.label = data.fullLabel
      if (s.selected.has(node)) {
        res.highlighted = true
        res.zIndex = 2
      }
      if (f && !f.has(node)) {
        res.color = DIM_NODE
        res.label = ''
        res.zIndex = 0
      } else if (f) res.forceLabel = true
      return res
    },
    edge(edge: string, data: EdgeView): Partial<EdgeDisplayData> {
      const s = h()
      const res: Partial<EdgeDisplayData> = { ...data }
      if (s.path) {
        if (s.path.edges.has(edge)) {
          res.color = '#f59e0b'
          res.size = Math.max(3, data.size * 1.4)
          res.zIndex = 2
        } else res.color = DIM_EDGE
        return res
      }
      if (s.selectedEdge === edge) {
        res.color = '#f59e0b'
        res.size = Math.max(3, data.size * 1.4)
        res.zIndex = 2
        return res
      }
      const f = focus()
      if (f) {
        const src = graph.source(edge)
        const dst = graph.target(edge)
        const touches = [src, dst].some((n) => s.selected.has(n) || s.hovered === n)
        if (!touches) res.color = DIM_EDGE
      }
      return res
    }
  }
}
