import { describe, expect, it } from 'vitest'
import { decimalAt, plainUnits, unitsAt } from '../../../../../src/core/importers/accounts/fields'

/** What the full path (decimalAt, then unitsAt) gives for a cell: base units or the error message. */
function full(text: string, decimals: number): string {
  try {
    return unitsAt(decimalAt(text, {}, 'v', { nonNegative: true, unit: true }).value, decimals, {}, 'v')
  } catch (e) {
    return 'error: ' + (e as Error).message
  }
}

describe('plainUnits (fast path for plain decimal cells)', () => {
  it('gives exactly what the full path gives, or leaves the cell to it', () => {
    const cells = ['0', '00', '0.0', '1', '01.50', '0.25', '12', '1.000000000000000001', '0.000000000000000001', '0.0000000000000000001', '0.00000000000000000010',
      '100', '1.5', '1.', '.5', '', '-1', '+1', '1,000', '1e5', '1.0 ETH', ' 1', '1..2', '1.2.3', '٣', '115792089237316195423570985008687907853269984665640564039457.584007913129639935']
    let n = 0
    let seed = 7
    const rnd = (k: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % k
    for (let i = 0; i < 3000; i++) {
      const w = Array.from({ length: rnd(6) }, () => '0123456789'[rnd(10)]).join('')
      const f = Array.from({ length: rnd(22) }, () => '00123456789'[rnd(11)]).join('')
      cells.push(rnd(4) ? `${w || '0'}.${f}` : w)
    }
    for (const c of cells) {
      for (const d of [0, 6, 18]) {
        const fast = plainUnits(c, d)
        if (fast === undefined) continue
        n++
        expect(fast, `${JSON.stringify(c)} @${d}`).toBe(full(c, d))
      }
    }
    expect(n).toBeGreaterThan(3000)
    // Left to the full path: its errors name what is wrong.
    for (const c of ['1.0 ETH', '-1', '1,000', '1e5', '1.', '.5', '', '0.0000000000000000001']) expect(plainUnits(c, 18)).toBeUndefined()
  })
})
