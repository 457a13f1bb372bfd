import { firstLine } from '../common/text-decode'
import type { Importer, ImportInput, ImportOptions, ImportRecord } from '../types'
import { activity, statementRows } from './common'

const STATEMENT = '"User_ID","UTC_Time","Account","Operation","Coin","Change","Remark" (also without User_ID)'
const HISTORY = 'Date(UTC),Coin,Network,Amount,TransactionFee,Address,TXID,SourceAddress,PaymentID,Status; Date(UTC+0),Coin,Network,Amount,[Fee,]Address,TXID,Status'

/** Binance transaction statement and deposit/withdrawal history CSVs (FORMATS §9.1). */
export const binanceImporter: Importer = {
  id: 'binance-csv',
  name: 'Binance statement / deposit & withdrawal history CSV',
  version: '1',
  detect(head) {
    const l = firstLine(head).replace(/"/g, '')
    if (/^(User_ID,)?UTC_Time,Account,Operation,Coin,Change/.test(l)) return 90
    if (/^Date\(UTC(\+0)?\),Coin,(Network,)?Amount,/.test(l) && /TXID/.test(l)) return 90
    return 0
  },
  parse: parseBinance
}

async function* parseBinance(input: ImportInput, opts: ImportOptions): AsyncGenerator<ImportRecord> {
  const isHeader = (f: string[]) => f.includes('UTC_Time') || f.includes('Date(UTC)') || f.includes('Date(UTC+0)')
  for await (const { row } of statementRows(input, isHeader, [STATEMENT, HISTORY])) {
    if (!row) continue
    const loc = { line: row.row.line }
    if (row.get('UTC_Time') !== '' || row.get('Operation') !== '') {
      yield activity(loc, {
        exchange: 'binance',
        account: row.get('User_ID') || String(opts.account ?? 'unknown'),
        ref: null,
        time: row.time('UTC_Time'),
        type: row.need('Operation'),
        asset: row.need('Coin'),
        amount: row.amount('Change'),
        fee: null,
        feeAsset: null,
        network: null,
        txid: null,
        address: null,
        note: [row.get('Account'), row.get('Remark')].filter(Boolean).join(' · ') || null
      }, row)
      continue
    }
    // Deposit/withdrawal history: a fee column means withdrawals (or --option direction=deposit|withdrawal).
    const dateCol = row.get('Date(UTC)') ? 'Date(UTC)' : 'Date(UTC+0)'
    const feeCol = row.get('TransactionFee') !== '' ? 'TransactionFee' : 'Fee'
    const withdrawal = opts.direction ? opts.direction === 'withdrawal' : row.get(feeCol) !== ''
    const amount = row.amount('Amount', { nonNegative: true })
    yield activity(loc, {
      exchange: 'binance',
      account: String(opts.account ?? 'unknown'),
      ref: null,
      time: row.time(dateCol),
      type: withdrawal ? 'Withdrawal' : 'Deposit',
      asset: row.need('Coin'),
      amount: withdrawal && amount !== '0' ? '-' + amount : amount,
      fee: row.get(feeCol) ? row.amount(feeCol, { nonNegative: true }) : null,
      feeAsset: row.get(feeCol) ? row.need('Coin') : null,
      network: row.get('Network') || null,
      txid: normTxid(row.get('TXID')),
      address: row.get('Address') || null,
      note: [row.get('Status'), row.get('SourceAddress') && `source ${row.get('SourceAddress')}`].filter(Boolean).join(' · ') || null
    }, row)
  }
}

/** EVM-style txids compare lower-case; others (Tron, Bitcoin) are hex already or kept as written. */
export function normTxid(t: string): string | null {
  if (!t) return null
  const s = t.replace(/^Internal transfer\s*/i, '').trim()
  return /^(0x)?[0-9a-fA-F]{64}$/.test(s) ? s.toLowerCase() : s
}
