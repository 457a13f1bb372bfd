import { JsonNumber, type JsonObject } from '../common/json'
import type { JsonFields } from '../common/json-access'
import { BTC_LONG_KEYS, headText, jsonRecords } from '../common/json-records'
import { ParseError, type Importer, type ImportRecord } from '../types'
import { AddressResolver, BTC_TX, BTC_WARNING, scriptTypeOf, txidOf, type BtcInputRecord, type BtcOutputRecord, type BtcTxRecord } from '../../chains/bitcoin/utxo/records'
import { blockchairTime } from './time'

/**
 * Blockchair API dashboards, Bitcoin-like chains (FORMATS §5.1):
 * - transaction dashboards `{data:{<hash>:{transaction, inputs[], outputs[]}}}`: inputs are the spent outputs
 *   (each names its funding tx and index), so prev outpoints, addresses and values are all known. Entries
 *   elided by the source as "…" (seen in the testnet sample) are skipped and the tx is stored as incomplete.
 * - address dashboards `{data:{set, addresses{…}, transactions[hash…], utxo[…]}}`: each UTXO becomes an
 *   incomplete tx holding that output; each listed tx hash a bare incomplete tx (the case then knows the tx
 *   exists and touches the address set; its details come from another import).
 * Network: `--chain`, else the addresses (tb1…/m…/n…/2… → btc-testnet). Ethereum dashboards are not Bitcoin
 * data and are not detected as this format.
 */
const ELIDED = '\u2026'

function isElided(o: JsonObject): boolean {
  return Object.values(o).some((v) => v === ELIDED)
}

function recipient(o: JsonObject, f: JsonFields, p: string, addr: AddressResolver): string | null {
  const r = f.optStr(o, 'recipient', p)
  const type = f.optStr(o, 'type', p)
  if (!r || type === 'nulldata' || type === 'nonstandard' || type === 'multisig' || type === 'witness_unknown') return null
  return addr.address(r, { pointer: p + '/recipient' })
}

function mapTxDashboard(hash: string, entry: JsonObject, f: JsonFields, ptr: string, addr: AddressResolver, notes: string[]): BtcTxRecord {
  const t = f.obj(entry.transaction, ptr + '/transaction')
  const tp = ptr + '/transaction'
  const txid = txidOf(f.str(t, 'hash', tp), { pointer: tp + '/hash' })
  if (txid !== hash.toLowerCase()) f.fail(tp + '/hash', `hash ${txid} differs from its key ${hash}`)
  const block = f.int(t, 'block_id', tp, -1n)
  const insIn = f.arr(entry.inputs, ptr + '/inputs')
  const outsIn = f.arr(entry.outputs, ptr + '/outputs')
  const inputs: BtcInputRecord[] = []
  const outputs: BtcOutputRecord[] = []
  let elided = 0
  insIn.forEach((x, i) => {
    const p = `${ptr}/inputs/${i}`
    const o = f.obj(x, p)
    if (isElided(o)) return void elided++
    inputs.push({
      index: o.spending_index instanceof JsonNumber ? f.small(o, 'spending_index', p) : i,
      prevTxid: txidOf(f.str(o, 'transaction_hash', p), { pointer: p + '/transaction_hash' }),
      prevVout: f.small(o, 'index', p),
      address: recipient(o, f, p, addr),
      value: f.int(o, 'value', p, 0n),
      coinbase: false,
      sequence: f.optSmall(o, 'spending_sequence', p) ?? null,
      at: `/inputs/${i}`
    })
  })
  outsIn.forEach((x, k) => {
    const p = `${ptr}/outputs/${k}`
    const o = f.obj(x, p)
    if (isElided(o)) return void elided++
    const spent = f.optStr(o, 'spending_transaction_hash', p)
    outputs.push({
      vout: f.small(o, 'index', p),
      address: recipient(o, f, p, addr),
      scriptType: scriptTypeOf(f.optStr(o, 'type', p)),
      scriptHex: f.optStr(o, 'script_hex', p) ?? null,
      value: f.int(o, 'value', p, 0n),
      spentByTxid: spent ? txidOf(spent, { pointer: p + '/spending_transaction_hash' }) : null,
      spentByVin: spent ? (f.optSmall(o, 'spending_index', p) ?? null) : null,
      at: `/outputs/${k}`
    })
  })
  const inCount = f.small(t, 'input_count', tp)
  const outCount = f.small(t, 'output_count', tp)
  if (elided) notes.push(`${txid}: ${elided} input/output entries are elided ("…") in the source; stored as incomplete`)
  const coinbase = f.optBool(t, 'is_coinbase', tp) ?? false
  return {
    network: addr.network,
    txid,
    blockHeight: block >= 0n ? Number(block) : null,
    blockTime: block >= 0n ? blockchairTime(f.str(t, 'time', tp), { pointer: tp + '/time' }) : null,
    fee: f.optInt(t, 'fee', tp, 0n) ?? null,
    size: f.optSmall(t, 'size', tp) ?? null,
    weight: f.optSmall(t, 'weight', tp) ?? null,
    version: f.optSmall(t, 'version', tp) ?? null,
    locktime: f.optSmall(t, 'lock_time', tp) ?? null,
    coinbase,
    confirmed: block >= 0n,
    inputCount: inCount,
    outputCount: outCount,
    complete: !coinbase && inputs.length === inCount && outputs.length === outCount,
    inputs: coinbase ? [] : inputs,
    outputs
  }
}

