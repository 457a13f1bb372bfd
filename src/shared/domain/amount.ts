/**
 * Exact amounts. Base units (satoshi, wei, sun, token units) travel as decimal integer strings and are
 * computed with bigint; whole-coin decimal text is converted by string arithmetic, never through a JS number.
 */

/** A non-negative or negative integer written in base 10 without sign padding, e.g. "-120" or "0". */
export type BaseUnits = string

const INTEGER = /^-?(0|[1-9][0-9]*)$/
const DECIMAL = /^(-)?([0-9]+)(?:\.([0-9]+))?$/

/** True when `s` is a canonical base-10 integer. */
export function isBaseUnits(s: string): boolean {
  return INTEGER.test(s) && s !== '-0'
}

/** Parse canonical base-unit text to bigint; throws on anything else (floats, exponents, separators). */
export function toBigInt(s: string): bigint {
  if (!isBaseUnits(s)) throw new RangeError(`not an integer amount: ${JSON.stringify(s)}`)
  return BigInt(s)
}

/** Format a bigint as canonical base-unit text. */
export function fromBigInt(v: bigint): BaseUnits {
  return v.toString(10)
}

/**
 * Convert whole-coin decimal text ("1.5", "0.000000000000000001") to base units given the asset's decimals.
 * Rejects more fractional digits than `decimals` unless they are zeros: precision is never dropped silently.
 */
export function decimalToBaseUnits(text: string, decimals: number): bigint {
  const m = DECIMAL.exec(text)
  if (!m) throw new RangeError(`not a decimal amount: ${JSON.stringify(text)}`)
  const [, neg, whole, frac = ''] = m
  const trimmed = frac.replace(/0+$/, '')
  if (trimmed.length > decimals) {
    throw new RangeError(`${text} has ${trimmed.length} decimals, more than the asset's ${decimals}`)
  }
  const v = BigInt(whole + trimmed.padEnd(decimals, '0'))
  return neg ? -v : v
}

/**
 * decimalToBaseUnits(text, decimals).toString() by string operations only (no BigInt parse and print: the hot
 * path of million-row imports). Same validation and errors; a test compares the two.
 */
export function decimalToBaseUnitsText(text: string, decimals: number): string {
  const m = DECIMAL.exec(text)
  if (!m) throw new RangeError(`not a decimal amount: ${JSON.stringify(text)}`)
  const [, neg, whole, frac = ''] = m
  let end = frac.length
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--
  if (end > decimals) throw new RangeError(`${text} has ${end} decimals, more than the asset's ${decimals}`)
  const digits = whole + frac.slice(0, end).padEnd(decimals, '0')
  let start = 0
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++
  const v = digits.slice(start)
  return neg && v !== '0' ? '-' + v : v
}

/** Render base units as whole-coin decimal text with `decimals` places, trailing zeros trimmed. */
export function formatUnits(units: bigint | string, decimals: number, opts: { minFraction?: number } = {}): string {
  const v = typeof units === 'bigint' ? units : toBigInt(units)
  const neg = v < 0n
  const digits = (neg ? -v : v).toString().padStart(decimals + 1, '0')
  const whole = digits.slice(0, digits.length - decimals)
  let frac = decimals > 0 ? digits.slice(digits.length - decimals) : ''
  frac = frac.replace(/0+$/, '')
  const min = opts.minFraction ?? 0
  if (frac.length < min) frac = frac.padEnd(Math.min(min, decimals), '0')
  return (neg ? '-' : '') + whole + (frac ? '.' + frac : '')
}

/** Group the integer part with thin separators for display: 12345678.5 → "12,345,678.5". */
export function groupThousands(decimalText: string): string {
  const [whole, frac] = decimalText.split('.')
  const sign = whole.startsWith('-') ? '-' : ''
  const digits = sign ? whole.slice(1) : whole
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return sign + grouped + (frac !== undefined ? '.' + frac : '')
}

/** A decimal number read from export text, normalised: sign, digits, optional fraction; nothing else. */
export interface ParsedDecimal {
  /** Canonical decimal text, e.g. "-3067.671" (no separators, symbols or units). */
  value: string
  /** True when the source wrote an exponent float (1.0E-6): precision was already lost where it was made. */
  lossy: boolean
  /** Unit suffix as written ("ETH" in "0.0001 ETH"), when allowed and present. */
  unit?: string
  /** Currency sign as written ("$", "€"), when allowed and present. */
  currency?: string
}

/** What a cell may carry around its number. Everything not allowed is an error. */
export interface DecimalTextOptions {
  /** "3,067.671": commas between groups of exactly three digits. */
  thousands?: boolean
  /** "$709.50", "-$1.81", "€3343.11". */
  currency?: boolean
  /** "0.0001 ETH": a trailing unit word. */
  unit?: boolean
  /** "1.64340796e+19": accepted, expanded exactly, and flagged lossy. */
  exponent?: boolean
  /** Refuse a leading minus. */
  nonNegative?: boolean
}

