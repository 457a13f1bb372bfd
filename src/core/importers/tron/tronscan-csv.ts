import { checkRowWidth, CsvHeader, readCsv, type CsvRow } from '../common/csv'
import { parseUtcDateTime } from '../common/time'
import { firstLine } from '../common/text-decode'
import { addressAt, blockAt, decimalAt, unitsAt } from '../accounts/fields'
import { KIND, rec } from '../accounts/records'
import { ParseError, type Importer, type ImportInput, type ImportRecord } from '../types'

const NET = 'tron'
const HASH = /^[0-9a-fA-F]{64}$/
const LAYOUTS = [
  'token transfers: Tx Hash,blockHeight,blockTime(UTC+8),blockTime(UTC),from,to,value,symbol,tokenAddress,isConfirm',
  'transactions: Tx Hash,blockHeight,blockTime(UTC+8),blockTime(UTC),from,to,value,symbol,contractType,status',
  'transactions (older): Tx Hash,blockHeight,blockTime(UTC+8),blockTime(UTC),from,to,value,fee,status'
]

/** Tronscan "Export CSV" (FORMATS §7.2; layouts from code/doc only — no real file was found). */
export const tronscanCsvImporter: Importer = {
  id: 'tronscan-csv',
  name: 'Tronscan CSV export (token transfers, transactions)',
  version: '1',
  detect(head) {
    const l = firstLine(head)
    return /^"?Tx Hash"?,"?blockHeight"?,/.test(l) ? 90 : 0
  },
  parse: parseTronscan
}

const cell = (r: CsvRow, i: number) => (i >= 0 ? (r.fields[i] ?? '').trim() : '')

async function* parseTronscan(input: ImportInput): AsyncGenerator<ImportRecord> {
  let h: CsvHeader | undefined
  let kind: 'token' | 'tx' | 'tx-old' = 'tx'
  const seen = new Set<string>()
  let c: Record<string, number> = {}
  for await (const row of readCsv(input.open())) {
    if (!h) {
      h = new CsvHeader(row.fields, row.line)
      const need = ['Tx Hash', 'blockHeight', 'blockTime(UTC)', 'from', 'to', 'value']
      if (!need.every((n) => h!.find(n) >= 0)) throw new ParseError(`unknown Tronscan CSV header; known layouts:\n${LAYOUTS.map((l) => '  - ' + l).join('\n')}`, { line: row.line })
      kind = h.find('tokenAddress') >= 0 ? 'token' : h.find('contractType') >= 0 ? 'tx' : h.find('fee') >= 0 ? 'tx-old' : 'tx'
      if (kind === 'tx' && h.find('symbol') < 0) throw new ParseError(`unknown Tronscan CSV header; known layouts:\n${LAYOUTS.map((l) => '  - ' + l).join('\n')}`, { line: row.line })
      c = Object.fromEntries(['Tx Hash', 'blockHeight', 'blockTime(UTC)', 'from', 'to', 'value', 'symbol', 'tokenAddress', 'contractType', 'status', 'fee', 'isConfirm'].map((n) => [n, h!.find(n)]))
      yield rec(KIND.asset, { line: row.line }, { network: NET, contract: 'native', symbol: 'TRX', name: 'Tron', decimals: 6, decimalsSource: 'network' })
      continue
    }
    checkRowWidth(row, h, true)
    const at = (n: string) => ({ line: row.line, column: c[n] + 1 })
    const txid = cell(row, c['Tx Hash'])
    if (!HASH.test(txid)) throw new ParseError(`Tx Hash ${JSON.stringify(txid.slice(0, 80))} is not 64 hex digits`, at('Tx Hash'))
    let time: number
    try {
      // The UTC column, never the UTC+8 one (FORMATS §7.2).
      time = parseUtcDateTime(cell(row, c['blockTime(UTC)']))
    } catch (e) {
      throw new ParseError(`blockTime(UTC): ${(e as Error).message}`, at('blockTime(UTC)'))
    }
    const from = addressAt(cell(row, c.from), NET, at('from'), 'from')
    const to = addressAt(cell(row, c.to), NET, at('to'), 'to')
    const value = decimalAt(cell(row, c.value), at('value'), 'value', { thousands: true, exponent: true, nonNegative: true })
    const statusText = cell(row, c.status)
    const status = statusText === '' || /^SUCCESS$/i.test(statusText) ? 'ok' : 'failed'
    const base = { network: NET, txid: txid.toLowerCase(), block: blockAt(cell(row, c.blockHeight), at('blockHeight')), time, from, to, lossy: value.lossy, tokenId: null, fee: null, status: status as 'ok' | 'failed' }
    const symbol = cell(row, c.symbol)
    if (kind === 'token') {
      const contract = addressAt(cell(row, c.tokenAddress), NET, at('tokenAddress'), 'tokenAddress')
      if (!seen.has(contract)) {
        seen.add(contract)
        yield rec(KIND.asset, { line: row.line }, { network: NET, contract, symbol: symbol || null, name: null, decimals: null, decimalsSource: null })
      }
      yield rec(KIND.transfer, { line: row.line }, { ...base, idx: 'pos', asset: contract, amount: null, amountText: value.value, method: null, kind: 'token' })
      continue
    }
    const native = kind === 'tx-old' || symbol === 'TRX' || symbol === ''
    const asset = native ? 'native' : `name:${symbol}`
    if (!native && !seen.has(asset)) {
      seen.add(asset)
      yield rec(KIND.asset, { line: row.line }, { network: NET, contract: asset, symbol, name: `TRC-10 token named ${symbol} (Tronscan gives no token id)`, decimals: null, decimalsSource: null })
    }
    const fee = kind === 'tx-old' && cell(row, c.fee) ? unitsAt(decimalAt(cell(row, c.fee), at('fee'), 'fee', { nonNegative: true, thousands: true }).value, 6, at('fee'), 'fee') : null
    yield rec(KIND.transfer, { line: row.line }, {
      ...base,
      fee,
      idx: native ? 'tx' : 'trc10',
      asset,
      amount: native ? unitsAt(value.value, 6, at('value'), 'value') : null,
      amountText: native ? null : value.value,
      method: cell(row, c.contractType) || null,
      kind: native ? 'native' : 'token'
    })
  }
  if (!h) throw new ParseError('the file is empty (no header row)', { line: 1 })
}
