import { useState } from 'react'
import type { FileImportResult } from '../../../../shared/api/areas/imports'
import { call } from '../../api/client'
import { FileChooser, type ChosenFile } from '../../components/FileChooser'
import { messageOf } from '../../lib/errors'
import { SafeText } from '../../components/SafeText'

const COUNT_NAMES: Record<string, string> = {
  'labels.new': 'added',
  'labels.already-imported': 'already in the case (same file)',
  'labels.also-in-another-file': 'same label, recorded as a further source',
  'labels.changed': 'changed (both versions kept, conflict recorded)',
  'labels.skipped': 'skipped (invalid)'
}

/** Import tag-set files (native picker in the desktop app, upload in the browser host) or the starter set. */
export function ImportPanel({ caseId, onChanged }: { caseId: string; onChanged(): void }) {
  const [files, setFiles] = useState<ChosenFile[]>([])
  const [skipInvalid, setSkip] = useState(false)
  const [results, setResults] = useState<FileImportResult[] | null>(null)
  const [error, setError] = useState<{ message: string; errors: string[] } | null>(null)
  const [busy, setBusy] = useState(false)

  async function run(get: () => Promise<{ results: FileImportResult[] }>) {
    setBusy(true)
    setError(null)
    setResults(null)
    try {
      const r = await get()
      setResults(r.results)
      setFiles([])
      onChanged()
    } catch (e) {
      const details = (e as { details?: { errors?: string[] } }).details
      setError({ message: messageOf(e).split('\n')[0], errors: details?.errors ?? [] })
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="ct-labels-import" aria-label="Import a tag set">
      <FileChooser purpose="labels" label="Tag-set files (TagPack YAML, OFAC SDN.CSV + sdn_comments.csv, sdn.xml, sdn_advanced.xml, CSV, JSON)" multiple files={files} onChange={setFiles} />
      <label>
        <span>
          <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkip(e.target.checked)} /> Skip invalid entries (they are listed)
        </span>
      </label>
      <button type="button" disabled={busy || !files.length} onClick={() => void run(async () => call('labels.import', { caseId, files: await Promise.all(files.map((f) => f.stage())), skipInvalid }))}>
        Import tag set
      </button>
      <button type="button" disabled={busy} onClick={() => void run(() => call('labels.starter', { caseId }))}>
        Load starter set
      </button>
      {error && (
        <div role="alert" className="ct-error">
          <SafeText text={error.message} />
          <ul>
            {error.errors.map((x, i) => (
              <li key={i}>
                <SafeText text={x} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {results && (
        <div className="ct-summary" data-testid="import-summary">
          {results.map((r) => (
            <div key={r.sha256 + r.file}>
              <strong>
                <SafeText text={r.file} />
              </strong>{' '}
              — {r.formatName}, SHA-256 <code>{r.sha256}</code>
              {r.evidenceAlreadyPresent ? ' (already in the locker)' : ''}
              <ul>
                {Object.entries(r.counts)
                  .filter(([k]) => k.startsWith('labels.'))
                  .map(([k, v]) => (
                    <li key={k}>
                      {v} {COUNT_NAMES[k] ?? k}
                    </li>
                  ))}
                {r.warnings.map((w, i) => (
                  <li key={'w' + i}>
                    <SafeText text={w} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </section>
  )
}
