import { JsonNumber, type JsonObject, type JsonValue } from '../common/json'
import type { JsonFields } from '../common/json-access'
import { BTC_LONG_KEYS, headText, jsonRecordBatches } from '../common/json-records'
import { ParseError, type Importer, type ImportInput, type ImportOptions, type ImportRecord, type SourceLocation } from '../types'
import { vinSuffix, voutSuffix } from '../../chains/bitcoin/utxo/compact'
import { AddressResolver, BTC_TX, p2pkAddress, scriptTypeOf, txidAt, txidOf, type BtcInputRecord, type BtcOutputRecord, type BtcTxRecord } from '../../chains/bitcoin/utxo/records'

/**
 * Esplora REST JSON as saved from mempool.space / blockstream.info (FORMATS §3):
 * - `/address/:a/txs` and `/address/:a/txs/chain/:last` arrays of tx objects, and `/tx/:txid` objects
 *   (mempool.space's extra fields such as vsize/feePerVsize are ignored, except vsize);
 * - `/address/:a/utxo` arrays `{txid, vout, status, value}`: each becomes an incomplete tx holding that one
 *   output (its address is taken from `--address` when given, since the response does not repeat it);
 * - `/tx/:txid/outspends` is recognised but refused: it names neither its transaction nor output values; the
 *   spent-by links come from importing the spending transactions themselves.
 */
const COINBASE_VOUT = 4294967295n

/** Map one Esplora tx object. Exported for the other Esplora-shaped sources and tests. */
export function mapEsploraTx(v: JsonValue, ptr: string, f: JsonFields, loc: SourceLocation, addr: AddressResolver): BtcTxRecord {
  const o = f.obj(v, ptr)
  const txid = txidOf(f.str(o, 'txid', ptr), loc)
  const ps = ptr + '/status'
  const status = f.obj(o.status, ps)
  const confirmed = f.bool(status, 'confirmed', ps)
  const vinArr = f.arr(o.vin, ptr + '/vin')
  const voutArr = f.arr(o.vout, ptr + '/vout')
  const inputs: BtcInputRecord[] = []
  let coinbase = false
  for (let i = 0; i < vinArr.length; i++) {
    const p = ptr + vinSuffix(i)
    const vin = f.obj(vinArr[i], p)
    const isCb = f.optBool(vin, 'is_coinbase', p) ?? false
    const pp = p + '/prevout'
    const prevout = vin.prevout === null || vin.prevout === undefined ? null : f.obj(vin.prevout, pp)
    const witness = vin.witness === undefined || vin.witness === null ? null : witnessOf(f.arr(vin.witness, p + '/witness'), f, p)
    if (isCb) coinbase = true
    const vout = isCb ? null : f.int(vin, 'vout', p, 0n, COINBASE_VOUT)
    const addrText = prevout ? f.optStr(prevout, 'scriptpubkey_address', pp) : undefined
    // In the order they are checked below (the same bad field reported as always).
    const prevTxid = isCb ? null : txidAt(f.str(vin, 'txid', p), loc, p + '/txid')
    const e = addrText ? addr.entryAt(addrText, loc, pp + '/scriptpubkey_address') : null
    inputs.push({
      index: i,
      prevTxid,
      prevVout: vout === null ? null : Number(vout),
      address: e ? e.canonical : prevout ? p2pkOf(prevout, f, pp, addr) : null,
      addrMemo: e ?? undefined,
      value: prevout ? f.int(prevout, 'value', pp, 0n) : null,
      coinbase: isCb,
      sequence: f.optSmall(vin, 'sequence', p) ?? null,
      scriptsig: f.optStr(vin, 'scriptsig', p) || null,
      witness,
      at: vinSuffix(i)
    })
  }
  const outputs: BtcOutputRecord[] = []
  for (let k = 0; k < voutArr.length; k++) {
    const p = ptr + voutSuffix(k)
    const out = f.obj(voutArr[k], p)
    const a = f.optStr(out, 'scriptpubkey_address', p)
    // Fields are read in this order so that of several bad fields the same one is reported as always.
    const e = a ? addr.entryAt(a, loc, p + '/scriptpubkey_address') : null
    const address = e ? e.canonical : p2pkOf(out, f, p, addr)
    const scriptType = scriptTypeOf(f.optStr(out, 'scriptpubkey_type', p))
    const scriptHex = f.optStr(out, 'scriptpubkey', p) ?? null
    outputs.push({
      vout: k,
      address,
      scriptType,
      scriptHex,
      value: f.int(out, 'value', p, 0n),
      // Worked out here, where the address's cache entry is at hand (the wire encoder would look it up again).
      scriptIsAddress: e ? addr.scriptIsAddress(e, scriptHex, scriptType) : undefined,
      addrMemo: e ?? undefined,
      at: voutSuffix(k)
    })
  }
  const weight = f.optSmall(o, 'weight', ptr)
  const version = f.optInt(o, 'version', ptr, -2147483648n, 4294967295n)
  return {
    network: addr.network,
    txid,
    blockHeight: confirmed ? f.small(status, 'block_height', ps) : null,
    blockHash: confirmed ? blockHashOf(f.str(status, 'block_hash', ps), loc, ps) : null,
    blockTime: confirmed ? f.small(status, 'block_time', ps) : null,
    fee: f.optInt(o, 'fee', ptr, 0n) ?? null,
    size: f.optSmall(o, 'size', ptr) ?? null,
    weight: weight ?? null,
    vsize: f.optSmall(o, 'vsize', ptr) ?? (weight !== undefined ? Math.ceil(weight / 4) : null),
    version: version === undefined ? null : Number(version),
    locktime: f.optSmall(o, 'locktime', ptr) ?? null,
    coinbase,
    confirmed,
    inputCount: vinArr.length,
    outputCount: voutArr.length,
    complete: true,
    inputs,
    outputs
  }
}

