import type { CaseTab } from './tabs'
import { OverviewTab } from './OverviewTab'
import { LabelsTab } from '../labels/LabelsTab'
import { MappedImportTab } from '../imports/MappedImportTab'
import { GraphTab } from '../graph/GraphTab'

/** Case workspace tabs in display order. Feature areas add theirs here. */
export const CASE_TABS: CaseTab[] = [
  { id: 'overview', title: 'Overview', component: OverviewTab },
  { id: 'graph', title: 'Graph', component: GraphTab },
  { id: 'labels', title: 'Labels', component: LabelsTab },
  { id: 'mapped-import', title: 'Mapped import', component: MappedImportTab }
]
