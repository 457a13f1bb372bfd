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
