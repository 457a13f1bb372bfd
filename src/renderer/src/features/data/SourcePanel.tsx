import { SafeText } from '../../components/SafeText'
import type { SourceRef } from '../../../../shared/api/areas/explore'

/** What a row came from: every source (evidence SHA-256, original file name, locator inside the file). */
export function SourcePanel({ title, sources, onClose }: { title: string; sources: SourceRef[]; onClose(): void }) {
  return (
    <section className="source-panel" data-testid="source-panel" aria-label="Source of the selected row">
      <header className="data-toolbar">
        <strong>
          Source of <SafeText text={title} />
        </strong>
        <button onClick={onClose}>Close</button>
      </header>
      {sources.map((s, i) => (
        <dl key={`${s.sha256}-${s.locator}-${i}`}>
          <dt>{i === 0 ? 'First source' : `Also in (${i + 1})`}</dt>
          <dd>
            <SafeText text={s.file} />
          </dd>
          <dt>Evidence SHA-256</dt>
          <dd className="mono" data-testid="source-sha256">
            {s.sha256}
          </dd>
          <dt>Locator</dt>
          <dd className="mono">
            <SafeText text={s.locator} />
          </dd>
        </dl>
      ))}
    </section>
  )
}

/** The one-click link in a table row that opens its source. */
export function SourceLink({ sources, onOpen }: { sources: SourceRef[]; onOpen(): void }) {
  if (!sources.length) return <span>—</span>
  return (
    <button
      className="source-link"
      title={`${sources[0].file} ${sources[0].locator}`}
      onClick={(e) => {
        e.stopPropagation()
        onOpen()
      }}
    >
      <SafeText text={sources[0].file} />
      {sources.length > 1 ? ` +${sources.length - 1}` : ''}
    </button>
  )
}
