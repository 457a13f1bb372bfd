import { network as networkInfo } from '../../../shared/domain/networks'
import { checkRowWidth, CsvHeader, readCsvBatches, type CsvRow } from '../common/csv'
import { firstLine } from '../common/text-decode'
import { ParseError, type Importer, type ImportInput, type ImportOptions, type ImportRecord } from '../types'
import { KIND, note, rec, type AssetRec, type TransferRec } from '../accounts/records'
import { addressAt, blockAt, chooseNetwork, decimalAt, optionAddress, optionDecimals, plainUnits, timeAt, unitsAt } from '../accounts/fields'
import { headerSymbol, LAYOUTS, layoutOf, type Layout } from './layouts'
import { cols, type Cols } from './columns'

/** Etherscan's per-download row cap: a file with exactly this many rows is probably cut short (FORMATS §1.1). */
export const ETHERSCAN_ROW_CAP = 5000

const TXHASH = /^0x[0-9a-fA-F]{64}$/
/** At most this many distinct senders per file get an "externally owned" fact (memory stays bounded). */
const SENDER_FACTS = 100_000

/** How native values and fees are read (non-negative, a unit suffix such as "0.1 ETH" allowed). */
const NATIVE_VALUE = { nonNegative: true, unit: true } as const

/** Everything one file's rows share. */
interface FileState {
  layout: Layout
  c: Cols
  network: string
  address: string | undefined
  decimals: Map<string, number>
  assetsSeen: Set<string>
  /** Senders already recorded as externally owned (bounded: facts, not needed for every row). */
  senders: Set<string>
  txid: string
  posInTx: number
  opts: ImportOptions
  /** Reused cell locations (see `at`). */
  locs: { line: number; column: number }[]
  /** The network's native symbol, upper case, for checking unit suffixes of values. */
  symbol: string
}

/**
 * Location of a cell. Helpers take it eagerly but read it only to build an error, which ends the file, so one
 * object per column and file is reused row after row (a million rows would otherwise allocate ten million).
 */
function at(st: FileState, row: CsvRow, i: number): { line: number; column: number } {
  const l = (st.locs[i + 1] ??= { line: 0, column: i + 1 })
  l.line = row.line
  return l
}
const cell = (row: CsvRow, i: number): string => (i >= 0 ? (row.fields[i] ?? '').trim() : '')

function unknownVariant(h: CsvHeader): ParseError {
  return new ParseError(
    `unknown Etherscan CSV header variant: ${h.names.join(',')}. Known variants:\n${LAYOUTS.map((l) => `  - ${l.id}: ${l.describe}`).join('\n')}`,
    { line: h.line }
  )
}

/** Etherscan "Download CSV Export" and its clones: every header variant of FORMATS §1. */
export const etherscanCsvImporter: Importer = {
  id: 'etherscan-csv',
  name: 'Etherscan-family CSV export (Etherscan, BscScan, Polygonscan, Arbiscan, Optimism, Basescan, Snowtrace)',
  version: '1',
  detect(head) {
    const line = firstLine(head)
    if (/^"?(Txhash|Transaction Hash|Parent Transaction Hash)"?,/.test(line) && /"?(From|ParentTxFrom)"?,/.test(line)) return 90
    return 0
  },
  parse(input, opts) {
    return parseEtherscanCsv(input, opts)
  },
  parseBatches(input, opts) {
    return parseEtherscanBatches(input, opts)
  },
  // Pure per file (state lives in the parse call, options are plain data): large exports parse on a second core.
  parseInWorker: true,
  // A row is one small record: 4,000 per batch keep thread hand-overs rare (a few hundred per million rows).
  workerBatch: 4000
}

async function* parseEtherscanCsv(input: ImportInput, opts: ImportOptions): AsyncGenerator<ImportRecord> {
  for await (const batch of parseEtherscanBatches(input, opts)) yield* batch
}

