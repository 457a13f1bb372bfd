import type { CaseTab } from './tabs'
import { OverviewTab } from './OverviewTab'
import { LabelsTab } from '../labels/LabelsTab'
import { MappedImportTab } from '../imports/MappedImportTab'
import { GraphTab } from '../graph/GraphTab'
import { AddressesTab } from '../data/AddressesTab'
import { TransactionsTab } from '../data/TransactionsTab'
import { ExchangeTab } from '../data/ExchangeTab'

/** Case workspace tabs in display order. Feature areas add theirs here. */
export const CASE_TABS: CaseTab[] = [
  { id: 'overview', title: 'Overview', component: OverviewTab },
  { id: 'graph', title: 'Graph', component: GraphTab },
  { id: 'transactions', title: 'Transactions', component: TransactionsTab },
  { id: 'addresses', title: 'Addresses', component: AddressesTab },
  { id: 'exchange', title: 'Exchange statements', component: ExchangeTab },
  { id: 'labels', title: 'Labels', component: LabelsTab },
  { id: 'mapped-import', title: 'Mapped import', component: MappedImportTab }
]
