import type { ReactNode } from 'react'
import './components.css'

/** A titled section of a page with an optional toolbar on the right. */
export function Panel({ title, subtitle, actions, children, id, testId }: { title: string; subtitle?: ReactNode; actions?: ReactNode; children: ReactNode; id?: string; testId?: string }) {
  const headingId = id ? `${id}-title` : undefined
  return (
    <section className="ct-panel" aria-labelledby={headingId} id={id} data-testid={testId}>
      <header className="ct-panel__header">
        <div>
          <h2 id={headingId} className="ct-panel__title">
            {title}
          </h2>
          {subtitle ? <p className="ct-panel__subtitle">{subtitle}</p> : null}
        </div>
        {actions ? <div className="ct-panel__actions">{actions}</div> : null}
      </header>
      <div className="ct-panel__body">{children}</div>
    </section>
  )
}

/** What an empty list shows instead: a line saying what goes here and the action that adds it. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="ct-empty">
      <p className="ct-empty__title">{title}</p>
      {children ? <p className="ct-empty__text">{children}</p> : null}
      {action ? <div className="ct-empty__action">{action}</div> : null}
    </div>
  )
}
