import type { ComponentType } from 'react'

/** What every case tab receives. */
export interface CaseTabProps {
  caseId: string
  /** Bumped whenever the case changed (import, label, …) so tabs reload. */
  revision: number
  /** Tell the shell the case changed. */
  onChanged(): void
}

/** A tab in the case workspace. Each feature area contributes its own in features/<area>/. */
export interface CaseTab {
  id: string
  title: string
  component: ComponentType<CaseTabProps>
}
