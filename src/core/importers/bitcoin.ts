import { registerProvider } from '../explore/providers'
import { utxoProvider } from '../chains/bitcoin/utxo/provider'
import { utxoSink, utxoWarningSink } from '../chains/bitcoin/utxo/sink'
import { btcTxWire } from '../chains/bitcoin/utxo/wire'
import { BTC_TX } from '../chains/bitcoin/utxo/records'
import { blockchainComImporter } from './blockchain-com'
import { blockCypherImporter } from './blockcypher'
import { blockchairJsonImporter } from './blockchair/json'
import { blockchairTsvImporter } from './blockchair/tsv'
import { btcRawImporter } from './btc-raw'
import { esploraImporter } from './esplora'
import { registerImporter, registerSink } from './registry'
import { registerWire } from './wire-records'

/** The Bitcoin family: UTXO sink, explore provider, and one importer per explorer format. */
registerSink(utxoSink)
registerSink(utxoWarningSink)
registerWire(BTC_TX, btcTxWire)
registerProvider(utxoProvider)
for (const imp of [esploraImporter, blockchainComImporter, blockCypherImporter, btcRawImporter, blockchairJsonImporter, blockchairTsvImporter]) registerImporter(imp)
