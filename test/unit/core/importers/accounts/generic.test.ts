import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { newCaseWithCore, stagePath } from '../../../../helpers/cases'
import { LOCAL_FIXTURES } from '../../../../helpers/fixtures'
import { caseDigest, importError, importFiles } from './helpers'

const local = (f: string) => join(LOCAL_FIXTURES, 'acct', f)

describe('generic CSV/XLSX by mapping', () => {
  it('reads a semicolon CSV through a mapping file, saves the mapping by header signature and offers it again', async () => {
    const { core, caseId } = newCaseWithCore()
    const sample = await core.invoke('mappings.sample', { caseId, ...stagePath(core, local('generic-custom.csv')), delimiter: ';' })
    expect(sample.header).toEqual(['Hash', 'When (UTC)', 'Sender', 'Receiver', 'Qty', 'Coin', 'Network', 'Note'])
    expect(sample.rows).toHaveLength(2)
    expect(sample.saved).toBeNull()
    const r = await importFiles(core, caseId, [local('generic-custom.csv')], { mappingFile: local('generic-mapping.json') })
    expect(r.results[0].format).toBe('generic-mapped')
    expect(r.results[0].counts).toMatchObject({ 'mapping.saved': 1, 'transfers.token.new': 1, 'transfers.native.new': 1 })
    const again = await core.invoke('mappings.sample', { caseId, ...stagePath(core, local('generic-custom.csv')), delimiter: ';' })
    expect(again.saved).toMatchObject({ name: 'bank CSV v1', columns: { txid: 'Hash', amount: 'Qty' } })
    const d = await core.invoke('explore.address', { caseId, address: '0xb8553d9ee35dd23bb96fbd679e651b929821969b' })
    const by = new Map(d.assets.map((a) => [a.asset, a]))
    expect(by.get('native')).toMatchObject({ sent: '1234500000000000000000' }) // "1,234.5" ETH
    expect(by.get('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48')).toMatchObject({ received: '49673249' }) // 49.673249 at 6 decimals
    expect((await core.invoke('mappings.list', { caseId }))[0].name).toBe('bank CSV v1')
  })

  it('the mapped USDC row and the Etherscan API row of the same transfer are one transfer', async () => {
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, [local('generic-custom.csv')], { mappingFile: local('generic-mapping.json') })
    const r = await importFiles(core, caseId, [local('erc20-0xb8553d9e-from-api.csv')])
    expect(r.results[0].counts, JSON.stringify(r.results[0])).toMatchObject({ 'transfers.token.existing': 1 })
  })

  it('reads an XLSX sheet with a mapping object (as the dialog sends it); a numeric cell is read exactly', async () => {
    const { core, caseId } = newCaseWithCore()
    const mapping = { name: 'sheet', columns: { txid: 'txid', from: 'from', to: 'to', amount: 'value', time: 'time' }, chain: 'eth', asset: 'native' }
    const sample = await core.invoke('mappings.sample', { caseId, ...stagePath(core, local('generic-sheet.xlsx')) })
    expect(sample.kind).toBe('xlsx')
    expect(sample.rows[0][3]).toBe('0.25')
    const r = await importFiles(core, caseId, [local('generic-sheet.xlsx')], { mapping })
    expect(r.results[0].counts['transfers.native.new']).toBe(1)
    const d = await core.invoke('explore.address', { caseId, address: '0x99c9fc46f92e8a1c0dec1b1747d010903e884be1' })
    expect(d.assets[0]).toMatchObject({ received: '250000000000000000' })
  })

  it('refuses a mapping naming a missing column, an invalid mapping, and a hostile column name is only data', async () => {
    const { core, caseId } = newCaseWithCore()
    const before = caseDigest(core, caseId)
    const e1 = await importError(core, caseId, [local('generic-custom.csv')], { mapping: { columns: { txid: 'Hash', from: 'Sender', to: 'Receiver', amount: 'a"; DROP TABLE acct_transfers;--' }, delimiter: ';', chain: 'eth' } })
    expect(e1.message).toMatch(/amount column "a"; DROP TABLE acct_transfers;--" is not in this file.s header/)
    expect(e1.line).toBe(1)
    const e2 = await importError(core, caseId, [local('generic-custom.csv')], { mapping: { columns: { txid: 'Hash' } } })
    expect(e2.message).toMatch(/invalid mapping: columns/)
    expect(caseDigest(core, caseId)).toBe(before)
  })
})
