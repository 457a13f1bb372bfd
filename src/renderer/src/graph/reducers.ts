import type Graph from 'graphology'
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types'
import { edgeKeyOf, nodeKeyOf, type EdgeView, type NodeView } from './to-graphology'

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
    // Seeds and the answer are node ids; the graph is walked by drawing key.
    const seeds = [...s.selected, ...(s.hovered ? [s.hovered] : [])].flatMap((n) => nodeKeyOf(graph, n) ?? [])
    const ek = s.selectedEdge ? edgeKeyOf(graph, s.selectedEdge) : undefined
    if (ek !== undefined && graph.hasEdge(ek)) seeds.push(graph.source(ek), graph.target(ek))
    if (!seeds.length) return null
    const out = new Set(seeds.map((k) => graph.getNodeAttribute(k, 'id')))
    for (const n of seeds) graph.forEachNeighbor(n, (_m, a) => void out.add(a.id))
    return out
  }
  // Per highlight state: the focus set, and the selected/path edges as drawing keys (edges are keyed by row).
  let cache: { key: unknown; set: Set<string> | null; edge?: string; path?: Set<string> } = { key: null, set: null }
  const cached = () => {
    const s = h()
    if (cache.key !== s) {
      const path = s.path ? new Set([...s.path.edges].map((e) => edgeKeyOf(graph, e) ?? e)) : undefined
      cache = { key: s, set: focusSet(), edge: s.selectedEdge ? edgeKeyOf(graph, s.selectedEdge) : undefined, path }
    }
    return cache
  }
  const focus = () => cached().set
  const active = (s: Highlight) => !!(s.hovered || s.selected.size || s.selectedEdge || s.path)
  // Reducers run for every node and edge on each refresh: with nothing highlighted they return at once, and
  // sigma already hands them a copy, so they change it in place instead of spreading a new object.
  return {
    node(_key: string, data: NodeView): Partial<NodeDisplayData> {
      const s = h()
      if (!active(s)) return data
      const node = data.id
      const f = focus()
      const res = data as NodeView & Partial<NodeDisplayData>
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
      if (!active(s)) return data
      const res = data as EdgeView & Partial<EdgeDisplayData>
      const c = cached()
      if (c.path) {
        if (c.path.has(edge)) {
          res.color = '#f59e0b'
          res.size = Math.max(3, data.size * 1.4)
          res.zIndex = 2
        } else res.color = DIM_EDGE
        return res
      }
      if (c.edge === edge) {
        res.color = '#f59e0b'
        res.size = Math.max(3, data.size * 1.4)
        res.zIndex = 2
        return res
      }
      const f = focus()
      if (f) {
        const src = graph.getNodeAttribute(graph.source(edge), 'id')
        const dst = graph.getNodeAttribute(graph.target(edge), 'id')
        const touches = s.selected.has(src) || s.selected.has(dst) || s.hovered === src || s.hovered === dst
        if (!touches) res.color = DIM_EDGE
      }
      return res
    }
  }
}
