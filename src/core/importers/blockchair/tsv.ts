import { readLines } from '../common/lines'
import { ParseError, type Importer, type SourceLocation } from '../types'
import { AddressResolver, BTC_TX, scriptTypeOf, txidOf, type BtcTxRecord } from '../../chains/bitcoin/utxo/records'
import { blockchairTime } from './time'

/**
 * Blockchair database dumps (gz.blockchair.com, TSV, FORMATS §5.2): `transactions`, and `inputs`/`outputs`
 * (one shared schema). Tab-separated, header line, `\N` = NULL, times UTC, amounts in base units.
 * - transactions rows → tx headers (block, time, size, weight, version, locktime, fee, counts), incomplete;
 * - inputs/outputs rows describe an output (`transaction_hash`:`index`, value, recipient) and, when
 *   `spending_transaction_hash` is set, also the input that spends it (at `spending_index`): both are stored,
 *   so an inputs dump and an outputs dump give the same facts and merge without conflict.
 * - `blocks` dumps (the real samples are Dash blocks) hold no transactions: they are recognised and refused
 *   with that explanation, rather than imported as something they are not.
 * Booleans accept 1/0, t/f, true/false (the dump encoding is not documented).
 */
const TX_COLS = ['block_id', 'hash', 'time', 'size', 'weight', 'version', 'lock_time', 'is_coinbase', 'input_count', 'output_count', 'fee']
const IO_COLS = ['block_id', 'transaction_hash', 'index', 'time', 'value', 'recipient', 'type', 'spending_transaction_hash', 'spending_index']
const BLOCK_COLS = ['id', 'hash', 'time', 'median_time', 'merkle_root', 'nonce', 'bits', 'difficulty', 'chainwork', 'coinbase_data_hex', 'transaction_count']
const MAX_FIELD = 64 * 1024
const MAX_COLS = 1000

type Kind = 'transactions' | 'io' | 'blocks'

function kindOf(header: string[]): Kind | null {
  const has = (cols: string[]) => cols.every((c) => header.includes(c))
  if (has(BLOCK_COLS)) return 'blocks'
  if (has(['transaction_hash', 'index', 'value', 'recipient'])) return 'io'
  if (has(['hash', 'block_id', 'input_count', 'output_count'])) return 'transactions'
  return null
}

function bool(s: string, loc: SourceLocation): boolean {
  if (s === '1' || s === 't' || s === 'true') return true
  if (s === '0' || s === 'f' || s === 'false') return false
  throw new ParseError(`not a boolean: ${JSON.stringify(s)}`, loc)
}

function int(s: string, loc: SourceLocation, what: string): bigint {
  if (!/^-?(0|[1-9][0-9]*)$/.test(s)) throw new ParseError(`${what} must be an integer, found ${JSON.stringify(s.slice(0, 40))}`, loc)
  return BigInt(s)
}

