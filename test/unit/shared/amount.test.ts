import { describe, expect, it } from 'vitest'
import { decimalToBaseUnits, decimalToBaseUnitsText, parseDecimalText, sumUnits, unitsSortKey } from '../../../src/shared/domain/amount'

describe('parseDecimalText', () => {
  it('reads thousands separators, currency signs and unit suffixes exactly', () => {
    expect(parseDecimalText('3,067.671', { thousands: true }).value).toBe('3067.671')
    expect(parseDecimalText('82,542,769,229.90364658', { thousands: true }).value).toBe('82542769229.90364658')
    expect(parseDecimalText('$709.50', { currency: true })).toEqual({ value: '709.5', lossy: false, currency: '$' })
    expect(parseDecimalText('-$1.81992152988', { currency: true }).value).toBe('-1.81992152988')
    expect(parseDecimalText('€3343.11', { currency: true }).value).toBe('3343.11')
    expect(parseDecimalText('0.0001 ETH', { unit: true })).toEqual({ value: '0.0001', lossy: false, unit: 'ETH' })
    expect(parseDecimalText('0 ETH', { unit: true }).value).toBe('0')
    expect(parseDecimalText('000.100').value).toBe('0.1')
  })
  it('expands exponent floats exactly and flags them lossy at source', () => {
    expect(parseDecimalText('1.64340796e+19', { exponent: true })).toEqual({ value: '16434079600000000000', lossy: true })
    expect(parseDecimalText('1.0E-6', { exponent: true }).value).toBe('0.000001')
    expect(() => parseDecimalText('1e5')).toThrow(/exponent/)
  })
  it('refuses everything else', () => {
    for (const bad of ['abc', '', 'NaN', 'Infinity', '1e309', '1.000,5', '1,00', '1..2', '0x10', '١٢٣', '1 2']) {
      expect(() => parseDecimalText(bad, { thousands: true }), bad).toThrow()
    }
    expect(() => parseDecimalText('-5', { nonNegative: true })).toThrow(/negative/)
    expect(() => parseDecimalText('3,067.671')).toThrow(/comma/)
  })
  it('converts to base units beyond 2^64 without floats', () => {
    const v = parseDecimalText('123,456,789,012.345678901234567890', { thousands: true }).value
    expect(decimalToBaseUnits(v, 18).toString()).toBe('123456789012345678901234567890')
  })
})

describe('sums and sort keys', () => {
  it('sums wei exactly and sort keys order like numbers', () => {
    expect(sumUnits(['18446744073709551616', '1']).toString()).toBe('18446744073709551617')
    const vals = [10n, 9n, 2n ** 200n, 0n]
    const sorted = [...vals, 2n ** 256n - 1n, 10n ** 9n, 999_999_999n].map(unitsSortKey).sort()
    expect(sorted.map((k) => BigInt(k.slice(2)))).toEqual([0n, 9n, 10n, 999_999_999n, 10n ** 9n, 2n ** 200n, 2n ** 256n - 1n])
    expect(unitsSortKey(0n)).toBe('010')
    expect(unitsSortKey(10n ** 18n)).toBe('191000000000000000000')
    expect(() => unitsSortKey(10n ** 78n)).toThrow(/78 digits/)
  })
})

describe('decimalToBaseUnitsText', () => {
  it('gives exactly what decimalToBaseUnits prints, and the same errors', () => {
    const texts = ['0', '00', '0.0', '-0', '-0.000', '1', '007.50', '1.5', '0.000000000000000001', '123456789012345678901234567890.123456789012345678', '5.000', '-3.25', '10', '0.1000000000000000000']
    for (let i = 0; i < 500; i++) texts.push(`${(i * 7919) % 100}.${String((i * 104729) % 1e9).padStart(i % 12, '0')}`)
    for (const t of texts) {
      for (const d of [0, 2, 6, 18]) {
        let want: string | Error
        try {
          want = decimalToBaseUnits(t, d).toString()
        } catch (e) {
          want = e as Error
        }
        if (typeof want === 'string') expect(decimalToBaseUnitsText(t, d), `${t} @${d}`).toBe(want)
        else expect(() => decimalToBaseUnitsText(t, d)).toThrow(want.message)
      }
    }
    for (const bad of ['', '1.', '.5', '1e5', '+1', ' 1']) expect(() => decimalToBaseUnitsText(bad, 18)).toThrow(/not a decimal amount/)
  })
})
