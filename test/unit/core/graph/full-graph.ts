/**
 * The whole view as GraphData through the contract: graph.build's columns (what the canvas gets) plus the exact
 * edges from graph.edges (what the flow panel and exports show). Tests read exact totals through this.
 */
import type { Core } from '../../../../src/core/core'
import type { MethodInput } from '../../../../src/shared/api/contract'
import type { GraphData } from '../../../../src/shared/api/areas/graph'
import { decodeGraph, wireEdgeId } from '../../../../src/shared/graph/wire'

export async function fullGraph(core: Core, input: MethodInput<'graph.build'>): Promise<GraphData> {
  const w = await core.invoke('graph.build', input)
  const edges = await core.invoke('graph.edges', input)
  // Both answers describe the same edges in the same order.
  if (edges.length !== w.edges.source.length) throw new Error(`graph.edges gave ${edges.length} edges, graph.build ${w.edges.source.length}`)
  edges.forEach((e, i) => {
    if (e.id !== wireEdgeId(w, i)) throw new Error(`edge ${i}: graph.edges has ${e.id}, graph.build ${wireEdgeId(w, i)}`)
  })
  return decodeGraph(w, edges)
}
