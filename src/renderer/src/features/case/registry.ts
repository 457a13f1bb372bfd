import type { CaseTab } from './tabs'
import { OverviewTab } from './OverviewTab'
import { MappedImportTab } from '../imports/MappedImportTab'

/** Case workspace tabs in display order. Feature areas add theirs here. */
export const CASE_TABS: CaseTab[] = [
  { id: 'overview', title: 'Overview', component: OverviewTab },
  { id: 'mapped-import', title: 'Mapped import', component: MappedImportTab }
]
