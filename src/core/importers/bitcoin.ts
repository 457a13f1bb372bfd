import { registerProvider } from '../explore/providers'
import { utxoProvider } from '../chains/bitcoin/utxo/provider'
import { utxoSink } from '../chains/bitcoin/utxo/sink'
import { esploraImporter } from './esplora'
import { registerImporter, registerSink } from './registry'

/** The Bitcoin family: UTXO sink, explore provider, and one importer per explorer format. */
registerSink(utxoSink)
registerProvider(utxoProvider)
for (const imp of [esploraImporter]) registerImporter(imp)
