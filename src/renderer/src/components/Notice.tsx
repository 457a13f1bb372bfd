import type { ReactNode } from 'react'
import './components.css'

export type Tone = 'info' | 'ok' | 'warn' | 'danger'

const ICON: Record<Tone, string> = { info: 'i', ok: '✓', warn: '!', danger: '✕' }

/** An inline status message (results of checks, duplicates, errors). Announced politely, errors assertively. */
export function Notice({ tone = 'info', title, children, onDismiss, testId }: { tone?: Tone; title: ReactNode; children?: ReactNode; onDismiss?(): void; testId?: string }) {
  return (
    <div className={`ct-notice ct-notice--${tone}`} role={tone === 'danger' ? 'alert' : 'status'} data-testid={testId}>
      <span className="ct-notice__icon" aria-hidden="true">
        {ICON[tone]}
      </span>
      <div className="ct-notice__text">
        <p className="ct-notice__title">{title}</p>
        {children ? <div className="ct-notice__body">{children}</div> : null}
      </div>
      {onDismiss ? (
        <button type="button" className="ct-notice__close" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      ) : null}
    </div>
  )
}

/** A small status pill. */
export function Badge({ tone = 'neutral', children, title }: { tone?: Tone | 'neutral'; children: ReactNode; title?: string }) {
  return (
    <span className={`ct-badge ct-badge--${tone}`} title={title}>
      {children}
    </span>
  )
}
