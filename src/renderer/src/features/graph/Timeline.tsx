import { useEffect, useState } from 'react'
import type { GraphData, GraphFilters } from '../../../../shared/api/areas/graph'
import { utcDate } from './format'

interface Props {
  timeline: GraphData['timeline']
  filters: GraphFilters
  asset: string | null
  assetLabel: string
  onChange(since: number | null, until: number | null): void
}

const W = 1000
const H = 46

/** Volume histogram over time with a two-handle window; releasing a handle applies the time filter. */
export function Timeline({ timeline, filters, asset, assetLabel, onChange }: Props) {
  const { min, max, bins } = timeline
  const [lo, setLo] = useState(filters.since ?? min ?? 0)
  const [hi, setHi] = useState(filters.until ?? max ?? 0)
  useEffect(() => {
    setLo(filters.since ?? min ?? 0)
    setHi(filters.until ?? max ?? 0)
  }, [filters.since, filters.until, min, max])
  if (min == null || max == null || !bins.length) return <div className="ct-tl ct-tl-empty">No dated transfers in this view.</div>
  // Bar height: volume of the chosen asset (log scale so one theft doesn't flatten the rest), else the count.
  const val = (b: (typeof bins)[number]) => {
    if (!asset) return b.count
    const v = b.volume.find((x) => x.asset === asset)?.amount
    return v ? v.length + Number(`0.${v.slice(0, 3)}`) : 0
  }
  const top = Math.max(1, ...bins.map(val))
  const bw = W / bins.length
  const span = Math.max(1, max - min)
  const x = (t: number) => ((t - min) / span) * W
  const commit = () => onChange(lo <= min ? null : lo, hi >= max ? null : hi)
  return (
    <div className="ct-tl" data-testid="timeline">
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" aria-label={asset ? `Volume of ${asset} over time` : 'Transfers over time'}>
        <rect x={x(lo)} y={0} width={Math.max(1, x(hi) - x(lo))} height={H} className="ct-tl-window" />
        {bins.map((b, i) => {
          const h = (val(b) / top) * (H - 4)
          const inside = b.end >= lo && b.start <= hi
          return <rect key={i} x={i * bw + 1} y={H - h} width={Math.max(1, bw - 2)} height={h} className={inside ? 'ct-tl-bar' : 'ct-tl-bar out'}><title>{`${utcDate(b.start)} – ${utcDate(b.end)}: ${b.count} transfers`}</title></rect>
        })}
      </svg>
      <div className="ct-tl-range">
        <input type="range" aria-label="From time" min={min} max={max} step={Math.max(1, Math.floor(span / 400))} value={lo} onChange={(e) => setLo(Math.min(Number(e.target.value), hi))} onPointerUp={commit} onKeyUp={commit} />
        <input type="range" aria-label="To time" min={min} max={max} step={Math.max(1, Math.floor(span / 400))} value={hi} onChange={(e) => setHi(Math.max(Number(e.target.value), lo))} onPointerUp={commit} onKeyUp={commit} />
      </div>
      <div className="ct-tl-labels">
        <span>{utcDate(lo)}</span>
        <span>{asset ? `volume of ${assetLabel} (log scale)` : 'transfers'} over time (UTC)</span>
        <span>{utcDate(hi)}</span>
      </div>
    </div>
  )
}