const CURRENCY = /^([-+]?)([$€£¥₩₹])(.*)$/u
const GROUPED = /^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$/
const EXPONENT = /^([-+]?)([0-9]+)(?:\.([0-9]*))?[eE]([-+]?[0-9]{1,4})$/

/**
 * Read a number from a CSV cell by string arithmetic only (FORMATS general rules 1–2): thousands separators,
 * currency signs, unit suffixes and exponent floats are handled only when allowed. Throws RangeError naming what
 * is wrong ("1.000,5" is refused as ambiguous, never guessed).
 */
export function parseDecimalText(text: string, o: DecimalTextOptions = {}): ParsedDecimal {
  // Plain digits (the common cell) need none of the steps below: same result, a tenth of the work.
  if (PLAIN_DECIMAL.test(text)) return { value: canonicalDecimal(text), lossy: false }
  let s = text.trim()
  const out: Omit<ParsedDecimal, 'value'> = { lossy: false }
  if (!s) throw new RangeError('empty amount')
  if (o.unit) {
    const m = /^(\S+)\s+([A-Za-z][A-Za-z0-9.]{0,15})$/.exec(s)
    if (m) {
      s = m[1]
      out.unit = m[2]
    }
  }
  if (o.currency) {
    const m = CURRENCY.exec(s)
    if (m) {
      s = m[1] + m[3]
      out.currency = m[2]
    }
  }
  let sign = ''
  if (s[0] === '-' || s[0] === '+') {
    sign = s[0] === '-' ? '-' : ''
    s = s.slice(1)
  }
  if (s.includes(',')) {
    if (!o.thousands) throw new RangeError(`${JSON.stringify(text)}: a comma in an amount (thousands separators are not expected here)`)
    if (!GROUPED.test(s)) throw new RangeError(`${JSON.stringify(text)}: commas are not thousands separators in groups of three (decimal comma formats like "1.000,5" are refused)`)
    s = s.replace(/,/g, '')
  }
  const e = EXPONENT.exec(s)
  if (e) {
    if (!o.exponent) throw new RangeError(`${JSON.stringify(text)}: exponent notation loses precision and is not accepted here`)
    s = expandExponent(e[2], e[3] ?? '', Number(e[4]))
    out.lossy = true
  }
  if (!/^[0-9]+(\.[0-9]+)?$/.test(s)) throw new RangeError(`${JSON.stringify(text)} is not a decimal number`)
  s = canonicalDecimal(s)
  if (sign === '-' && !/^0(\.0+)?$/.test(s)) {
    if (o.nonNegative) throw new RangeError(`${JSON.stringify(text)}: a negative amount where the format has none`)
    s = '-' + s
  }
  return { value: s, ...out }
}

function expandExponent(whole: string, frac: string, exp: number): string {
  const digits = whole + frac
  const point = whole.length + exp
  if (point <= 0) return '0.' + '0'.repeat(-point) + digits
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length)
  return digits.slice(0, point) + '.' + digits.slice(point)
}

const PLAIN_DECIMAL = /^[0-9]+(\.[0-9]+)?$/

function canonicalDecimal(s: string): string {
  let [w, f = ''] = s.split('.')
  w = w.replace(/^0+(?=[0-9])/, '')
  f = f.replace(/0+$/, '')
  return f ? `${w}.${f}` : w
}

/** Sum of base-unit strings as bigint (never through a JS number). */
export function sumUnits(values: Iterable<string | bigint>): bigint {
  let t = 0n
  for (const v of values) t += typeof v === 'bigint' ? v : toBigInt(v)
  return t
}

/** Most digits a sort key's amount may have: 2^256 has 78 digits, so any EVM uint256 fits. */
export const SORT_KEY_DIGITS = 78

/**
 * Key that sorts like the number (non-negative amounts only): the digit count as two digits, then the digits
 * ("0" → "010", 1 ETH in wei → "191000000000000000000"). Text order, and so SQLite's ORDER BY and MAX/MIN, match
 * numeric order for wei-sized values that exceed 64 bits; ~22 bytes a row instead of a 78-digit zero pad.
 */
export function unitsSortKey(v: bigint | string): string {
  const b = typeof v === 'bigint' ? v : toBigInt(v)
  if (b < 0n) throw new RangeError('sort keys are for non-negative amounts')
  return sortKeyOfDigits(b.toString(10))
}

/** unitsSortKey of canonical base-unit digits (no sign, no leading zeros), without a BigInt round trip. */
export function sortKeyOfDigits(digits: string): string {
  if (digits.length > SORT_KEY_DIGITS) throw new RangeError(`amount has more than ${SORT_KEY_DIGITS} digits`)
  return (digits.length < 10 ? '0' : '') + digits.length + digits
}