// Consecutive txs mostly share their block: its hash is checked once, and the same string goes on (whose hash
// code the wire's string table then computes once).
let lastBlock: { text: string; hash: string } | null = null
function blockHashOf(text: string, loc: SourceLocation, ps: string): string {
  if (lastBlock === null || text !== lastBlock.text) lastBlock = { text, hash: txidAt(text, loc, ps + '/block_hash', 'block_hash') }
  return lastBlock.hash
}

/** Witness items joined by spaces (null for none); every item must be a string. */
function witnessOf(items: JsonValue[], f: JsonFields, p: string): string | null {
  for (let k = 0; k < items.length; k++) if (typeof items[k] !== 'string') f.fail(`${p}/witness/${k}`, 'witness items must be hex strings')
  return items.length ? items.join(' ') : null
}

function p2pkOf(out: JsonObject, f: JsonFields, p: string, addr: AddressResolver): string | null {
  if (out.scriptpubkey_type !== 'p2pk') return null
  const hex = f.optStr(out, 'scriptpubkey', p)
  return hex ? p2pkAddress(hex, addr.btcNetwork) : null
}

function mapUtxo(v: JsonValue, ptr: string, f: JsonFields, loc: SourceLocation, addr: AddressResolver, owner: string | null): BtcTxRecord {
  const o = f.obj(v, ptr)
  const ps = ptr + '/status'
  const status = f.obj(o.status, ps)
  const confirmed = f.bool(status, 'confirmed', ps)
  return {
    network: addr.network,
    txid: txidOf(f.str(o, 'txid', ptr), loc),
    blockHeight: confirmed ? f.small(status, 'block_height', ps) : null,
    blockHash: confirmed ? (f.optStr(status, 'block_hash', ptr + '/status') ?? null) : null,
    blockTime: confirmed ? (f.optSmall(status, 'block_time', ptr + '/status') ?? null) : null,
    confirmed,
    complete: false,
    inputs: [],
    outputs: [{ vout: Number(f.int(o, 'vout', ptr, 0n, COINBASE_VOUT)), address: owner, scriptType: 'unknown', value: f.int(o, 'value', ptr, 0n), at: '' }]
  }
}

type Shape = 'txs' | 'utxo' | 'outspends' | null

function shapeOf(t: string): Shape {
  if (/^[[{]/.test(t) && /"txid":"[0-9a-fA-F]{64}"/.test(t) && /"vin":\[/.test(t) && /"scriptpubkey"|"vout":\[\]/.test(t) && /"status":\{/.test(t)) return 'txs'
  if (/^\[\{"txid":"[0-9a-fA-F]{64}","vout":\d+,"status":\{/.test(t) && /"value":\d/.test(t)) return 'utxo'
  if (/^\[(\{"spent":(true|false)[,}]|\])/.test(t) && /"spent":/.test(t)) return 'outspends'
  return null
}

/** Esplora JSON importer. */
export const esploraImporter: Importer = {
  id: 'esplora-json',
  name: 'Esplora REST JSON (mempool.space, blockstream.info): address txs, tx, utxo',
  version: '1.0.0',
  parseInWorker: true,
  detect(head) {
    const s = shapeOf(headText(head))
    return s === 'txs' || s === 'utxo' ? 90 : s === 'outspends' ? 60 : 0
  },
  async *parse(input, opts) {
    for await (const batch of esploraBatches(input, opts)) yield* batch
  },
  parseBatches: esploraBatches
}

/** The records of an Esplora file a batch of elements at a time (see jsonRecordBatches). */
async function* esploraBatches(input: ImportInput, opts: ImportOptions): AsyncGenerator<ImportRecord[]> {
  const addr = new AddressResolver(opts.chain)
  const owner = typeof opts.address === 'string' ? opts.address : null
  let shape: Shape = null
  let ownerCanonical: string | null = null
  const one = (v: JsonValue, ptr: string, f: JsonFields, loc: SourceLocation): ImportRecord[] => {
    const o = f.obj(v, ptr)
    if (o.spent !== undefined && !Array.isArray(o.vin)) {
      throw new ParseError('this is an Esplora /outspends response: it names neither its transaction nor the output values, so it cannot be stored on its own; import the spending transactions (/tx/:txid) instead', loc)
    }
    shape ??= o.vin === undefined && o.value instanceof JsonNumber ? 'utxo' : 'txs'
    if (shape === 'utxo') {
      if (owner && ownerCanonical === null) ownerCanonical = addr.address(owner, { pointer: '--address' })
      return [{ kind: BTC_TX, loc, data: mapUtxo(v, ptr, f, loc, addr, ownerCanonical) }]
    }
    return [{ kind: BTC_TX, loc, data: mapEsploraTx(v, ptr, f, loc, addr) }]
  }
  // Elements take the fast path (json-fast.ts): the mappers read JsonNumbers only through JsonFields and
  // `instanceof JsonNumber`, both of which treat a JsonInt as the JsonNumber it is.
  yield* jsonRecordBatches(input, { streamAt: [''], longKeys: BTC_LONG_KEYS, fastElements: true }, one, function* (root, items, f) {
    if (Array.isArray(root)) return void items
    yield* one(root, '', f, { pointer: '' })
  })
}
