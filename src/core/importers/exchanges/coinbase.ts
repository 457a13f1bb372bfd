import { firstLines } from '../common/text-decode'
import type { Importer, ImportInput, ImportOptions, ImportRecord } from '../types'
import { activity, statementRows } from './common'

const HEADERS = [
  'ID,Timestamp,Transaction Type,Asset,Quantity Transacted,Price Currency,Price at Transaction,Subtotal,Total (inclusive of fees and/or spread),Fees and/or Spread,Notes[,Sender Address,Recipient Address] (2024–, after a "Transactions"/"User,…" preamble)',
  'Timestamp,Transaction Type,Asset,Quantity Transacted,Spot Price Currency,Spot Price at Transaction,Subtotal,Total (inclusive of fees and/or spread),Fees and/or Spread,Notes (2022–2023, after a one-line preamble)',
  'Timestamp,Transaction Type,Asset,Quantity Transacted,…,Total (inclusive of fees),Fees,Notes (older)'
]

/** Coinbase transaction-history CSV in its 2021–2025 layouts, preamble lines included (FORMATS §9.2, §12). */
export const coinbaseImporter: Importer = {
  id: 'coinbase-csv',
  name: 'Coinbase transaction history CSV',
  version: '1',
  detect(head) {
    return firstLines(head, 8).some((l) => /^(ID,)?Timestamp,Transaction Type,Asset,Quantity Transacted,/.test(l.replace(/"/g, ''))) ? 90 : 0
  },
  parse: parseCoinbase
}

async function* parseCoinbase(input: ImportInput, opts: ImportOptions): AsyncGenerator<ImportRecord> {
  let user = opts.account ? String(opts.account) : 'unknown'
  const isHeader = (f: string[]) => f.includes('Timestamp') && f.includes('Transaction Type') && f.includes('Quantity Transacted')
  for await (const { row, preamble } of statementRows(input, isHeader, HEADERS)) {
    if (preamble) {
      // "User,<name>,<uuid>": the account the statement belongs to.
      if (preamble.fields[0] === 'User' && preamble.fields.length >= 2) user = preamble.fields.slice(1).filter(Boolean).join(' ')
      continue
    }
    if (!row) continue
    const feeCol = row.get('Fees and/or Spread') !== '' ? 'Fees and/or Spread' : 'Fees'
    const ccy = row.get('Price Currency') || row.get('Spot Price Currency') || null
    const address = row.get('Recipient Address') || row.get('Sender Address') || null
    yield activity({ line: row.row.line }, {
      exchange: 'coinbase',
      account: user,
      ref: row.get('ID') || null,
      time: row.time('Timestamp'),
      type: row.need('Transaction Type'),
      asset: row.need('Asset'),
      amount: row.amount('Quantity Transacted'),
      fee: row.get(feeCol) ? row.amount(feeCol, { currency: true }) : null,
      feeAsset: row.get(feeCol) ? ccy : null,
      network: null,
      txid: null,
      address,
      note: row.get('Notes') || null
    }, row)
  }
}
