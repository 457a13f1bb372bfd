import { str, type WireCodec } from '../../../importers/wire'
import { scriptIn, SCRIPT_MARKER } from './compact'
import type { BtcInputRecord, BtcOutputRecord, BtcTxRecord } from './records'

/**
 * Flat wire form of a BtcTxRecord (see importers/wire.ts): header fields, input and output counts, then each
 * input and output field by field. Every field keeps its value, including undefined vs null, except an input's
 * scriptsig and witness, which are sent as null: they are the bulk of an input's bytes and the UTXO sink does
 * not store them (sink.ts insertInput; the locker file keeps them at the input's locator). Change this together
 * with the sink if it ever stores them. The network, addresses, script types and locator suffixes go through the
 * batch's string table: they repeat from tx to tx, and each then crosses the thread boundary (and is made on the
 * other side) once per batch.
 */
export const btcTxWire: WireCodec = {
  encode(data, out, s) {
    const d = data as BtcTxRecord
    out.push(
      s.id(d.network), d.txid, d.wtxid, d.blockHeight, d.blockHash, d.blockTime, d.seenTime, d.fee, d.size, d.vsize, d.weight, d.version,
      d.locktime, d.coinbase, d.confirmed, d.inputCount, d.outputCount, d.complete, d.inputs.length, d.outputs.length
    )
    for (const i of d.inputs) out.push(i.index, i.prevTxid, i.prevVout, i.prevRef, s.id(i.address), i.value, i.coinbase, i.sequence, s.id(i.at))
    // The script-vs-address check (a decode per new address) is done here, in the worker, not in the sink, unless
    // the importer already did it (Esplora, from its address cache).
    for (const o of d.outputs) {
      out.push(o.vout, s.id(o.address), s.id(o.scriptType), o.scriptHex, o.value, o.spentByTxid, o.spentByVin, s.id(o.at), o.scriptIsAddress ?? scriptIn(o.scriptHex, o.scriptType, o.address, d.network) === SCRIPT_MARKER)
    }
  },
  decode(b, at, s) {
    let i = at.i
    const nIn = b[i + 18] as number
    const nOut = b[i + 19] as number
    const inputs: BtcInputRecord[] = new Array(nIn)
    const outputs: BtcOutputRecord[] = new Array(nOut)
    const tx = {
      network: str(s, b[i]), txid: b[i + 1], wtxid: b[i + 2], blockHeight: b[i + 3], blockHash: b[i + 4], blockTime: b[i + 5], seenTime: b[i + 6],
      fee: b[i + 7], size: b[i + 8], vsize: b[i + 9], weight: b[i + 10], version: b[i + 11], locktime: b[i + 12], coinbase: b[i + 13],
      confirmed: b[i + 14], inputCount: b[i + 15], outputCount: b[i + 16], complete: b[i + 17], inputs, outputs
    } as BtcTxRecord
    i += 20
    for (let k = 0; k < nIn; k++, i += 9) {
      inputs[k] = {
        index: b[i], prevTxid: b[i + 1], prevVout: b[i + 2], prevRef: b[i + 3], address: str(s, b[i + 4]), value: b[i + 5], coinbase: b[i + 6],
        sequence: b[i + 7], scriptsig: null, witness: null, at: str(s, b[i + 8])
      } as BtcInputRecord
    }
    for (let k = 0; k < nOut; k++, i += 9) {
      outputs[k] = {
        vout: b[i], address: str(s, b[i + 1]), scriptType: str(s, b[i + 2]), scriptHex: b[i + 3], value: b[i + 4], spentByTxid: b[i + 5], spentByVin: b[i + 6], at: str(s, b[i + 7]),
        scriptIsAddress: b[i + 8]
      } as BtcOutputRecord
    }
    at.i = i
    return tx
  }
}
