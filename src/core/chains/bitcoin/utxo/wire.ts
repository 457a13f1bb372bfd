import { str, type WireCodec } from '../../../importers/wire'
import { scriptIn, SCRIPT_MARKER } from './compact'
import type { BtcInputRecord, BtcOutputRecord, BtcTxRecord } from './records'

/**
 * Flat wire form of a BtcTxRecord (see importers/wire.ts): header fields, input and output counts, then each
 * input and output field by field. Every field keeps its value, including undefined vs null, except:
 * - an input's scriptsig and witness, sent as null: they are the bulk of an input's bytes and the UTXO sink does
 *   not store them (sink.ts insertInput; the locker file keeps them at the input's locator);
 * - an output's script when it is exactly the script its address encodes (`scriptIsAddress`, checked here in the
 *   worker): sent as null, since the sink stores a marker for it and re-derives the text when it compares
 *   sources (sink.ts mergeTx).
 * Strings that repeat between records (network, block hash, addresses, script types, "/vin/0"…) travel through
 * the batch's string table, so the importing thread receives each once per batch, not once per mention.
 * Change this together with the sink if it ever stores what is left out.
 */
export const btcTxWire: WireCodec = {
  encode(data, out, strings) {
    const d = data as BtcTxRecord
    const s = (v: string | null | undefined): number | undefined => (v === undefined ? undefined : strings.id(v))
    out.push(
      s(d.network), d.txid, d.wtxid, d.blockHeight, s(d.blockHash), d.blockTime, d.seenTime, d.fee, d.size, d.vsize, d.weight, d.version,
      d.locktime, d.coinbase, d.confirmed, d.inputCount, d.outputCount, d.complete, d.inputs.length, d.outputs.length
    )
    for (const i of d.inputs) out.push(i.index, i.prevTxid, i.prevVout, i.prevRef, s(i.address), i.value, i.coinbase, i.sequence, s(i.at))
    for (const o of d.outputs) {
      // Worked out here, off the importing thread, unless the importer already did (Esplora, from its address cache).
      const isAddress = o.scriptIsAddress ?? scriptIn(o.scriptHex, o.scriptType, o.address, d.network) === SCRIPT_MARKER
      out.push(o.vout, s(o.address), s(o.scriptType), isAddress ? null : o.scriptHex, o.value, o.spentByTxid, o.spentByVin, s(o.at), isAddress)
    }
  },
  decode(b, at, strings) {
    let i = at.i
    const nIn = b[i + 18] as number
    const nOut = b[i + 19] as number
    const inputs: BtcInputRecord[] = new Array(nIn)
    const outputs: BtcOutputRecord[] = new Array(nOut)
    const s = (v: unknown): string | null | undefined => (v === undefined ? undefined : str(strings, v))
    const tx = {
      network: s(b[i]), txid: b[i + 1], wtxid: b[i + 2], blockHeight: b[i + 3], blockHash: s(b[i + 4]), blockTime: b[i + 5], seenTime: b[i + 6],
      fee: b[i + 7], size: b[i + 8], vsize: b[i + 9], weight: b[i + 10], version: b[i + 11], locktime: b[i + 12], coinbase: b[i + 13],
      confirmed: b[i + 14], inputCount: b[i + 15], outputCount: b[i + 16], complete: b[i + 17], inputs, outputs
    } as BtcTxRecord
    i += 20
    for (let k = 0; k < nIn; k++, i += 9) {
      inputs[k] = {
        index: b[i], prevTxid: b[i + 1], prevVout: b[i + 2], prevRef: b[i + 3], address: s(b[i + 4]), value: b[i + 5], coinbase: b[i + 6],
        sequence: b[i + 7], scriptsig: null, witness: null, at: s(b[i + 8])
      } as BtcInputRecord
    }
    for (let k = 0; k < nOut; k++, i += 9) {
      outputs[k] = {
        vout: b[i], address: s(b[i + 1]), scriptType: s(b[i + 2]), scriptHex: b[i + 3], value: b[i + 4], spentByTxid: b[i + 5], spentByVin: b[i + 6],
        at: s(b[i + 7]), scriptIsAddress: b[i + 8]
      } as BtcOutputRecord
    }
    at.i = i
    return tx
  }
}
