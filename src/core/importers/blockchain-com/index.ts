import type { JsonValue } from '../common/json'
import type { JsonFields } from '../common/json-access'
import { BTC_LONG_KEYS, headText, jsonRecords } from '../common/json-records'
import type { Importer, ImportRecord, SourceLocation } from '../types'
import { classifyScript } from '../btc-raw'
import { AddressResolver, BTC_TX, txidOf, type BtcInputRecord, type BtcOutputRecord, type BtcTxRecord } from '../../chains/bitcoin/utxo/records'

/**
 * blockchain.com (blockchain.info) JSON (FORMATS §4): `rawtx` objects, and `rawaddr` / `multiaddr` documents
 * whose `txs` array is streamed.
 * - Inputs do not carry the previous txid, only blockchain.com's internal `prev_out.tx_index`: the input is
 *   stored as an unresolved outpoint (prev_txid empty, prev_vout = `prev_out.n`, prev_ref = "tx_index:<n>"),
 *   with the address and value blockchain.com gives. Importing the same tx from another source (Esplora,
 *   BlockCypher, raw hex) fills in the prev txid; nothing is guessed.
 * - `time` is blockchain.com's first-seen time, not the block time: it is kept as seen_time. No block hash.
 * - multiaddr/rawaddr may list only the outputs relevant to the queried addresses (vout_sz > len(out)): such a
 *   tx is stored as incomplete. Witness is blockchain.com's serialized stack, split into items.
 */
function witnessItems(hex: string): string | null {
  if (!hex) return null
  try {
    const b = Buffer.from(hex, 'hex')
    let p = 0
    const varint = (): number => {
      const x = b[p++]
      if (x < 0xfd) return x
      const n = x === 0xfd ? b.readUInt16LE(p) : b.readUInt32LE(p)
      p += x === 0xfd ? 2 : 4
      return n
    }
    const count = varint()
    const items: string[] = []
    for (let i = 0; i < count; i++) {
      const len = varint()
      if (p + len > b.length) return null
      items.push(b.subarray(p, p + len).toString('hex'))
      p += len
    }
    return p === b.length ? items.join(' ') : null
  } catch {
    return null
  }
}

/** Map one blockchain.com tx object. */
export function mapBlockchainComTx(v: JsonValue, ptr: string, f: JsonFields, loc: SourceLocation, addr: AddressResolver): BtcTxRecord {
  const o = f.obj(v, ptr)
  const ins = f.arr(o.inputs, ptr + '/inputs')
  const outs = f.arr(o.out, ptr + '/out')
  const vinSz = f.small(o, 'vin_sz', ptr)
  const voutSz = f.small(o, 'vout_sz', ptr)
  let coinbase = false
  const inputs: BtcInputRecord[] = ins.map((x, i) => {
    const p = `${ptr}/inputs/${i}`
    const inp = f.obj(x, p)
    const prev = inp.prev_out === undefined || inp.prev_out === null ? null : f.obj(inp.prev_out, p + '/prev_out')
    const isCb = prev === null
    if (isCb) coinbase = true
    const a = prev ? f.optStr(prev, 'addr', p + '/prev_out') : undefined
    return {
      index: inp.index === undefined ? i : f.small(inp, 'index', p),
      prevTxid: null,
      prevVout: prev ? f.small(prev, 'n', p + '/prev_out') : null,
      prevRef: prev ? `tx_index:${String(f.int(prev, 'tx_index', p + '/prev_out', 0n))}` : null,
      address: a ? addr.address(a, { ...loc, pointer: p + '/prev_out/addr' }) : null,
      value: prev ? f.int(prev, 'value', p + '/prev_out', 0n) : null,
      coinbase: isCb,
      sequence: f.optSmall(inp, 'sequence', p) ?? null,
      scriptsig: f.optStr(inp, 'script', p) || null,
      witness: witnessItems(f.optStr(inp, 'witness', p) ?? ''),
      at: `/inputs/${i}`
    }
  })
  const outputs: BtcOutputRecord[] = outs.map((x, k) => {
    const p = `${ptr}/out/${k}`
    const out = f.obj(x, p)
    const script = f.optStr(out, 'script', p) ?? ''
    const a = f.optStr(out, 'addr', p)
    const type = /^[0-9a-fA-F]*$/.test(script) && script ? classifyScript(Buffer.from(script, 'hex')) : 'unknown'
    return { vout: f.small(out, 'n', p), address: a ? addr.address(a, { ...loc, pointer: p + '/addr' }) : null, scriptType: type, scriptHex: script || null, value: f.int(out, 'value', p, 0n), at: `/out/${k}` }
  })
  const height = f.optSmall(o, 'block_height', ptr)
  return {
    network: addr.network,
    txid: txidOf(f.str(o, 'hash', ptr), { ...loc, pointer: ptr + '/hash' }),
    blockHeight: height ?? null,
    seenTime: f.optSmall(o, 'time', ptr) ?? null,
    fee: f.optInt(o, 'fee', ptr, 0n) ?? null,
    size: f.optSmall(o, 'size', ptr) ?? null,
    weight: f.optSmall(o, 'weight', ptr) ?? null,
    version: f.optSmall(o, 'ver', ptr) ?? null,
    locktime: f.optSmall(o, 'lock_time', ptr) ?? null,
    coinbase,
    confirmed: height !== undefined,
    inputCount: vinSz,
    outputCount: voutSz,
    complete: ins.length === vinSz && outs.length === voutSz,
    inputs,
    outputs
  }
}

/** blockchain.com importer. */
export const blockchainComImporter: Importer = {
  id: 'blockchain-com-json',
  name: 'blockchain.com (blockchain.info) JSON: rawtx, rawaddr, multiaddr',
  version: '1.0.0',
  detect(head) {
    const t = headText(head)
    return /"vin_sz":\d/.test(t) && /"vout_sz":\d/.test(t) && /"tx_index":\d/.test(t) && /"hash":"[0-9a-f]{64}"/.test(t) ? 90 : 0
  },
  async *parse(input, opts) {
    const addr = new AddressResolver(opts.chain)
    const one = (v: JsonValue, ptr: string, f: JsonFields, loc: SourceLocation): ImportRecord[] => {
      return [{ kind: BTC_TX, loc, data: mapBlockchainComTx(v, ptr, f, loc, addr) }]
    }
    yield* jsonRecords(input, { streamAt: ['/txs'], longKeys: BTC_LONG_KEYS }, one, function* (root, _items, f) {
      const o = f.obj(root, '')
      if (o.txs === undefined) yield* one(root, '', f, { pointer: '' })
      else f.arr(o.txs, '/txs')
    })
  }
}
