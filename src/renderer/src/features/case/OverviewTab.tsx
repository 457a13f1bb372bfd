import { AuditPanel } from './AuditPanel'
import { CaseDetailsPanel } from './CaseDetailsPanel'
import { EvidencePanel } from './EvidencePanel'
import type { CaseTabProps } from './tabs'

/** Case overview: evidence locker, audit log and the case's details. */
export function OverviewTab({ caseId, revision, onChanged, summary }: CaseTabProps) {
  if (!summary) return null
  return (
    <div className="ct-overview">
      <EvidencePanel summary={summary} revision={revision} onChanged={onChanged} />
      <div className="ct-overview__lower">
        <AuditPanel caseId={caseId} revision={revision} />
        <CaseDetailsPanel summary={summary} onChanged={onChanged} />
      </div>
    </div>
  )
}
