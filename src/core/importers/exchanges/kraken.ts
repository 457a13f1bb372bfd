import { firstLine } from '../common/text-decode'
import type { Importer, ImportInput, ImportOptions, ImportRecord } from '../types'
import { activity, statementRows } from './common'

const HEADER = '"txid","refid","time","type","subtype","aclass","asset","amount","fee","balance" (+ newer "wallet"/"subclass" columns)'

/**
 * Kraken ledgers CSV (FORMATS §12). Kraken's `txid` is its ledger entry id, not a chain transaction id, so it is
 * kept as the row reference and nothing is linked on chain. Asset codes (XXBT, DOT.S) are kept as written.
 */
export const krakenImporter: Importer = {
  id: 'kraken-ledgers-csv',
  name: 'Kraken ledgers CSV',
  version: '1',
  detect(head) {
    return /^txid,refid,time,type,(subtype,)?aclass,(subclass,)?asset,/.test(firstLine(head).replace(/"/g, '')) ? 90 : 0
  },
  parse: parseKraken
}

async function* parseKraken(input: ImportInput, opts: ImportOptions): AsyncGenerator<ImportRecord> {
  const isHeader = (f: string[]) => f[0] === 'txid' && f.includes('refid') && f.includes('amount')
  for await (const { row } of statementRows(input, isHeader, [HEADER])) {
    if (!row) continue
    const fee = row.get('fee')
    yield activity({ line: row.row.line }, {
      exchange: 'kraken',
      account: String(opts.account ?? 'unknown'),
      ref: row.get('txid') || null,
      time: row.time('time'),
      type: [row.need('type'), row.get('subtype')].filter(Boolean).join('/'),
      asset: row.need('asset'),
      amount: row.amount('amount'),
      fee: fee ? row.amount('fee') : null,
      feeAsset: fee ? row.need('asset') : null,
      network: null,
      txid: null,
      address: null,
      note: `refid ${row.need('refid')}${row.get('balance') ? ` · balance ${row.get('balance')}` : ''}`
    }, row)
  }
}
