import type { JsonObject, JsonValue } from '../common/json'
import type { JsonFields } from '../common/json-access'
import { BTC_LONG_KEYS, headText, jsonRecords } from '../common/json-records'
import type { Importer, ImportRecord, SourceLocation } from '../types'
import { AddressResolver, BTC_TX, BTC_WARNING, scriptTypeOf, txidOf, type BtcInputRecord, type BtcOutputRecord, type BtcTxRecord } from '../../chains/bitcoin/utxo/records'

/**
 * BlockCypher JSON (FORMATS §6): `/txs/<hash>` objects and `/addrs/<addr>/full` documents (`txs` streamed).
 * - A tx whose inputs or outputs are paged (`next_inputs` / `next_outputs`, or fewer entries than vin_sz /
 *   vout_sz) is stored as incomplete — never as the whole tx. The page's first index comes from the
 *   `next_*` URL (`outstart` − `limit`), else the entries are the tail of the list; each entry keeps its true
 *   vout/vin number.
 * - `confirmed` is the block time, `received` the first-seen time (ISO-8601 UTC); block_height −1 = mempool.
 * - Addresses: an input/output with exactly one address gets it (P2PK shows as its key's P2PKH address, as
 *   BlockCypher prints it); none or several (bare multisig) → no address.
 * - `double_spend: true` is recorded as a warning only (FORMATS: seen on a confirmed tx).
 */
function isoSeconds(s: string | undefined, f: JsonFields, ptr: string): number | null {
  if (s === undefined) return null
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(s)) f.fail(ptr, `not an ISO-8601 UTC time: ${JSON.stringify(s)}`)
  return Math.floor(Date.parse(s) / 1000)
}

function pageStart(next: string | undefined, key: 'instart' | 'outstart', present: number, total: number): number {
  if (next) {
    const u = new URL(next)
    const start = Number(u.searchParams.get(key) ?? NaN)
    const limit = Number(u.searchParams.get('limit') ?? NaN)
    if (Number.isInteger(start) && Number.isInteger(limit) && start - limit >= 0) return start - limit
  }
  return present < total ? total - present : 0
}

function oneAddress(o: JsonObject, f: JsonFields, p: string, addr: AddressResolver, loc: SourceLocation): string | null {
  if (o.addresses === undefined || o.addresses === null) return null
  const list = f.arr(o.addresses, p + '/addresses')
  if (list.length !== 1 || typeof list[0] !== 'string') return null
  return addr.address(list[0], { ...loc, pointer: p + '/addresses/0' })
}

