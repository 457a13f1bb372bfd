/**
 * Reading graph.build's columnar answer (GraphWire): one node as the GraphNode object the panels use, or the whole
 * graph as GraphData together with the exact edges from graph.edges. Decoding everything is for small views and
 * tests; the canvas reads the columns directly.
 */
import type { GraphData, GraphEdge, GraphNode, GraphWire } from '../api/areas/graph'
import { edgeId, parseNodeId } from './ids'

/** Kind, network and ref of a node, read from its id. */
export function nodeIdParts(id: string): Pick<GraphNode, 'kind' | 'network' | 'ref'> {
  const p = parseNodeId(id)
  if (p?.kind === 'address') return { kind: 'address', network: p.network, ref: p.address }
  if (p?.kind === 'tx') return { kind: 'tx', network: p.network, ref: p.txid }
  return { kind: 'entity', network: null, ref: null }
}

/** Id of edge row i. */
export function wireEdgeId(w: GraphWire, i: number): string {
  const a = w.assetTable[w.edges.asset[i]]
  return edgeId(w.nodes.id[w.edges.source[i]], w.nodes.id[w.edges.target[i]], a.network, a.asset)
}

/** Node row i as a GraphNode. */
export function wireNode(w: GraphWire, i: number): GraphNode {
  const n = w.nodes
  const c = n.category[i]
  return {
    id: n.id[i],
    ...nodeIdParts(n.id[i]),
    label: n.label[i],
    category: c == null ? null : w.categories[c],
    labels: n.labels[i] ?? [],
    entity: n.entity[i] ?? null,
    volumes: (n.volumes?.[i] ?? []).map(([k, inU, outU]) => ({ ...w.assetTable[k], in: inU, out: outU })),
    weight: n.weight[i],
    firstTime: n.firstTime?.[i] ?? null,
    lastTime: n.lastTime?.[i] ?? null,
    position: n.position[i] ?? null,
    annotation: n.annotation[i] ?? null
  }
}

/** The whole answer as objects (GraphData), with the exact edges graph.edges gave for the same view. */
export function decodeGraph(w: GraphWire, edges: GraphEdge[]): GraphData {
  return {
    nodes: w.nodes.id.map((_, i) => wireNode(w, i)),
    edges,
    hidden: w.hidden,
    filteredOut: w.filteredOut,
    assets: w.assets,
    timeline: w.timeline
  }
}

/** Row index of an edge id, or -1 (a scan: for one click, not per frame). */
export function findWireEdge(w: GraphWire, id: string): number {
  const [s, t] = id.split('>')
  const si = w.nodes.id.indexOf(s)
  const ti = si < 0 ? -1 : w.nodes.id.indexOf(t)
  for (let i = 0; i < w.edges.source.length; i++) {
    // Fast path by end indices; ids whose parts hold a '>' fall back to comparing every id.
    if (ti >= 0 && (w.edges.source[i] !== si || w.edges.target[i] !== ti)) continue
    if (wireEdgeId(w, i) === id) return i
  }
  return -1
}
