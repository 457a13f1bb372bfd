/**
 * The whole account-import suite again with the transfer sink's bulk path forced on for every file (it normally
 * starts at 20,000 transfers): the bulk load, the index rebuild and the exact replay of overlapping transactions
 * must give the same rows, sources, conflicts, counts and totals as the row-by-row path.
 */
import { BULK } from '../../../../../src/core/importers/accounts/sink-transfers'
import './api-tron-exchange.test'
import './bad-input.test'
import './etherscan-csv.test'
import './etherscan-variants.test'
import './exchange-conflict.test'
import './generic.test'

// Two buffered transfers decide (so the pending buffer, the overlap probe and the switch are all exercised), and
// the existing-rows guard never vetoes.
BULK.minRows = 2
BULK.existingPerRow = 1e9
