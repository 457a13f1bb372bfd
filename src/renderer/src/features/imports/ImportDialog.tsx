import { SafeText } from '../../components/SafeText'
import { useEffect, useRef, useState } from 'react'
import { call } from '../../api/client'
import type { FileImportResult } from '../../../../shared/api/areas/imports'
import { ProgressBar } from '../../components/ProgressBar'
import { useImport } from './useImport'
import { MappingDialog } from './MappingDialog'
import './imports.css'

function Counts({ r }: { r: FileImportResult }) {
  const entries = Object.entries(r.counts).sort(([a], [b]) => a.localeCompare(b))
  return <span className="counts">{entries.map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(' · ') || 'no records'}</span>
}

/**
 * Import dialog: drop files or choose them (several at once), see for each what was detected and how many
 * records it holds (a dry run), optionally force a format, then import with a progress bar and read the
 * result summary with conflicts and warnings.
 */
export function ImportDialog({ caseId, onClose, onImported }: { caseId: string; onClose(): void; onImported(): void }) {
  const imp = useImport(caseId)
  const [over, setOver] = useState(false)
  const [formats, setFormats] = useState<{ id: string; name: string }[]>([])
  const [mapTarget, setMapTarget] = useState<{ uploadId: string; name: string } | null>(null)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    void call('imports.formats', {}).then(setFormats)
  }, [])
  const desktop = !!window.api
  const ready = imp.files.length > 0 && imp.files.every((f) => f.preview?.ok) && !imp.busy
  const p = imp.progress
  return (
    <div className="import-backdrop" role="presentation">
      <div className="import-dialog" role="dialog" aria-modal="true" aria-label="Import explorer data" data-testid="import-dialog">
        <h2>Import explorer data</h2>
        <div
          className={over ? 'drop-zone over' : 'drop-zone'}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault()
            setOver(true)
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault()
            setOver(false)
            void imp.addBrowserFiles([...e.dataTransfer.files])
          }}
        >
          Drop explorer and exchange exports here (JSON, CSV, TSV, XLSX, raw hex), or{' '}
          <button onClick={() => (desktop ? void imp.pickNative() : input.current?.click())}>choose files…</button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            data-testid="file-input"
            onChange={(e) => {
              void imp.addBrowserFiles([...(e.target.files ?? [])])
              e.target.value = ''
            }}
          />
        </div>
        <div className="import-actions">
          <label>
            Format{' '}
            <select aria-label="Format" value={imp.format} onChange={(e) => void imp.setFormatAndRepreview(e.target.value)}>
              <option value="">detect from content</option>
              {formats.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.id}
                </option>
              ))}
            </select>
          </label>
        </div>
        {imp.files.length > 0 && (
          <table className="import-table" data-testid="import-preview">
            <thead>
              <tr>
                <th>File</th>
                <th>Detected format</th>
                <th>Records</th>
                <th>Preview</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {imp.files.map((f) => (
                <tr key={f.uploadId}>
                  <td>
                    <SafeText text={f.name} />
                  </td>
                  <td>{f.preview?.ok ? f.preview.result.format : '—'}</td>
                  <td className="num">{f.preview?.ok ? f.preview.result.records.toLocaleString('en') : '—'}</td>
                  <td>{!f.preview ? 'checking…' : f.preview.ok ? <Counts r={f.preview.result} /> : <span className="error">{f.preview.error}</span>}</td>
                  <td>
                    {(f.mapping || (f.preview && !f.preview.ok) || /\.(csv|tsv|txt|xlsx)$/i.test(f.name)) && (
                      <button onClick={() => setMapTarget({ uploadId: f.uploadId, name: f.name })} aria-label={`Map columns of ${f.name}`}>
                        {f.mapping ? 'Mapping…' : 'Map columns…'}
                      </button>
                    )}{' '}
                    <button onClick={() => imp.remove(f.uploadId)} aria-label={`Remove ${f.name}`}>
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {mapTarget && (
          <MappingDialog
            caseId={caseId}
            uploadId={mapTarget.uploadId}
            fileName={mapTarget.name}
            onMapped={(m) => {
              setMapTarget(null)
              void imp.setMapping(mapTarget.uploadId, m)
            }}
            onCancel={() => setMapTarget(null)}
          />
        )}
        {imp.busy && (
          <div data-testid="import-progress">
            <ProgressBar
              label={imp.busy === 'importing' ? 'Importing…' : imp.busy === 'staging' ? 'Reading files…' : 'Checking files…'}
              event={imp.busy === 'importing' && p ? { ...p, message: `${p.phase}: ${p.done.toLocaleString('en')} records` } : undefined}
            />
          </div>
        )}
        {imp.error && <p className="error" role="alert">{imp.error}</p>}
        {imp.results && (
          <section className="import-result" data-testid="import-result" aria-label="Import result">
            <h3>Imported</h3>
            <ul>
              {imp.results.map((r) => (
                <li key={r.sha256}>
                  <strong>
                    <SafeText text={r.file} />
                  </strong>{' '}
                  — {r.format}, SHA-256 <span className="mono">{r.sha256}</span>
                  {r.evidenceAlreadyPresent ? ' (already in the locker)' : ''}
                  <br />
                  <Counts r={r} />
                  {r.conflicts.length > 0 && (
                    <ul>
                      {r.conflicts.slice(0, 20).map((c, i) => (
                        <li key={i} className="error">
                          conflict {c.key} {c.field}: case has {c.existing ?? '∅'}, this file says {c.incoming ?? '∅'}
                        </li>
                      ))}
                    </ul>
                  )}
                  {r.warnings.length > 0 && (
                    <ul>
                      {r.warnings.slice(0, 20).map((w, i) => (
                        <li key={i}>
                          warning: <SafeText text={w} />
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        <div className="import-actions">
          <button onClick={onClose}>{imp.results ? 'Close' : 'Cancel'}</button>
          <button
            disabled={!ready}
            onClick={() =>
              void imp.run().then((ok) => {
                if (ok) onImported()
              })
            }
          >
            Import {imp.files.length || ''} file{imp.files.length === 1 ? '' : 's'}
          </button>
        </div>
      </div>
    </div>
  )
}
