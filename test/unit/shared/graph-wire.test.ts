import { describe, expect, it } from 'vitest'
import { GraphEdge, GraphWire } from '../../../src/shared/api/areas/graph'
import { edgeId } from '../../../src/shared/graph/ids'
import { decodeGraph, findWireEdge, wireEdgeId } from '../../../src/shared/graph/wire'

const A = 'a:eth:0x1a2a1c938ce3ec39b6d47113c7955baa9dd454f2'
const B = 'a:eth:0x098b716b8aaf21512996dc57eb0615e2383e2f96'
const wire = (): GraphWire => ({
  assetTable: [{ network: 'eth', asset: 'native', symbol: 'ETH', decimals: 18 }],
  nodes: { id: [A, B], label: ['Ronin Bridge', 'Exploiter'], category: [0, null], weight: [1, 0.5], x: [0, 300], y: [0, 0], labels: {}, entity: {}, annotation: { 1: 'note' }, position: {} },
  categories: ['bridge'],
  edges: { source: [0], target: [1], asset: [0], weight: [1], annotation: {} },
  hidden: [],
  filteredOut: 0,
  assets: [],
  timeline: { min: null, max: null, bins: [] }
})

describe('columnar graph answer', () => {
  it('decodes to the objects the panels and exporters use', () => {
    const exact = { id: edgeId(A, B, 'eth', 'native'), source: A, target: B, network: 'eth', asset: 'native', symbol: 'ETH', decimals: 18, count: 2, total: '173600000000000000000000', weight: 1, firstTime: 1, lastTime: 2, annotation: null }
    const g = decodeGraph(GraphWire.parse(wire()), [exact])
    expect(g.edges[0]).toEqual(exact)
    expect(wireEdgeId(wire(), 0)).toBe(exact.id)
    // Exact totals travel in graph.edges, whose schema refuses anything but integer base units.
    expect(GraphEdge.safeParse(exact).success).toBe(true)
    expect(GraphEdge.safeParse({ ...exact, total: '1.5e23' }).success).toBe(false)
    expect(g.nodes[0]).toMatchObject({ kind: 'address', network: 'eth', ref: A.slice(6), category: 'bridge', annotation: null })
    expect(g.nodes[1]).toMatchObject({ category: null, annotation: 'note', volumes: [] })
    expect(findWireEdge(wire(), edgeId(A, B, 'eth', 'native'))).toBe(0)
    expect(findWireEdge(wire(), edgeId(B, A, 'eth', 'native'))).toBe(-1)
  })

  it('refuses columns of different lengths, dangling indices and non-numeric weights', () => {
    const short = wire()
    short.nodes.label.pop()
    expect(GraphWire.safeParse(short).success).toBe(false)
    const dangling = wire()
    dangling.edges.target[0] = 7
    expect(GraphWire.safeParse(dangling).success).toBe(false)
    const nan = wire()
    nan.edges.weight[0] = NaN
    expect(GraphWire.safeParse(nan).success).toBe(false)
    const shortEdges = wire()
    shortEdges.edges.asset.pop()
    expect(GraphWire.safeParse(shortEdges).success).toBe(false)
  })
})
