import { useEffect, useState } from 'react'
import { call } from '../../api/client'
import type { Workspace } from './useGraphWorkspace'

/** Saved views ("exhibits") of the case: open, start new, delete. */
export function ViewsPanel({ caseId, ws, version }: { caseId: string; ws: Workspace; version: unknown }) {
  const [views, setViews] = useState<{ id: number; name: string; nodes: number; updatedAt: string }[]>([])
  useEffect(() => {
    void call('views.list', { caseId }).then(setViews, () => setViews([]))
  }, [caseId, version])
  return (
    <section className="ct-gp" aria-label="Saved views">
      <header>
        <h3>Exhibits</h3>
        <button className="link" onClick={ws.actions.newView}>
          + New
        </button>
      </header>
      {!views.length && <p className="muted">No saved views yet. Build a graph and save it as an exhibit.</p>}
      <ul className="ct-views" data-testid="views-list">
        {views.map((v) => (
          <li key={v.id} className={ws.view?.id === v.id ? 'active' : ''}>
            <button className="ct-view-open" onClick={() => void ws.actions.openView(v.id)}>
              <span>{v.name}</span>
              <small>
                {v.nodes} addresses · {v.updatedAt.slice(0, 10)}
              </small>
            </button>
            <button
              className="icon"
              aria-label={`Delete view ${v.name}`}
              title="Delete this view"
              onClick={() => {
                if (window.confirm(`Delete the view "${v.name}"? The case data is not affected.`)) void call('views.delete', { caseId, viewId: v.id }).then(() => setViews((l) => l.filter((x) => x.id !== v.id)))
              }}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
