import Graph from 'graphology'
import type { GraphData } from '../../../shared/api/areas/graph'
import { assetColor, categoryStyle } from '../../../shared/graph/category-style'
import { flowLayout } from '../../../shared/graph/flow-layout'

/** Node attributes sigma draws (plus ours). Positions are sigma space: y grows upwards. */
export interface NodeView {
  x: number
  y: number
  size: number
  color: string
  label: string
  fullLabel: string
  kind: string
  category: string | null
  fixed?: boolean
  ref: string | null
}

/** Edge attributes sigma draws. */
export interface EdgeView {
  size: number
  color: string
  type: 'arrow'
  label: string
}

/** Canvas labels are short (the panel shows the full name and address). */
const clip = (s: string, n: number) => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s)

const FLOW = { columnGap: 300, rowGap: 130, narrow: (id: string) => id.startsWith('t:') }

/** Sigma coordinates from saved (y-down) positions and back. */
export const toSigma = (p: { x: number; y: number }) => ({ x: p.x, y: -p.y })
export const fromSigma = (p: { x: number; y: number }) => ({ x: p.x, y: -p.y })

/**
 * Build the drawing model from the contract's graph data. The contract data stays the source of truth;
 * this graph only carries what sigma needs, and highlighting never writes to it (reducers do).
 */
export function toGraphology(data: GraphData, previous?: Graph<NodeView, EdgeView>): Graph<NodeView, EdgeView> {
  const g = new Graph<NodeView, EdgeView>({ type: 'directed', multi: true })
  const flow = flowLayout(
    data.nodes.map((n) => n.id),
    data.edges,
    FLOW
  ).positions
  for (const n of data.nodes) {
    const st = categoryStyle(n.category)
    const prev = previous?.hasNode(n.id) ? previous.getNodeAttributes(n.id) : null
    const pos = n.position ? toSigma(n.position) : prev ? { x: prev.x, y: prev.y } : toSigma(flow.get(n.id)!)
    g.addNode(n.id, {
      ...pos,
      size: n.kind === 'tx' ? 3.5 : 5 + Math.sqrt(n.weight) * 13,
      color: st.color,
      // Transactions stay unlabelled on the canvas (hover or select shows them) so address labels have room.
      label: n.kind === 'tx' ? '' : `${st.glyph} ${clip(n.label, 24)}`,
      fullLabel: `${st.glyph} ${n.label}`,
      kind: n.kind,
      category: n.category,
      ref: n.ref,
      fixed: !!n.position
    })
  }
  for (const e of data.edges) {
    g.addDirectedEdgeWithKey(e.id, e.source, e.target, { size: 1 + Math.sqrt(e.weight) * 5, color: assetColor(`${e.network}:${e.asset}`) + 'b0', type: 'arrow', label: e.symbol })
  }
  return g
}

/** Re-run the left-to-right flow layout on the drawing model (pinned nodes stay put). */
export function applyFlowLayout(g: Graph<NodeView, EdgeView>, edges: GraphData['edges']): void {
  const { positions } = flowLayout(g.nodes(), edges, FLOW)
  g.forEachNode((id, a) => {
    if (a.fixed) return
    const p = toSigma(positions.get(id)!)
    g.mergeNodeAttributes(id, p)
  })
}
