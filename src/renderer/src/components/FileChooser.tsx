import { useId, useState } from 'react'
import { isDesktop, pickFiles, uploadFile } from '../api/client'
import { formatBytes } from '../lib/format'
import { messageOf } from '../lib/errors'
import { SafeText } from './SafeText'
import './components.css'

/** A chosen file, staged for a contract call only when `stage()` runs (upload in a browser, native pick on desktop). */
export interface ChosenFile {
  name: string
  size?: number
  stage(): Promise<{ uploadId: string }>
}

/**
 * Choose files the same way in both hosts: the native dialog through `files.pick` in the desktop app, an
 * <input type="file"> plus upload on the dev host. Areas (evidence, imports, labels) all use this.
 */
export function FileChooser({
  purpose,
  label,
  multiple = false,
  files,
  onChange,
  error
}: {
  purpose: string
  label: string
  multiple?: boolean
  files: ChosenFile[]
  onChange(files: ChosenFile[]): void
  error?: string
}) {
  const id = useId()
  const [pickError, setPickError] = useState<string>()
  const shownError = error ?? pickError
  return (
    <div className={`ct-field${shownError ? ' ct-field--error' : ''}`}>
      <span className="ct-field__label" id={`${id}-label`}>
        {label}
      </span>
      <div className="ct-filechooser">
        {isDesktop ? (
          <button
            type="button"
            className="ct-btn ct-btn--secondary"
            aria-labelledby={`${id}-label`}
            onClick={() => {
              setPickError(undefined)
              pickFiles(purpose, multiple).then(
                (picked) => {
                  if (picked.length) onChange(picked.map((p) => ({ name: p.name, stage: async () => ({ uploadId: p.uploadId }) })))
                },
                (e: unknown) => setPickError(messageOf(e))
              )
            }}
          >
            <span>Choose {multiple ? 'files' : 'file'}…</span>
          </button>
        ) : (
          <label className="ct-btn ct-btn--secondary ct-filechooser__label">
            <input
              type="file"
              className="ct-visually-hidden"
              multiple={multiple}
              aria-labelledby={`${id}-label`}
              data-testid={`file-input-${purpose}`}
              onChange={(e) => {
                const list = Array.from(e.currentTarget.files ?? [])
                onChange(list.map((f) => ({ name: f.name, size: f.size, stage: () => uploadFile(f) })))
              }}
            />
            <span>Choose {multiple ? 'files' : 'file'}…</span>
          </label>
        )}
        <div className="ct-filechooser__chosen" aria-live="polite">
          {files.length === 0 ? (
            <span className="ct-muted">No file chosen</span>
          ) : (
            files.map((f, i) => (
              <span key={i} className="ct-filechooser__file">
                <SafeText text={f.name} />
                {f.size !== undefined ? <span className="ct-muted"> · {formatBytes(f.size)}</span> : null}
              </span>
            ))
          )}
        </div>
      </div>
      {shownError ? (
        <p className="ct-field__error" role="alert">
          {shownError}
        </p>
      ) : null}
    </div>
  )
}
