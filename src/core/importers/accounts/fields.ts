import { decimalToBaseUnitsText, parseDecimalText, type DecimalTextOptions, type ParsedDecimal } from '../../../shared/domain/amount'
import { NETWORKS, network as networkInfo, networkByChainId } from '../../../shared/domain/networks'
import { normalizeAddress } from '../../chains/address'
import { ParseError, type ImportOptions, type SourceLocation } from '../types'
import { parseUtcDateTime, parseUnixSeconds } from '../common/time'

const LOWER_HEX40 = /^0x[0-9a-f]{40}$/

/**
 * Canonical address from a cell, or a ParseError at that cell. All-lower EVM text is already canonical (fast path
 * for million-row files); anything else goes through the strict codec (EIP-55 checked, non-ASCII refused).
 */
export function addressAt(text: string, network: string, loc: SourceLocation, what = 'address'): string {
  if (LOWER_HEX40.test(text) && NETWORKS.get(network)?.family === 'evm') return text
  try {
    return normalizeAddress(text, network).canonical
  } catch (e) {
    throw new ParseError(`${what}: ${(e as Error).message}`, loc)
  }
}

/** A decimal cell read exactly, or a ParseError at that cell. */
export function decimalAt(text: string, loc: SourceLocation, what: string, o: DecimalTextOptions): ParsedDecimal {
  try {
    return parseDecimalText(text, o)
  } catch (e) {
    throw new ParseError(`${what}: ${(e as Error).message}`, loc)
  }
}

/** Whole-coin text to base units, or a ParseError (e.g. more decimals than the asset has). */
export function unitsAt(decimal: string, decimals: number, loc: SourceLocation, what: string): string {
  try {
    return decimalToBaseUnitsText(decimal, decimals)
  } catch (e) {
    throw new ParseError(`${what}: ${(e as Error).message}`, loc)
  }
}

/**
 * Base units of a plain decimal cell ("0.25", "12", "0.000000000000000001"): what decimalAt then unitsAt give for
 * such a cell, by one pass over its characters (the hot path of million-row files). Undefined for anything else
 * (signs, separators, units, exponents, more decimals than the asset has): the caller then takes the full path,
 * which accepts it or names the error. A test compares the two.
 */
export function plainUnits(text: string, decimals: number): string | undefined {
  const n = text.length
  if (n === 0 || n > 96) return undefined
  let dot = -1
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 46) {
      if (dot >= 0 || i === 0 || i === n - 1) return undefined
      dot = i
    } else if (c < 48 || c > 57) return undefined
  }
  let digits: string
  if (dot < 0) digits = decimals ? text + '0'.repeat(decimals) : text
  else {
    let end = n
    while (end > dot + 1 && text.charCodeAt(end - 1) === 48) end--
    const places = end - dot - 1
    if (places > decimals) return undefined
    digits = text.slice(0, dot) + text.slice(dot + 1, end) + (places < decimals ? '0'.repeat(decimals - places) : '')
  }
  let s = 0
  while (s < digits.length - 1 && digits.charCodeAt(s) === 48) s++
  return s ? digits.slice(s) : digits
}

/** A base-unit integer cell ("20000000000000000"), non-negative. */
export function integerAt(text: string, loc: SourceLocation, what: string): string {
  if (!/^(0|[1-9][0-9]*)$/.test(text)) {
    throw new ParseError(`${what}: ${JSON.stringify(text.slice(0, 40))} is not a non-negative integer${text.startsWith('-') ? ' (a negative amount)' : ''}`, loc)
  }
  return text
}

/** Unix seconds from a timestamp cell or, failing that, from a UTC date-time cell. */
export function timeAt(unix: string | undefined, dateText: string | undefined, loc: SourceLocation, locDate: SourceLocation, o: { ms?: boolean } = {}): number | null {
  let fromDate: number | undefined
  if (dateText !== undefined && dateText !== '') {
    try {
      fromDate = parseUtcDateTime(dateText)
    } catch (e) {
      throw new ParseError(`date: ${(e as Error).message}`, locDate)
    }
  }
  if (unix !== undefined && unix !== '') {
    try {
      return parseUnixSeconds(unix, o)
    } catch (e) {
      throw new ParseError(`timestamp: ${(e as Error).message}`, loc)
    }
  }
  return fromDate ?? null
}

