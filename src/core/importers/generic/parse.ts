import { readFile } from 'node:fs/promises'
import { ColumnMapping } from '../../../shared/api/areas/mappings'
import { network as networkInfo, NETWORKS } from '../../../shared/domain/networks'
import { CsvHeader } from '../common/csv'
import { addressAt, blockAt, decimalAt, integerAt, optionChain, timeAt, unitsAt } from '../accounts/fields'
import { KIND, rec, type TransferRec } from '../accounts/records'
import { ParseError, type Importer, type ImportInput, type ImportOptions, type ImportRecord } from '../types'
import { isZip, readTable, type TableRow } from './table'

/** Record kind that saves the mapping in the case (same transaction as the rows it read). */
export const MAPPING_KIND = 'acct.mapping'

/** The mapping of an import: `options.mapping` (object, from the UI) or `options.mappingFile` (CLI --mapping). */
export async function loadMapping(opts: ImportOptions): Promise<ColumnMapping> {
  let raw: unknown = opts.mapping
  if (raw === undefined && typeof opts.mappingFile === 'string') {
    const text = await readFile(opts.mappingFile, 'utf8').catch(() => {
      throw new ParseError(`cannot read the mapping file ${opts.mappingFile}`)
    })
    if (text.length > 1 << 20) throw new ParseError('the mapping file is larger than 1 MiB')
    try {
      raw = JSON.parse(text) as unknown
    } catch (e) {
      throw new ParseError(`the mapping file is not JSON: ${(e as Error).message}`)
    }
  }
  if (raw === undefined) throw new ParseError('a generic CSV/XLSX import needs a column mapping (--mapping file.json, or map the columns in the import dialog)')
  const parsed = ColumnMapping.safeParse(raw)
  if (!parsed.success) {
    const i = parsed.error.issues[0]
    throw new ParseError(`invalid mapping: ${i.path.join('.') || 'mapping'}: ${i.message}`)
  }
  return parsed.data
}

/** Any CSV/XLSX read through an analyst's column mapping. Never chosen by detection. */
export const genericImporter: Importer = {
  id: 'generic-mapped',
  name: 'Any CSV/XLSX through a column mapping',
  version: '1',
  detect: () => 0,
  parse: parseGeneric
}

async function* parseGeneric(input: ImportInput, opts: ImportOptions): AsyncGenerator<ImportRecord> {
  const m = await loadMapping(opts)
  const xlsx = isZip(await firstBytes(input))
  let h: CsvHeader | undefined
  let idx: Record<string, number> = {}
  const fixedNet = m.chain ? optionChain({ chain: m.chain }) : undefined
  const seenNative = new Set<string>()
  const assets = new Set<string>()
  for await (const row of readTable(input.open, { delimiter: m.delimiter, sheet: m.sheet, xlsx })) {
    if (!h) {
      h = new CsvHeader(row.fields, row.line)
      for (const [field, col] of Object.entries(m.columns)) {
        const i = h.find(col)
        if (i < 0) throw new ParseError(`the mapping's ${field} column "${col}" is not in this file's header (${h.names.join(', ')})`, { line: row.line })
        idx[field] = i
      }
      if (!fixedNet && idx.chain === undefined) throw new ParseError('the mapping names neither a chain column nor a fixed chain', { line: row.line })
      yield { kind: MAPPING_KIND, loc: { line: row.line }, data: { signature: h.signature(), mapping: m } }
      continue
    }
    yield* mapRow(row, m, idx, fixedNet, seenNative, assets)
  }
  if (!h) throw new ParseError('the file is empty (no header row)', { line: 1 })
  idx = {}
}

async function firstBytes(input: ImportInput): Promise<Buffer> {
  for await (const chunk of input.open() as AsyncIterable<Buffer>) return chunk.subarray(0, 8)
  return Buffer.alloc(0)
}

