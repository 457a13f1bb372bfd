import { useEffect, useState } from 'react'
import { call, onEvent } from './api/client'
import { CaseWorkspace } from './features/case/CaseWorkspace'
import { CASE_TABS } from './features/case/registry'
import { CaseLibrary } from './features/library/CaseLibrary'
import { useLibrary } from './features/library/useLibrary'
import { Sidebar, type Route } from './features/shell/Sidebar'
import { useQuery } from './lib/useQuery'

/** Top-level shell: navigation rail, then the case library or the open case's workspace. */
export function App() {
  const [route, setRoute] = useState<Route>({ kind: 'library' })
  const [revision, setRevision] = useState(0)
  const bump = () => setRevision((r) => r + 1)
  // Changes made elsewhere (another window, the CLI through the same host) reload what is on screen.
  useEffect(() => onEvent('case-changed', bump), [])
  const library = useLibrary(revision)
  const caseId = route.kind === 'case' ? route.caseId : null
  const info = useQuery(() => (caseId ? call('cases.info', { caseId }) : Promise.resolve(undefined)), [caseId, revision])
  const summary = info.data && info.data.id === caseId ? info.data : undefined
  const ready = !library.loading || library.data !== undefined || library.error !== undefined

  useEffect(() => {
    document.title = summary ? `${summary.caseNumber} — Chaintrail` : 'Chaintrail'
  }, [summary])

  return (
    <div className="ct-app" data-testid={ready ? 'app-ready' : undefined}>
      <Sidebar route={route} openCase={summary} root={library.data?.root} onNavigate={setRoute} />
      <main className="ct-main" id="main">
        {route.kind === 'library' ? (
          <CaseLibrary
            library={library.data}
            error={library.error}
            onOpen={(id) => setRoute({ kind: 'case', caseId: id, tab: CASE_TABS[0].id })}
            onCreated={(c) => {
              bump()
              setRoute({ kind: 'case', caseId: c.id, tab: CASE_TABS[0].id })
            }}
          />
        ) : (
          <CaseWorkspace
            caseId={route.caseId}
            tab={route.tab}
            summary={summary}
            error={info.error}
            revision={revision}
            onChanged={bump}
            onLibrary={() => setRoute({ kind: 'library' })}
          />
        )}
      </main>
    </div>
  )
}
