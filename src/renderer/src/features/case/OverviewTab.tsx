import { useEffect, useState } from 'react'
import { call } from '../../api/client'
import type { EvidenceItem } from '../../../../shared/api/areas/evidence'
import type { CaseTabProps } from './tabs'

/** Case overview: evidence locker and audit log (the UI issue fleshes this out). */
export function OverviewTab({ caseId, revision }: CaseTabProps) {
  const [evidence, setEvidence] = useState<EvidenceItem[]>([])
  useEffect(() => {
    void call('evidence.list', { caseId }).then(setEvidence)
  }, [caseId, revision])
  return (
    <section>
      <h2>Evidence</h2>
      <ul>
        {evidence.map((e) => (
          <li key={e.id}>
            {e.originalName} <code>{e.sha256}</code>
          </li>
        ))}
      </ul>
    </section>
  )
}