/** Blockchair TSV importer. */
export const blockchairTsvImporter: Importer = {
  id: 'blockchair-tsv',
  name: 'Blockchair database dump (TSV): transactions, inputs, outputs',
  version: '1.0.0',
  detect(head) {
    const first = head.toString('utf8').replace(/^\uFEFF/, '').split('\n')[0].replace(/\r$/, '')
    if (!first.includes('\t')) return 0
    return kindOf(first.split('\t')) ? 85 : 0
  },
  async *parse(input, opts) {
    const addr = new AddressResolver(opts.chain)
    let header: string[] | null = null
    let kind: Kind | null = null
    let idx: Record<string, number> = {}
    for await (const { line, text } of readLines(input.open())) {
      if (header === null) {
        header = text.split('\t')
        if (header.length > MAX_COLS) throw new ParseError(`more than ${MAX_COLS} columns`, { line })
        kind = kindOf(header)
        if (kind === 'blocks') throw new ParseError('this is a Blockchair blocks dump: it lists block headers, not transactions, so there is nothing to import into the transaction tables; import the transactions, inputs or outputs dumps of the same day', { line })
        const need = kind === 'transactions' ? TX_COLS : kind === 'io' ? IO_COLS : null
        if (!need) throw new ParseError('not a Blockchair transactions/inputs/outputs dump header', { line })
        const missing = need.filter((c) => !header!.includes(c))
        if (missing.length) throw new ParseError(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} in the header`, { line })
        idx = Object.fromEntries(header.map((h, i) => [h, i]))
        continue
      }
      if (text === '') continue
      const cells = text.split('\t')
      if (cells.length !== header.length) throw new ParseError(`${cells.length} fields, but the header has ${header.length}`, { line })
      const long = cells.findIndex((c) => c.length > MAX_FIELD)
      if (long >= 0) throw new ParseError(`field longer than ${MAX_FIELD} bytes`, { line, column: cells.slice(0, long).join('\t').length + 2 })
      const col = (name: string): string | null => {
        const v = cells[idx[name]]
        return v === '\\N' ? null : v
      }
      const at = (name: string): SourceLocation => ({ line, column: cells.slice(0, idx[name]).join('\t').length + (idx[name] ? 2 : 1) })
      const req = (name: string): string => {
        const v = col(name)
        if (v === null || v === '') throw new ParseError(`${name} is empty`, at(name))
        return v
      }
      const block = int(req('block_id'), at('block_id'), 'block_id')
      const blockTime = block >= 0n ? blockchairTime(req('time'), at('time')) : null
      if (kind === 'transactions') {
        const rec: BtcTxRecord = {
          network: addr.network,
          txid: txidOf(req('hash'), at('hash')),
          blockHeight: block >= 0n ? Number(block) : null,
          blockTime,
          confirmed: block >= 0n,
          size: Number(int(req('size'), at('size'), 'size')),
          weight: Number(int(req('weight'), at('weight'), 'weight')),
          version: Number(int(req('version'), at('version'), 'version')),
          locktime: Number(int(req('lock_time'), at('lock_time'), 'lock_time')),
          coinbase: bool(req('is_coinbase'), at('is_coinbase')),
          inputCount: Number(int(req('input_count'), at('input_count'), 'input_count')),
          outputCount: Number(int(req('output_count'), at('output_count'), 'output_count')),
          fee: int(req('fee'), at('fee'), 'fee'),
          complete: false,
          inputs: [],
          outputs: []
        }
        yield { kind: BTC_TX, loc: { line }, data: rec }
        continue
      }
      const type = col('type')
      const r = col('recipient')
      const address = r && !['nulldata', 'nonstandard', 'multisig', 'witness_unknown'].includes(type ?? '') ? addr.address(r, at('recipient')) : null
      const txid = txidOf(req('transaction_hash'), at('transaction_hash'))
      const vout = Number(int(req('index'), at('index'), 'index'))
      const value = int(req('value'), at('value'), 'value')
      if (value < 0n) throw new ParseError('value is negative', at('value'))
      const spender = col('spending_transaction_hash')
      const spendIdx = spender ? Number(int(req('spending_index'), at('spending_index'), 'spending_index')) : null
      yield {
        kind: BTC_TX,
        loc: { line },
        data: {
          network: addr.network,
          txid,
          blockHeight: block >= 0n ? Number(block) : null,
          blockTime,
          confirmed: block >= 0n,
          complete: false,
          inputs: [],
          outputs: [{ vout, address, scriptType: scriptTypeOf(type), scriptHex: col('script_hex'), value, spentByTxid: spender ? txidOf(spender, at('spending_transaction_hash')) : null, spentByVin: spendIdx, at: '' }]
        } satisfies BtcTxRecord
      }
      if (spender) {
        const seq = col('spending_sequence')
        const sb = idx.spending_block_id === undefined ? null : col('spending_block_id')
        const sbh = sb === null ? null : int(sb, at('spending_block_id'), 'spending_block_id')
        yield {
          kind: BTC_TX,
          loc: { line },
          data: {
            network: addr.network,
            txid: txidOf(spender, at('spending_transaction_hash')),
            blockHeight: sbh !== null && sbh >= 0n ? Number(sbh) : null,
            confirmed: sbh !== null && sbh >= 0n,
            complete: false,
            inputs: [{ index: spendIdx!, prevTxid: txid, prevVout: vout, address, value, coinbase: false, sequence: seq === null ? null : Number(int(seq, at('spending_sequence'), 'spending_sequence')), witness: col('spending_witness') || null, at: '' }],
            outputs: []
          } satisfies BtcTxRecord
        }
      }
    }
    if (header === null) throw new ParseError('the file is empty', { line: 1 })
  }
}
