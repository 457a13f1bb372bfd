import type { ComponentType } from 'react'
import type { CaseSummary } from '../../../../shared/api/areas/cases'

/** What every case tab receives. */
export interface CaseTabProps {
  caseId: string
  /** Bumped whenever the case changed (import, label, …) so tabs reload. */
  revision: number
  /** Tell the shell the case changed. */
  onChanged(): void
  /** The case's current summary (metadata, counts, readOnly) once loaded. */
  summary?: CaseSummary
}

/** A tab in the case workspace. Each feature area contributes its own in features/<area>/. */
export interface CaseTab {
  id: string
  title: string
  component: ComponentType<CaseTabProps>
}
