import type { WireCodec } from '../../../importers/wire'
import { scriptIn, SCRIPT_MARKER } from './compact'
import type { BtcInputRecord, BtcOutputRecord, BtcTxRecord } from './records'

/**
 * Wire form of a BtcTxRecord (see importers/wire.ts): header fields, input and output counts, then each input and
 * output field by field. Every field keeps its value, including undefined vs null, except:
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
  encode(data, w) {
    const d = data as BtcTxRecord
    w.sym(d.network)
    w.val(d.txid)
    w.val(d.wtxid)
    w.val(d.blockHeight)
    w.sym(d.blockHash)
    w.val(d.blockTime)
    w.val(d.seenTime)
    w.val(d.fee)
    w.val(d.size)
    w.val(d.vsize)
    w.val(d.weight)
    w.val(d.version)
    w.val(d.locktime)
    w.val(d.coinbase)
    w.val(d.confirmed)
    w.val(d.inputCount)
    w.val(d.outputCount)
    w.val(d.complete)
    w.val(d.inputs.length)
    w.val(d.outputs.length)
    for (const i of d.inputs) {
      w.val(i.index)
      w.val(i.prevTxid)
      w.val(i.prevVout)
      w.val(i.prevRef)
      w.near(i.address)
      w.val(i.value)
      w.val(i.coinbase)
      w.val(i.sequence)
      w.sym(i.at)
    }
    for (const o of d.outputs) {
      // Worked out here, off the importing thread, unless the importer already did (Esplora, from its address cache).
      const isAddress = o.scriptIsAddress ?? scriptIn(o.scriptHex, o.scriptType, o.address, d.network) === SCRIPT_MARKER
      w.val(o.vout)
      w.near(o.address)
      w.sym(o.scriptType)
      w.val(isAddress ? null : o.scriptHex)
      w.val(o.value)
      w.val(o.spentByTxid)
      w.val(o.spentByVin)
      w.sym(o.at)
      w.val(isAddress)
    }
  },
  decode(r) {
    const tx = {
      network: r.val(), txid: r.val(), wtxid: r.val(), blockHeight: r.val(), blockHash: r.val(), blockTime: r.val(), seenTime: r.val(), fee: r.val(),
      size: r.val(), vsize: r.val(), weight: r.val(), version: r.val(), locktime: r.val(), coinbase: r.val(), confirmed: r.val(), inputCount: r.val(),
      outputCount: r.val(), complete: r.val(), inputs: null, outputs: null
    } as unknown as BtcTxRecord
    const nIn = r.val() as number
    const nOut = r.val() as number
    const inputs: BtcInputRecord[] = (tx.inputs = new Array(nIn))
    const outputs: BtcOutputRecord[] = (tx.outputs = new Array(nOut))
    for (let k = 0; k < nIn; k++) {
      inputs[k] = {
        index: r.val(), prevTxid: r.val(), prevVout: r.val(), prevRef: r.val(), address: r.val(), value: r.val(), coinbase: r.val(), sequence: r.val(),
        scriptsig: null, witness: null, at: r.val()
      } as BtcInputRecord
    }
    for (let k = 0; k < nOut; k++) {
      outputs[k] = {
        vout: r.val(), address: r.val(), scriptType: r.val(), scriptHex: r.val(), value: r.val(), spentByTxid: r.val(), spentByVin: r.val(), at: r.val(),
        scriptIsAddress: r.val()
      } as BtcOutputRecord
    }
    return tx
  }
}