/** Map one BlockCypher tx object. */
export function mapBlockCypherTx(v: JsonValue, ptr: string, f: JsonFields, loc: SourceLocation, addr: AddressResolver, warn: (m: string) => void): BtcTxRecord {
  const o = f.obj(v, ptr)
  const txid = txidOf(f.str(o, 'hash', ptr), { ...loc, pointer: ptr + '/hash' })
  const ins = f.arr(o.inputs, ptr + '/inputs')
  const outs = f.arr(o.outputs, ptr + '/outputs')
  const vinSz = f.small(o, 'vin_sz', ptr)
  const voutSz = f.small(o, 'vout_sz', ptr)
  const nextIn = f.optStr(o, 'next_inputs', ptr)
  const nextOut = f.optStr(o, 'next_outputs', ptr)
  const inStart = pageStart(nextIn, 'instart', ins.length, vinSz)
  const outStart = pageStart(nextOut, 'outstart', outs.length, voutSz)
  let coinbase = false
  const inputs: BtcInputRecord[] = ins.map((x, i) => {
    const p = `${ptr}/inputs/${i}`
    const inp = f.obj(x, p)
    const outIndex = f.int(inp, 'output_index', p, -1n, 4294967295n)
    const isCb = inp.prev_hash === undefined && (outIndex === -1n || outIndex === 4294967295n)
    if (isCb) coinbase = true
    const w = inp.witness === undefined || inp.witness === null ? [] : f.arr(inp.witness, p + '/witness')
    return {
      index: inStart + i,
      prevTxid: isCb ? null : txidOf(f.str(inp, 'prev_hash', p), { ...loc, pointer: p + '/prev_hash' }, 'prev_hash'),
      prevVout: isCb ? null : Number(outIndex),
      address: isCb ? null : oneAddress(inp, f, p, addr, loc),
      value: isCb ? null : f.int(inp, 'output_value', p, 0n),
      coinbase: isCb,
      sequence: f.optSmall(inp, 'sequence', p) ?? null,
      scriptsig: f.optStr(inp, 'script', p) || null,
      witness: w.length ? w.map((x) => String(x)).join(' ') : null,
      at: `/inputs/${i}`
    }
  })
  const outputs: BtcOutputRecord[] = outs.map((x, k) => {
    const p = `${ptr}/outputs/${k}`
    const out = f.obj(x, p)
    return {
      vout: outStart + k,
      address: oneAddress(out, f, p, addr, loc),
      scriptType: scriptTypeOf(f.optStr(out, 'script_type', p)),
      scriptHex: f.optStr(out, 'script', p) ?? null,
      value: f.int(out, 'value', p, 0n),
      spentByTxid: out.spent_by ? txidOf(f.str(out, 'spent_by', p), { ...loc, pointer: p + '/spent_by' }, 'spent_by') : null,
      at: `/outputs/${k}`
    }
  })
  const height = f.int(o, 'block_height', ptr, -1n)
  const complete = !nextIn && !nextOut && ins.length === vinSz && outs.length === voutSz
  if (!complete) warn(`${txid}: BlockCypher lists ${ins.length} of ${vinSz} inputs and ${outs.length} of ${voutSz} outputs (paged); stored as incomplete`)
  if (o.double_spend === true) warn(`${txid}: BlockCypher reports double_spend=true${typeof o.double_spend_tx === 'string' ? ` (with ${o.double_spend_tx})` : ''}; recorded, not treated as a conflict`)
  return {
    network: addr.network,
    txid,
    blockHeight: height >= 0n ? Number(height) : null,
    blockHash: height >= 0n && o.block_hash ? txidOf(f.str(o, 'block_hash', ptr), { ...loc, pointer: ptr + '/block_hash' }, 'block_hash') : null,
    blockTime: height >= 0n ? isoSeconds(f.optStr(o, 'confirmed', ptr), f, ptr + '/confirmed') : null,
    seenTime: isoSeconds(f.optStr(o, 'received', ptr), f, ptr + '/received'),
    fee: f.optInt(o, 'fees', ptr, 0n) ?? null,
    size: f.optSmall(o, 'size', ptr) ?? null,
    vsize: f.optSmall(o, 'vsize', ptr) ?? null,
    version: f.optSmall(o, 'ver', ptr) ?? null,
    locktime: f.optSmall(o, 'lock_time', ptr) ?? null,
    coinbase,
    confirmed: height >= 0n,
    inputCount: vinSz,
    outputCount: voutSz,
    complete,
    inputs,
    outputs
  }
}

/** BlockCypher importer. */
export const blockCypherImporter: Importer = {
  id: 'blockcypher-json',
  name: 'BlockCypher JSON: address full, tx',
  version: '1.0.0',
  detect(head) {
    const t = headText(head)
    return /"vin_sz":\d/.test(t) && /"vout_sz":\d/.test(t) && /"(prev_hash|script_type|confidence|preference)":/.test(t) && !/"tx_index":\d/.test(t) ? 90 : 0
  },
  async *parse(input, opts) {
    const addr = new AddressResolver(opts.chain)
    const one = (v: JsonValue, ptr: string, f: JsonFields, loc: SourceLocation): ImportRecord[] => {
      const out: ImportRecord[] = []
      const tx = mapBlockCypherTx(v, ptr, f, loc, addr, (m) => out.push({ kind: BTC_WARNING, loc, data: m }))
      return [{ kind: BTC_TX, loc, data: tx }, ...out]
    }
    yield* jsonRecords(input, { streamAt: ['/txs'], longKeys: BTC_LONG_KEYS }, one, function* (root, _n, f) {
      const o = f.obj(root, '')
      if (o.txs === undefined) yield* one(root, '', f, { pointer: '' })
      else if (o.hasMore === true) yield { kind: BTC_WARNING, loc: { pointer: '/hasMore' }, data: 'hasMore=true: BlockCypher has more transactions for this address than this file holds' }
    })
  }
}