function* mapAddressDashboard(data: JsonObject, f: JsonFields, addr: AddressResolver): Iterable<ImportRecord> {
  const utxo = data.utxo === undefined ? [] : f.arr(data.utxo, '/data/utxo')
  for (let i = 0; i < utxo.length; i++) {
    const p = `/data/utxo/${i}`
    const u = f.obj(utxo[i], p)
    const block = f.int(u, 'block_id', p, -1n)
    const a = f.str(u, 'address', p)
    const rec: BtcTxRecord = {
      network: addr.network,
      txid: txidOf(f.str(u, 'transaction_hash', p), { pointer: p + '/transaction_hash' }),
      blockHeight: block >= 0n ? Number(block) : null,
      confirmed: block >= 0n,
      complete: false,
      inputs: [],
      outputs: [{ vout: f.small(u, 'index', p), address: addr.address(a, { pointer: p + '/address' }), scriptType: 'unknown', value: f.int(u, 'value', p, 0n), at: '' }]
    }
    yield { kind: BTC_TX, loc: { pointer: p }, data: rec }
  }
  const txs = data.transactions === undefined ? [] : f.arr(data.transactions, '/data/transactions')
  for (let i = 0; i < txs.length; i++) {
    const p = `/data/transactions/${i}`
    const v = txs[i]
    const hash = typeof v === 'string' ? v : f.str(f.obj(v, p), 'hash', p)
    yield { kind: BTC_TX, loc: { pointer: p }, data: { network: addr.network, txid: txidOf(hash, { pointer: p }), complete: false, inputs: [], outputs: [] } satisfies BtcTxRecord }
  }
}

/** Blockchair dashboards importer. */
export const blockchairJsonImporter: Importer = {
  id: 'blockchair-json',
  name: 'Blockchair API dashboards JSON (Bitcoin-like): address and transaction',
  version: '1.0.0',
  detect(head) {
    const t = headText(head)
    if (!/^\{"data":\{/.test(t) || !/"context":\{|"(transaction|set|addresses)":\{/.test(t)) return 0
    if (/"(calls|address)":\{[^}]*"(nonce|contract_code_hex|balance_approximate)"/.test(t) || /"(received_approximate|spent_approximate)"/.test(t)) return 0
    return /"(input_count|script_hex|unspent_output_count|output_count)":/.test(t) ? 85 : 0
  },
  async *parse(input, opts) {
    const addr = new AddressResolver(opts.chain)
    yield* jsonRecords(input, { longKeys: BTC_LONG_KEYS }, () => [], function* (root, _n, f) {
      const o = f.obj(root, '')
      const data = f.obj(o.data, '/data')
      const notes: string[] = []
      if (data.addresses !== undefined || data.set !== undefined) {
        yield* mapAddressDashboard(data, f, addr)
      } else {
        for (const hash of Object.keys(data)) {
          const entry = f.obj(data[hash], '/data/' + hash)
          if (entry.transaction === undefined) f.fail('/data/' + hash, 'not a transaction dashboard entry (no "transaction")')
          yield { kind: BTC_TX, loc: { pointer: '/data/' + hash }, data: mapTxDashboard(hash, entry, f, '/data/' + hash, addr, notes) }
        }
      }
      for (const n of notes) yield { kind: BTC_WARNING, loc: {}, data: n }
      if (!Object.keys(data).length) throw new ParseError('the dashboard holds no data', { pointer: '/data' })
    })
  }
}

