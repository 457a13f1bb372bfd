import type { CaseSummary } from '../../../../shared/api/areas/cases'
import { Notice } from '../../components/Notice'
import { messageOf } from '../../lib/errors'
import { CaseHeader } from './CaseHeader'
import { CASE_TABS } from './registry'
import './case.css'

/** An open case: its header and the selected tab from CASE_TABS. */
export function CaseWorkspace({
  caseId,
  tab,
  summary,
  error,
  revision,
  onChanged,
  onLibrary
}: {
  caseId: string
  tab: string
  summary?: CaseSummary
  error?: unknown
  revision: number
  onChanged(): void
  onLibrary(): void
}) {
  const current = CASE_TABS.find((t) => t.id === tab) ?? CASE_TABS[0]
  const Tab = current.component
  return (
    <div className="ct-page">
      <CaseHeader summary={summary} onLibrary={onLibrary} />
      {error ? <Notice tone="danger" title="The case could not be opened">{messageOf(error)}</Notice> : null}
      <div className="ct-case-body" role="region" aria-label={current.title}>
        <Tab caseId={caseId} revision={revision} onChanged={onChanged} summary={summary} />
      </div>
    </div>
  )
}
