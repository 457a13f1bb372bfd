import { describe, expect, it } from 'vitest'
import { txidAt, txidOf } from '../../../../../src/core/chains/bitcoin/utxo/records'

/** What txidOf accepted when it was two regular expressions: 64 hex digits, returned lower-case. */
function reference(t: string): string | null {
  return /^[0-9a-f]{64}$/.test(t) ? t : /^[0-9a-fA-F]{64}$/.test(t) ? t.toLowerCase() : null
}

function actual(t: string): string | null {
  try {
    const a = txidOf(t, {})
    expect(txidAt(t, {}, '/x')).toBe(a)
    return a
  } catch {
    return null
  }
}

describe('txid check (records.ts hex64)', () => {
  it('accepts exactly 64 hex digits, with any character code at any place, and lower-cases them', () => {
    const base = '0123456789abcdef'.repeat(4)
    for (const at of [0, 31, 63]) {
      for (let c = 0; c < 65536; c++) {
        const t = base.slice(0, at) + String.fromCharCode(c) + base.slice(at + 1)
        if (actual(t) !== reference(t)) expect({ at, c, got: actual(t) }).toEqual({ at, c, got: reference(t) })
      }
    }
    for (const t of ['', base.slice(1), base + '0', base.toUpperCase(), 'A'.repeat(64), 'G'.repeat(64), base.slice(0, 63) + '😀', base.slice(0, 62) + '😀']) expect(actual(t)).toBe(reference(t))
  })

  it('names the bad value', () => {
    expect(() => txidOf('zz', { line: 3 })).toThrow('txid must be 64 hex digits, found "zz"')
  })
})
