import { useEffect, useState } from 'react'
import type { GraphData, GraphFilters } from '../../../../shared/api/areas/graph'
import { NETWORKS } from '../../../../shared/domain/networks'
import { utc } from './format'

interface Props {
  data: Pick<GraphData, 'assets' | 'filteredOut'>
  filters: GraphFilters
  onChange(f: Partial<GraphFilters>): void
}

/** Value filters: minimum amount per transfer, asset and chain, plus the active time window. */
export function FiltersBar({ data, filters, onChange }: Props) {
  const [min, setMin] = useState(filters.minAmount ?? '')
  useEffect(() => setMin(filters.minAmount ?? ''), [filters.minAmount])
  const nets = [...new Set(data.assets.map((a) => a.network))]
  const active = filters.since != null || filters.until != null || filters.minAmount != null || filters.assets.length > 0 || filters.networks.length > 0
  const assetValue = filters.assets[0] ?? ''
  return (
    <div className="ct-gf" aria-label="Filters">
      <label>
        Min amount
        <input
          inputMode="decimal"
          placeholder="any"
          value={min}
          aria-label="Minimum amount per transfer"
          onChange={(e) => setMin(e.target.value.replace(/[^0-9.]/g, ''))}
          onKeyDown={(e) => e.key === 'Enter' && onChange({ minAmount: /^[0-9]+(\.[0-9]+)?$/.test(min) ? min : null })}
          onBlur={() => onChange({ minAmount: /^[0-9]+(\.[0-9]+)?$/.test(min) ? min : null })}
        />
      </label>
      <label>
        Asset
        <select aria-label="Asset" value={assetValue} onChange={(e) => onChange({ assets: e.target.value ? [e.target.value] : [] })}>
          <option value="">All assets</option>
          {data.assets.map((a) => (
            <option key={`${a.network}:${a.asset}`} value={`${a.network}:${a.asset}`}>
              {a.symbol} · {NETWORKS.get(a.network)?.name ?? a.network} ({a.count})
            </option>
          ))}
        </select>
      </label>
      <label>
        Chain
        <select aria-label="Chain" value={filters.networks[0] ?? ''} onChange={(e) => onChange({ networks: e.target.value ? [e.target.value] : [] })}>
          <option value="">All chains</option>
          {nets.map((n) => (
            <option key={n} value={n}>
              {NETWORKS.get(n)?.name ?? n}
            </option>
          ))}
        </select>
      </label>
      {(filters.since != null || filters.until != null) && (
        <span className="ct-gf-chip" data-testid="time-filter">
          {utc(filters.since)} → {utc(filters.until)}
        </span>
      )}
      {data.filteredOut > 0 && <span className="ct-gf-note">{data.filteredOut} node(s) without flows under these filters are not drawn</span>}
      {active && (
        <button className="link" onClick={() => onChange({ since: null, until: null, minAmount: null, assets: [], networks: [] })}>
          Clear filters
        </button>
      )}
    </div>
  )
}
