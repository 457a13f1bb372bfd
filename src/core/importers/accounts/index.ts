/**
 * The account-chain family: EVM chains, Tron and exchange statements. Registers its formats, its sinks and its
 * explore provider (imported once from importers/index.ts).
 */
import { registerProvider } from '../../explore/providers'
import { accountProvider } from '../../explore/accounts/provider'
import { registerImporter, registerSink } from '../registry'
import type { Sink } from '../types'
import { etherscanCsvImporter } from '../etherscan-csv/parse'
import { etherscanApiImporter } from '../etherscan-api/parse'
import { trongridImporter } from '../tron/trongrid'
import { tronscanCsvImporter } from '../tron/tronscan-csv'
import { binanceImporter } from '../exchanges/binance'
import { coinbaseImporter } from '../exchanges/coinbase'
import { krakenImporter } from '../exchanges/kraken'
import { genericImporter, MAPPING_KIND } from '../generic/parse'
import { storeMapping } from '../../service/handlers-mappings'
import type { ColumnMapping } from '../../../shared/api/areas/mappings'
import { KIND, NOTE_KIND } from './records'
import { accountSink, assetSink } from './sink-assets'
import { eventSink, exchangeSink } from './sink-activity'
import { transferSink } from './sink-transfers'
import { registerWire } from '../wire-records'
import { accountWire, transferWire } from './wire'

const noteSink: Sink = { kind: NOTE_KIND, store: (r, ctx) => ctx.warn(String(r.data)) }

/** Saves the mapping an import used, keyed by the file's header signature, in the import's own transaction. */
const mappingSink: Sink = {
  kind: MAPPING_KIND,
  store(r, ctx) {
    const { signature, mapping } = r.data as { signature: string; mapping: ColumnMapping }
    const examiner = (ctx.db.prepare('SELECT examiner FROM imports WHERE id = ?').get(ctx.importId) as { examiner: string }).examiner
    storeMapping(ctx.db, signature, mapping, examiner)
    ctx.count('mapping.saved')
  }
}

for (const s of [transferSink, assetSink, accountSink, exchangeSink, eventSink, noteSink, mappingSink]) registerSink(s)
for (const i of [etherscanCsvImporter, etherscanApiImporter, trongridImporter, tronscanCsvImporter, binanceImporter, coinbaseImporter, krakenImporter, genericImporter]) registerImporter(i)
registerProvider(accountProvider)
// Large Etherscan CSV exports are parsed in a worker: their records cross threads flat.
registerWire(KIND.transfer, transferWire)
registerWire(KIND.account, accountWire)
