import type { GraphData, GraphState } from '../../shared/api/areas/graph'
import { formatUnits, groupThousands } from '../../shared/domain/amount'
import { NETWORKS } from '../../shared/domain/networks'
import { assetColor, categoryStyle } from '../../shared/graph/category-style'
import { flowLayout } from '../../shared/graph/flow-layout'
import type { Db } from '../store/db'
import { buildModel } from './model-build'
import { serialiseModel } from './serialise'

/** A node as every exporter draws it. */
export interface ExhibitNode {
  id: string
  n: number
  x: number
  y: number
  r: number
  color: string
  glyph: string
  category: string
  label: string
  ref: string | null
  network: string | null
  kind: string
  annotation: string | null
}

/** An edge as every exporter draws it; `amount` is exact and formatted with the asset's decimals. */
export interface ExhibitEdge {
  id: string
  n: number
  source: string
  target: string
  width: number
  color: string
  amount: string
  symbol: string
  total: string
  decimals: number
  count: number
  firstTime: number | null
  lastTime: number | null
  network: string
  asset: string
  annotation: string | null
}

/** Everything an export needs: positioned nodes and edges plus the title block facts. */
export interface Exhibit {
  title: string
  caseNumber: string
  caseTitle: string
  examiner: string
  generatedAt: string
  filters: string
  nodes: ExhibitNode[]
  edges: ExhibitEdge[]
  data: GraphData
}

/** Exact amount in whole units with thousands separators, e.g. "173,600 ETH". */
export function formatAmount(units: string, decimals: number, symbol: string): string {
  return `${groupThousands(formatUnits(units, decimals))} ${symbol}`
}

function utc(t: number | null): string {
  return t == null ? '—' : new Date(t * 1000).toISOString().replace('.000Z', 'Z').replace('T', ' ')
}

function describeFilters(s: GraphState): string {
  const f = s.filters
  const parts = []
  if (f.since != null || f.until != null) parts.push(`time ${utc(f.since)} to ${utc(f.until)}`)
  if (f.minAmount != null) parts.push(`each transfer ≥ ${f.minAmount} (whole units of its asset)`)
  if (f.assets.length) parts.push(`assets ${f.assets.join(', ')}`)
  if (f.networks.length) parts.push(`networks ${f.networks.map((n) => NETWORKS.get(n)?.name ?? n).join(', ')}`)
  if (s.btcMode === 'tx') parts.push('Bitcoin transactions drawn as nodes')
  return parts.length ? parts.join('; ') : 'none (every transfer between the shown addresses)'
}

/**
 * Lay out and style a view for export. Flow layout unless the view keeps its own positions; positions are
 * scaled so neighbouring nodes sit at least a label's width apart.
 */
export function buildExhibit(db: Db, state: GraphState, meta: { title: string; caseNumber: string; caseTitle: string; examiner: string; generatedAt: string }): Exhibit {
  const data = serialiseModel(db, state, buildModel(db, state))
  const flow = flowLayout(
    data.nodes.map((n) => n.id),
    data.edges,
    { columnGap: 330, rowGap: 110, narrow: (id) => id.startsWith('t:') }
  ).positions
  const useSaved = state.layout !== 'flow' && data.nodes.every((n) => n.position)
  let pos = new Map(data.nodes.map((n) => [n.id, useSaved ? n.position! : flow.get(n.id)!]))
  if (useSaved) pos = spread(pos)
  const nodes: ExhibitNode[] = data.nodes.map((n, i) => {
    const st = categoryStyle(n.category)
    return {
      id: n.id,
      n: i + 1,
      ...pos.get(n.id)!,
      r: n.kind === 'tx' ? 11 : 15 + Math.round(Math.sqrt(n.weight) * 15),
      color: st.color,
      glyph: st.glyph,
      category: st.name,
      label: n.label,
      ref: n.ref,
      network: n.network,
      kind: n.kind,
      annotation: n.annotation
    }
  })
  const edges: ExhibitEdge[] = data.edges.map((e, i) => ({
    id: e.id,
    n: i + 1,
    source: e.source,
    target: e.target,
    width: 1.5 + Math.sqrt(e.weight) * 6,
    color: assetColor(`${e.network}:${e.asset}`),
    amount: formatAmount(e.total, e.decimals, e.symbol),
    symbol: e.symbol,
    total: e.total,
    decimals: e.decimals,
    count: e.count,
    firstTime: e.firstTime,
    lastTime: e.lastTime,
    network: e.network,
    asset: e.asset,
    annotation: e.annotation
  }))
  return { ...meta, filters: describeFilters(state), nodes, edges, data }
}

/** Scale saved positions so the closest pair of nodes is at least 150 px apart (labels need the room). */
function spread(pos: Map<string, { x: number; y: number }>): Map<string, { x: number; y: number }> {
  const pts = [...pos.values()].slice(0, 3000)
  let best = Infinity
  for (let i = 0; i < pts.length; i++)
    for (let j = i + 1; j < pts.length; j++) best = Math.min(best, Math.hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y))
  const k = best > 0 && isFinite(best) ? Math.min(1000, 150 / best) : 1
  return new Map([...pos].map(([id, p]) => [id, { x: p.x * k, y: p.y * k }]))
}

/** UTC time text used in exhibit tables, e.g. "2022-03-23 04:33:20Z". */
export { utc as formatUtc }
