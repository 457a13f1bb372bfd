import { describe, expect, it } from 'vitest'
import { formToMapping, initialForm } from '../../../../src/renderer/src/features/imports/mapping-form'

describe('mapping form', () => {
  const header = ['Hash', 'When (UTC)', 'Sender', 'Receiver', 'Qty', 'Coin', 'Network', 'Note']
  it('suggests columns whose names say what they hold, and builds a schema-valid mapping', () => {
    const f = initialForm(header, null, ';')
    expect(f.columns).toMatchObject({ txid: 'Hash', time: 'When (UTC)', from: 'Sender', to: 'Receiver', amount: 'Qty', asset: 'Coin', chain: 'Network', fee: '' })
    const r = formToMapping(f)
    expect(r.ok && r.mapping).toMatchObject({ delimiter: ';', columns: { txid: 'Hash', chain: 'Network' } })
  })
  it('says what is missing instead of building an invalid mapping', () => {
    const f = initialForm(['a', 'b'], null, ',')
    expect(formToMapping(f)).toEqual({ ok: false, problem: 'choose the column for Transaction id' })
    const g = { ...initialForm(header, null, ','), columns: { ...initialForm(header, null, ',').columns, chain: '' } }
    expect(formToMapping(g)).toEqual({ ok: false, problem: 'choose a Chain column or a fixed chain' })
    expect(formToMapping({ ...g, chain: 'eth', decimals: 'x' })).toEqual({ ok: false, problem: 'decimals must be a whole number 0–77' })
  })
  it('fills the form from a saved mapping', () => {
    const saved = formToMapping({ ...initialForm(header, null, ';'), name: 'bank', decimals: '6', thousands: true })
    if (!saved.ok) throw new Error(saved.problem)
    const f = initialForm(header, saved.mapping, ',')
    expect(f).toMatchObject({ name: 'bank', delimiter: ';', decimals: '6', thousands: true })
  })
})