/** A block number cell. */
export function blockAt(text: string | undefined, loc: SourceLocation): number | null {
  if (text === undefined || text === '') return null
  if (!/^[0-9]{1,12}$/.test(text)) throw new ParseError(`block: ${JSON.stringify(text.slice(0, 40))} is not a block number`, loc)
  return Number(text)
}

/** Networks whose native symbol is this one (ETH is shared by Ethereum and its L2s). */
export function networksForSymbol(symbol: string): string[] {
  const s = symbol.toUpperCase() === 'MATIC' ? 'POL' : symbol.toUpperCase()
  return [...NETWORKS.values()].filter((n) => n.kind === 'account' && n.symbol.toUpperCase() === s).map((n) => n.id)
}

/**
 * The network of an account-chain file: `options.chain` (an id such as "arbitrum" or an EIP-155 chain id) when
 * given and consistent with the file; else the one network the file's native symbol names; else, when the
 * symbol is shared (ETH), Ethereum mainnet with a warning saying so. Never guessed from the file name.
 */
export function chooseNetwork(opts: ImportOptions, symbol: string | undefined, warn: (m: string) => void, loc: SourceLocation = { line: 1 }): string {
  const given = optionChain(opts)
  const candidates = symbol ? networksForSymbol(symbol) : []
  if (given) {
    if (symbol && !candidates.includes(given)) {
      throw new ParseError(`--chain ${given} does not fit this file: its native asset is ${symbol} (${candidates.length ? `networks: ${candidates.join(', ')}` : 'no known network'})`, loc)
    }
    return given
  }
  if (symbol && candidates.length === 0) throw new ParseError(`native asset ${symbol} belongs to no known network; give --chain (known: ${[...NETWORKS.keys()].join(', ')})`, loc)
  if (candidates.length === 1) return candidates[0]
  const options = candidates.length ? candidates : [...NETWORKS.values()].filter((n) => n.family === 'evm').map((n) => n.id)
  warn(`network not stated by the file${symbol ? ` (native asset ${symbol} is used by ${options.join(', ')})` : ''}: assumed eth (Ethereum mainnet); re-import with --chain if it is another chain`)
  return 'eth'
}

/** `options.chain` as a known account network id, accepting EIP-155 chain ids. */
export function optionChain(opts: ImportOptions): string | undefined {
  const c = opts.chain
  if (c === undefined || c === null || c === '') return undefined
  const text = String(c).toLowerCase()
  const byId = /^[0-9]+$/.test(text) ? networkByChainId(Number(text))?.id : undefined
  const id = byId ?? text
  const n = NETWORKS.get(id)
  if (!n || n.kind !== 'account') throw new ParseError(`--chain ${String(c)} is not a known account network (known: ${[...NETWORKS.values()].filter((x) => x.kind === 'account').map((x) => x.id).join(', ')})`)
  return n.id
}

/** The exported address (`options.address`, `--address`) in canonical form, or undefined. */
export function optionAddress(opts: ImportOptions, network: string): string | undefined {
  const a = opts.address
  if (a === undefined || a === null || a === '') return undefined
  try {
    return normalizeAddress(String(a), network).canonical
  } catch (e) {
    throw new ParseError(`--address: ${(e as Error).message}`)
  }
}

/** Native asset decimals of a network. */
export function nativeDecimals(network: string): number {
  return networkInfo(network).decimals
}

/**
 * Token decimals given by the analyst: `--option decimals=0xabc…:6,0xdef…:18` (or a JSON object in the UI).
 * Keys are canonical contract addresses.
 */
export function optionDecimals(opts: ImportOptions, network: string): Map<string, number> {
  const out = new Map<string, number>()
  const d = opts.decimals
  if (d === undefined || d === null || d === '') return out
  const pairs: [string, unknown][] = typeof d === 'string' ? d.split(',').map((p) => p.split(':') as [string, string]) : Object.entries(d as Record<string, unknown>)
  for (const [k, v] of pairs) {
    const n = Number(v)
    if (!Number.isInteger(n) || n < 0 || n > 77) throw new ParseError(`--option decimals: ${JSON.stringify(v)} for ${k} is not a whole number of decimals`)
    out.set(addressAt(String(k).trim(), network, {}, 'decimals option'), n)
  }
  return out
}
