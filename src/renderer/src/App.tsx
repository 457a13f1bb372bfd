import { useEffect, useState } from 'react'
import { call } from './api/client'
import type { CaseSummary } from '../../shared/api/areas/cases'
import { CASE_TABS } from './features/case/registry'

/** Top-level shell: case library, then the open case's tabs. */
export function App() {
  const [cases, setCases] = useState<CaseSummary[]>([])
  const [open, setOpen] = useState<string | null>(null)
  const [tab, setTab] = useState(CASE_TABS[0].id)
  const [revision, setRevision] = useState(0)
  useEffect(() => {
    void call('cases.library', {}).then((r) => setCases(r.cases))
  }, [revision])
  if (!open) {
    return (
      <main data-testid="app-ready">
        <h1>Chaintrail</h1>
        <ul>
          {cases.map((c) => (
            <li key={c.id}>
              <button onClick={() => setOpen(c.id)}>{c.caseNumber} — {c.title}</button>
            </li>
          ))}
        </ul>
      </main>
    )
  }
  const Current = CASE_TABS.find((t) => t.id === tab)!.component
  return (
    <main>
      <nav>
        {CASE_TABS.map((t) => (
          <button key={t.id} aria-pressed={t.id === tab} onClick={() => setTab(t.id)}>
            {t.title}
          </button>
        ))}
      </nav>
      <Current caseId={open} revision={revision} onChanged={() => setRevision((r) => r + 1)} />
    </main>
  )
}