function* mapRow(row: TableRow, m: ColumnMapping, idx: Record<string, number>, fixedNet: string | undefined, seenNative: Set<string>, assets: Set<string>): Generator<ImportRecord> {
  const cell = (f: string) => (idx[f] === undefined ? '' : (row.fields[idx[f]] ?? '').trim())
  const at = (f: string) => ({ line: row.line, column: (idx[f] ?? -1) + 1 })
  const network = fixedNet ?? chainOf(cell('chain'), at('chain'))
  const net = networkInfo(network)
  let txid = cell('txid')
  if (net.family === 'evm' ? !/^0x[0-9a-fA-F]{64}$/.test(txid) : !/^[0-9a-fA-F]{64}$/.test(txid)) {
    throw new ParseError(`txid ${JSON.stringify(txid.slice(0, 80))} is not a ${net.name} transaction id`, at('txid'))
  }
  txid = txid.toLowerCase()
  const from = addressAt(cell('from'), network, at('from'), 'from')
  const to = addressAt(cell('to'), network, at('to'), 'to')
  const assetText = idx.asset !== undefined ? cell('asset') : (m.asset ?? 'native')
  const native = assetText === '' || /^native$/i.test(assetText) || assetText.toUpperCase() === net.symbol.toUpperCase()
  let asset = 'native'
  if (!native) asset = /^(0x[0-9a-fA-F]{40}|T[1-9A-HJ-NP-Za-km-z]{33})$/.test(assetText) ? addressAt(assetText, network, at('asset'), 'asset') : `name:${assetText}`
  if (!native && !assets.has(`${network}|${asset}`)) {
    assets.add(`${network}|${asset}`)
    yield rec(KIND.asset, { line: row.line }, { network, contract: asset, symbol: asset.startsWith('name:') ? assetText : null, name: null, decimals: m.decimals ?? null, decimalsSource: m.decimals === undefined ? null : 'option' })
  }
  const amountText = cell('amount')
  let amount: string | null
  let text: string | null = null
  let lossy = false
  const tokenId = cell('tokenId') || null
  if (m.amountUnit === 'base' || tokenId) {
    amount = integerAt(amountText, at('amount'), 'amount')
  } else {
    const p = decimalAt(amountText, at('amount'), 'amount', { thousands: m.thousands, exponent: true, nonNegative: true })
    // A spreadsheet number is a binary double: beyond 15 significant digits its text is not the exact value.
    lossy = p.lossy || (!!row.numeric?.[idx.amount] && p.value.replace(/[^0-9]/g, '').replace(/^0+/, '').length > 15)
    const decimals = native ? net.decimals : m.decimals
    amount = decimals === undefined ? null : unitsAt(p.value, decimals, at('amount'), 'amount')
    text = decimals === undefined || lossy ? p.value : null
  }
  const status = idx.status !== undefined && m.failedValues.some((v) => v.toLowerCase() === cell('status').toLowerCase()) ? 'failed' : 'ok'
  const index = cell('index')
  if (native && !index) {
    if (seenNative.has(`${network}|${txid}`)) throw new ParseError(`transaction ${txid} has a second native-value row; map an index column to tell the rows apart`, at('txid'))
    seenNative.add(`${network}|${txid}`)
  }
  const time = idx.time === undefined ? null : timeAt(m.timeFormat === 'datetime-utc' ? undefined : cell('time'), m.timeFormat === 'datetime-utc' ? cell('time') : undefined, at('time'), at('time'), { ms: m.timeFormat === 'unix-ms' })
  const fee = idx.fee !== undefined && cell('fee') ? unitsAt(decimalAt(cell('fee'), at('fee'), 'fee', { thousands: m.thousands, nonNegative: true }).value, net.decimals, at('fee'), 'fee') : null
  const t: TransferRec = {
    network,
    txid,
    idx: index || (native ? 'tx' : `row:${row.line}`),
    block: blockAt(cell('block') || undefined, at('block')),
    time,
    from,
    to,
    asset,
    amount,
    amountText: text,
    lossy,
    fee,
    status,
    method: cell('method') || null,
    kind: tokenId ? 'nft' : native ? (index ? 'internal' : 'native') : 'token',
    tokenId
  }
  yield rec(KIND.transfer, { line: row.line }, t)
}

function chainOf(text: string, loc: { line: number; column: number }): string {
  try {
    const id = optionChain({ chain: text })
    if (id) return id
  } catch {
    /* fall through to symbols */
  }
  const bySymbol = [...NETWORKS.values()].filter((n) => n.kind === 'account' && n.symbol.toUpperCase() === text.toUpperCase())
  if (bySymbol.length === 1) return bySymbol[0].id
  throw new ParseError(`chain ${JSON.stringify(text)} is not a known account network (use an id such as eth, bsc, tron, or a chain id)`, loc)
}
