import { useState } from 'react'
import type { ScreenHit } from '../../../../shared/api/areas/labels'
import { call } from '../../api/client'
import { SafeText } from '../../components/SafeText'
import { messageOf } from '../../lib/errors'
import { CategoryChip, LabelBadge } from './LabelBadge'

/** Screen every address of the case against all labels; hits most severe first, each with all its sources. */
export function ScreenPanel({ caseId }: { caseId: string }) {
  const [r, setR] = useState<{ addressesChecked: number; labelsChecked: number; totalHits: number; hits: ScreenHit[] } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function run() {
    setBusy(true)
    setError(null)
    try {
      setR(await call('screen.run', { caseId, limit: 1000 }))
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section aria-label="Screening" className="ct-screen">
      <button type="button" disabled={busy} onClick={() => void run()}>
        Screen case addresses
      </button>
      {error && (
        <p role="alert" className="ct-error">
          {error}
        </p>
      )}
      {r && (
        <div data-testid="screen-result">
          <p>
            {r.addressesChecked} case addresses checked against {r.labelsChecked} labels: {r.totalHits} hit(s)
            {r.totalHits > r.hits.length ? ` (the ${r.hits.length} most severe shown)` : ''}
          </p>
          <ol className="ct-screen-hits">
            {r.hits.map((h) => (
              <li key={h.network + h.address}>
                <CategoryChip category={h.category} /> <span className="ct-addr">{h.network}:{h.display}</span>
                <ul>
                  {h.labels.map((l) => (
                    <li key={l.id}>
                      <LabelBadge name={l.name} category={l.category} />
                      {l.viaEntity && (
                        <small>
                          {' '}
                          via entity <SafeText text={l.viaEntity} />
                        </small>
                      )}
                      {l.sdnName && (
                        <small>
                          {' '}
                          SDN entry <SafeText text={l.sdnName} />, program {l.sdnProgram || '—'}
                        </small>
                      )}
                      <small>
                        {' '}
                        — <SafeText text={l.source} />
                        {l.locator ? ` ${l.locator}` : ''}
                      </small>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
