import type { WireReader } from '../../../importers/wire'
import type { WireCodec } from '../../../importers/wire-records'
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
 * Strings that repeat between records (network, block hash, script types, "/vin/0"…) travel through the batch's
 * string table, so the importing thread receives each once per batch, not once per mention. Addresses travel as
 * keys (importers/wire.ts `key`, per network) and the hashes as bytes (`hash`): the record read back carries the
 * stored forms the sink would otherwise work out per row (txidIn, prevIn, spentIn, addrKey; records.ts), and gives
 * the hash fields' text only when asked for it (a merge or a conflict note, which are rare).
 * Change this together with the sink if it ever stores what is left out.
 */
export const btcTxWire: WireCodec = {
  encode(data, w) {
    const d = data as BtcTxRecord
    w.sym(d.network)
    w.hash(d.txid)
    w.hash(d.wtxid)
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
      w.hash(i.prevTxid)
      w.val(i.prevVout)
      w.val(i.prevRef)
      w.key(d.network, i.address, i.addrMemo)
      w.val(i.value)
      w.val(i.coinbase)
      w.val(i.sequence)
      w.sym(i.at)
    }
    for (const o of d.outputs) {
      // Worked out here, off the importing thread, unless the importer already did (Esplora, from its address cache).
      const isAddress = o.scriptIsAddress ?? scriptIn(o.scriptHex, o.scriptType, o.address, d.network) === SCRIPT_MARKER
      w.val(o.vout)
      w.key(d.network, o.address, o.addrMemo)
      w.sym(o.scriptType)
      w.val(isAddress ? null : o.scriptHex)
      w.val(o.value)
      w.hash(o.spentByTxid)
      w.val(o.spentByVin)
      w.sym(o.at)
      w.val(isAddress)
    }
  },
  decode(r) {
    return new WireTx(r)
  }
}

type Hash = Buffer | string | null | undefined
/** The text of a hash field from its stored form. */
const text = <T>(v: Buffer | T): string | T => (Buffer.isBuffer(v) ? v.toString('hex') : v)

// Fields are `declare`d and assigned in wire order in the constructors: one object shape, no extra writes.
class WireTx implements BtcTxRecord {
  declare network: string
  declare txidIn: Buffer | string
  declare wtxidIn: Hash
  declare blockHeight: number | null | undefined
  declare blockHash: string | null | undefined
  declare blockTime: number | null | undefined
  declare seenTime: number | null | undefined
  declare fee: bigint | null | undefined
  declare size: number | null | undefined
  declare vsize: number | null | undefined
  declare weight: number | null | undefined
  declare version: number | null | undefined
  declare locktime: number | null | undefined
  declare coinbase: boolean | undefined
  declare confirmed: boolean | undefined
  declare inputCount: number | null | undefined
  declare outputCount: number | null | undefined
  declare complete: boolean
  declare inputs: BtcInputRecord[]
  declare outputs: BtcOutputRecord[]
  declare keys: object

  constructor(r: WireReader) {
    this.network = r.val() as string
    this.txidIn = r.hash() as Buffer | string
    this.wtxidIn = r.hash() as Hash
    this.blockHeight = r.val() as number | null
    this.blockHash = r.val() as string | null
    this.blockTime = r.val() as number | null
    this.seenTime = r.val() as number | null
    this.fee = r.val() as bigint | null
    this.size = r.val() as number | null
    this.vsize = r.val() as number | null
    this.weight = r.val() as number | null
    this.version = r.val() as number | null
    this.locktime = r.val() as number | null
    this.coinbase = r.val() as boolean
    this.confirmed = r.val() as boolean
    this.inputCount = r.val() as number | null
    this.outputCount = r.val() as number | null
    this.complete = r.val() as boolean
    this.keys = r.keys
    const nIn = r.val() as number
    const nOut = r.val() as number
    const inputs: BtcInputRecord[] = (this.inputs = new Array(nIn))
    const outputs: BtcOutputRecord[] = (this.outputs = new Array(nOut))
    for (let k = 0; k < nIn; k++) inputs[k] = new WireInput(r)
    for (let k = 0; k < nOut; k++) outputs[k] = new WireOutput(r)
  }

  get txid(): string {
    return text(this.txidIn)
  }

  get wtxid(): string | null | undefined {
    return text(this.wtxidIn)
  }
}

class WireInput implements BtcInputRecord {
  declare index: number
  declare prevIn: Buffer | string | null
  declare prevVout: number | null
  declare prevRef: string | null | undefined
  declare address: string | null
  declare addrKey: number
  declare value: bigint | null
  declare coinbase: boolean
  declare sequence: number | null | undefined
  declare scriptsig: null
  declare witness: null
  declare at: string

  constructor(r: WireReader) {
    this.index = r.val() as number
    this.prevIn = r.hash() as Buffer | string | null
    this.prevVout = r.val() as number | null
    this.prevRef = r.val() as string | null
    this.address = r.keyed() as string | null
    this.addrKey = r.lastKey
    this.value = r.val() as bigint | null
    this.coinbase = r.val() as boolean
    this.sequence = r.val() as number | null
    this.scriptsig = null
    this.witness = null
    this.at = r.val() as string
  }

  get prevTxid(): string | null {
    return text(this.prevIn)
  }
}

class WireOutput implements BtcOutputRecord {
  declare vout: number
  declare address: string | null
  declare addrKey: number
  declare scriptType: string
  declare scriptHex: string | null | undefined
  declare value: bigint
  declare spentIn: Hash
  declare spentByVin: number | null | undefined
  declare at: string
  declare scriptIsAddress: boolean

  constructor(r: WireReader) {
    this.vout = r.val() as number
    this.address = r.keyed() as string | null
    this.addrKey = r.lastKey
    this.scriptType = r.val() as string
    this.scriptHex = r.val() as string | null
    this.value = r.val() as bigint
    this.spentIn = r.hash() as Hash
    this.spentByVin = r.val() as number | null
    this.at = r.val() as string
    this.scriptIsAddress = r.val() as boolean
  }

  get spentByTxid(): string | null | undefined {
    return text(this.spentIn)
  }
}
