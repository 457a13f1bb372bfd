import type { CaseTab } from './tabs'
import { OverviewTab } from './OverviewTab'
import { AddressesTab } from '../data/AddressesTab'
import { TransactionsTab } from '../data/TransactionsTab'

/** Case workspace tabs in display order. Feature areas add theirs here. */
export const CASE_TABS: CaseTab[] = [
  { id: 'overview', title: 'Overview', component: OverviewTab },
  { id: 'transactions', title: 'Transactions', component: TransactionsTab },
  { id: 'addresses', title: 'Addresses', component: AddressesTab }
]