/** The records of one CSV batch (a few hundred rows) at a time: one await per batch, not per record. */
async function* parseEtherscanBatches(input: ImportInput, opts: ImportOptions): AsyncGenerator<ImportRecord[]> {
  let st: FileState | undefined
  let header: CsvHeader | undefined
  let rows = 0
  for await (const batch of readCsvBatches(input.open())) {
    const out: ImportRecord[] = []
    try {
      for (const row of batch) {
        if (!header) {
          header = new CsvHeader(row.fields, row.line)
          const layout = layoutOf(header)
          if (!layout) throw unknownVariant(header)
          const warnings: string[] = []
          // The 2025 redesign names no native symbol in its header; its Amount cells carry it ("0.0001 ETH").
          const symbol = headerSymbol(header)
          const network = chooseNetwork(opts, symbol, (m) => warnings.push(m), { line: header.line })
          for (const w of warnings) out.push(note(`${input.name}: ${w}`, { line: header.line }))
          st = { layout, c: cols(header), network, address: optionAddress(opts, network), decimals: optionDecimals(opts, network), assetsSeen: new Set(), senders: new Set(), txid: '', posInTx: 0, opts, locs: [], symbol: networkInfo(network).symbol.toUpperCase() }
          const n = networkInfo(network)
          out.push(rec(KIND.asset, { line: header.line }, { network, contract: 'native', symbol: n.symbol, name: n.name, decimals: n.decimals, decimalsSource: 'network' }))
          if (!st.address && layout.kind !== 'normal' && layout.kind !== 'internal') {
            out.push(note(`${input.name}: no --address given; transfers are stored as From → To, but the rows were not checked against the exported address`, { line: header.line }))
          }
          continue
        }
        checkRowWidth(row, header, st!.layout.surplusOk)
        rows++
        mapRow(row, st!, out)
      }
    } catch (e) {
      // Records of the rows before the bad one are stored first, exactly as when records streamed one by one.
      if (out.length) yield out
      throw e
    }
    if (out.length) yield out
  }
  if (!header) throw new ParseError('the file is empty (no header row)', { line: 1 })
  if (rows === ETHERSCAN_ROW_CAP) {
    yield [note(`${input.name}: exactly ${ETHERSCAN_ROW_CAP} data rows — Etherscan's per-download cap; the export is probably incomplete (download the next block range too)`)]
  }
}

function mapRow(row: CsvRow, st: FileState, out: ImportRecord[]): void {
  const { c, network, layout } = st
  const loc = { line: row.line }
  const hashText = cell(row, c.hash)
  if (!TXHASH.test(hashText)) throw new ParseError(`transaction hash: ${JSON.stringify(hashText.slice(0, 80))} is not 0x + 64 hex digits`, at(st, row, c.hash))
  const txid = hashText.toLowerCase()
  if (txid !== st.txid) {
    st.txid = txid
    st.posInTx = 0
  } else st.posInTx++
  const from = addressAt(cell(row, c.from), network, at(st, row, c.from), 'From')
  const toText = cell(row, c.to)
  let to = toText ? addressAt(toText, network, at(st, row, c.to), 'To') : ''
  const contractText = cell(row, c.contract)
  const block = blockAt(cell(row, c.block) || undefined, at(st, row, c.block))
  const time = timeAt(c.unix >= 0 ? cell(row, c.unix) : undefined, c.date >= 0 ? cell(row, c.date) : undefined, at(st, row, c.unix), at(st, row, c.date))
  if (st.address && from !== st.address && to !== st.address && (layout.kind !== 'normal' || !contractText || addressAt(contractText, network, at(st, row, c.contract)) !== st.address)) {
    throw new ParseError(`neither From nor To is the exported address ${st.address}: is --address right for this file?`, at(st, row, c.from))
  }

  if (layout.kind === 'normal' || layout.kind === 'internal') {
    if (!to && contractText) {
      to = addressAt(contractText, network, at(st, row, c.contract), 'ContractAddress')
      out.push(rec(KIND.account, loc, { network, address: to, isContract: true, how: 'created by this transaction (explorer ContractAddress column)' }))
    }
    if (layout.kind === 'normal' && !st.senders.has(from) && st.senders.size < SENDER_FACTS) {
      st.senders.add(from)
      out.push(rec(KIND.account, loc, { network, address: from, isContract: false, how: 'sender of a top-level transaction (only externally owned accounts sign transactions)' }))
    }
    const amount = nativeAmount(row, st)
    const status = statusOf(row, st)
    const feeText = cell(row, c.fee)
    const fee = c.fee >= 0 && feeText ? (plainUnits(feeText, 18) ?? unitsAt(decimalAt(feeText, at(st, row, c.fee), 'fee', NATIVE_VALUE).value, 18, at(st, row, c.fee), 'fee')) : null
    const t: TransferRec = {
      network,
      txid,
      block,
      time,
      from,
      lossy: false,
      tokenId: null,
      to,
      idx: layout.kind === 'normal' ? 'tx' : `pos:${st.posInTx}`,
      asset: 'native',
      amount,
      amountText: null,
      fee: layout.kind === 'normal' ? fee : null,
      status,
      method: cell(row, layout.kind === 'normal' ? c.method : c.type) || null,
      kind: layout.kind === 'normal' ? 'native' : 'internal'
    }
    out.push(rec(KIND.transfer, loc, t))
    return
  }

  // Token layouts.
  let contract: string
  let symbol: string | null = cell(row, c.tokenSymbol) || null
  let name: string | null = cell(row, c.tokenName) || null
  if (layout.kind === 'token-page') {
    if (!st.opts.token) throw new ParseError('a token-page export names no token contract: give --option token=<contract address>', loc)
    contract = addressAt(String(st.opts.token), network, loc, 'token option')
  } else if (c.contract >= 0) {
    contract = addressAt(contractText, network, at(st, row, c.contract), 'ContractAddress')
  } else {
    // 2025 token export: only "Name (SYMBOL)" — an identity by name, which the asset id says plainly.
    const tok = cell(row, c.token)
    if (!tok) throw new ParseError('Token is empty', at(st, row, c.token))
    contract = `name:${tok}`
    const m = /^(.*) \(([^()]*)\)$/.exec(tok)
    name = m ? m[1] : tok
    symbol = m ? m[2] : null
  }
  if (!contract.startsWith('name:')) out.push(rec(KIND.account, loc, { network, address: contract, isContract: true, how: 'token contract of a token transfer' }))
  if (!st.assetsSeen.has(contract)) {
    st.assetsSeen.add(contract)
    const d = st.decimals.get(contract)
    const a: AssetRec = { network, contract, symbol, name, decimals: layout.kind === 'nft' ? 0 : (d ?? null), decimalsSource: layout.kind === 'nft' ? 'file' : d !== undefined ? 'option' : null }
    out.push(rec(KIND.asset, loc, a))
  }
  const status = c.status >= 0 ? statusOf(row, st) : 'ok'
  if (layout.kind === 'nft') {
    const tokenId = cell(row, c.tokenId)
    if (!/^[0-9]+$/.test(tokenId)) throw new ParseError(`Token ID ${JSON.stringify(tokenId.slice(0, 80))} is not a whole number`, at(st, row, c.tokenId))
    const q = c.quantity >= 0 ? cell(row, c.quantity) : '1'
    const qty = decimalAt(q || '1', at(st, row, c.quantity), 'Quantity', { thousands: true, nonNegative: true }).value
    if (qty.includes('.')) throw new ParseError(`Quantity ${q} is not a whole number of NFTs`, at(st, row, c.quantity))
    out.push(rec(KIND.transfer, loc, { network, txid, block, time, from, to, lossy: false, idx: `pos:${st.posInTx}`, asset: contract, amount: qty, amountText: null, fee: null, status, method: cell(row, c.type) || null, kind: 'nft', tokenId }))
    return
  }
  const vi = c.value >= 0 ? c.value : c.quantity
  const parsed = decimalAt(cell(row, vi), at(st, row, vi), 'token value', { thousands: true, nonNegative: true, exponent: true, unit: true })
  const d = st.decimals.get(contract)
  out.push(rec(KIND.transfer, loc, {
    network,
    txid,
    block,
    time,
    from,
    tokenId: null,
    to,
    idx: `pos:${st.posInTx}`,
    asset: contract,
    amount: d !== undefined ? unitsAt(parsed.value, d, at(st, row, vi), 'token value') : null,
    amountText: parsed.value,
    lossy: parsed.lossy,
    fee: null,
    status,
    method: cell(row, c.method) || null,
    kind: 'token'
  }))
}

