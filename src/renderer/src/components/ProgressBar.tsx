import type { ProgressEvent } from '../../../shared/api/contract'
import './components.css'

/** A determinate bar when the total is known, an indeterminate one otherwise; with the phase as text. */
export function ProgressBar({ event, label }: { event?: ProgressEvent; label: string }) {
  const known = !!event && event.total !== null && event.total > 0
  const pct = known ? Math.min(100, Math.round((event.done / (event.total as number)) * 100)) : undefined
  return (
    <div className="ct-progress">
      <div className="ct-progress__text">
        <span>{event?.message ?? event?.phase ?? label}</span>
        {pct !== undefined ? <span className="ct-muted">{pct}%</span> : null}
      </div>
      <progress className="ct-progress__bar" aria-label={label} max={known ? 100 : undefined} value={pct} />
    </div>
  )
}
