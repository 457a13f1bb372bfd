import { useState } from 'react'
import './components.css'

/**
 * A hash or address in monospace, in full by default (court exhibits quote the whole value), with a copy
 * button. `short` shows a prefix and keeps the full value in the title.
 */
export function Hash({ value, short, copy = true, label = 'SHA-256' }: { value: string; short?: number; copy?: boolean; label?: string }) {
  const [copied, setCopied] = useState(false)
  const shown = short ? `${value.slice(0, short)}…` : value
  return (
    <span className="ct-hash">
      <code className="ct-hash__value" title={short ? value : undefined} translate="no">
        {shown}
      </code>
      {copy ? (
        <button
          type="button"
          className="ct-hash__copy"
          aria-label={`Copy ${label} ${value}`}
          title={copied ? 'Copied' : `Copy ${label}`}
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(
              () => setCopied(true),
              () => setCopied(false)
            )
          }}
        >
          {copied ? (
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
              <path d="M3 8.5 6.5 12 13 4.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
            </svg>
          ) : (
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
              <rect x="5.5" y="5.5" width="8" height="8.5" rx="1.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
              <path d="M10.5 3.5V3a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
            </svg>
          )}
        </button>
      ) : null}
    </span>
  )
}