/** Value of a native/internal row in wei: Value_IN or Value_OUT (the other is 0), or the 2025 Amount. */
function nativeAmount(row: CsvRow, st: FileState): string {
  const { c } = st
  if (c.vin >= 0) {
    const vin = nativeValue(row, st, c.vin, 'Value_IN')
    const vout = nativeValue(row, st, c.vout, 'Value_OUT')
    if (vin !== '0' && vout !== '0' && vin !== vout) throw new ParseError(`both Value_IN (${cell(row, c.vin)}) and Value_OUT (${cell(row, c.vout)}) are set and differ`, at(st, row, c.vout))
    return vin !== '0' ? vin : vout
  }
  return nativeValue(row, st, c.value, 'Amount')
}

/** One native value cell in wei; a unit suffix must be the file's native coin. */
function nativeValue(row: CsvRow, st: FileState, i: number, what: string): string {
  const text = cell(row, i)
  const plain = plainUnits(text, 18)
  if (plain !== undefined) return plain
  const sym = st.symbol
  const p = decimalAt(text, at(st, row, i), what, NATIVE_VALUE)
  if (p.unit && p.unit.toUpperCase() !== sym && !(sym === 'POL' && p.unit.toUpperCase() === 'MATIC')) {
    throw new ParseError(`${what} is in ${p.unit} but this file is ${st.network} (${sym}); give the right --chain`, at(st, row, i))
  }
  return unitsAt(p.value, 18, at(st, row, i), what)
}

/** ok / failed from the layout's status columns (FORMATS §1.1–1.4). */
function statusOf(row: CsvRow, st: FileState): 'ok' | 'failed' {
  const { c, layout } = st
  const s = cell(row, c.status)
  const err = cell(row, c.err)
  if (layout.id.startsWith('redesign')) {
    if (/^success$/i.test(s) || s === '') return 'ok'
    if (/fail|error|revert/i.test(s)) return 'failed'
    throw new ParseError(`Status ${JSON.stringify(s.slice(0, 40))} is neither Success nor a failure`, at(st, row, c.status))
  }
  if (layout.kind === 'internal') return (s === '' || s === '0') && err === '' ? 'ok' : 'failed'
  return s === '' && err === '' ? 'ok' : 'failed'
}
