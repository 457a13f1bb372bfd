import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addressCmd, exchangeCmd, txCmd } from '../../../../src/cli/commands/explore'
import { importCmd } from '../../../../src/cli/commands/import'
import { createCase } from '../../../../src/core/case/case-folder'
import { newCaseWithCore } from '../../../helpers/cases'
import { LOCAL_FIXTURES, sharedFixturesMissing } from '../../../helpers/fixtures'
import { tmpDir } from '../../../helpers/tmp'
import { importFiles, sample } from '../importers/accounts/helpers'

// Real Etherscan export of 0x46cf7ddb…: its first row is 2 ETH received in 0xc849dff1… (block 7086166).
const ETHERSCAN = 'etherscan-csv/etherscan_export-0x46cf7ddb_normal-txs.csv'
const ADDR = '0x46cf7ddb8bc751f666f691a4f96aa45e88d55d11'
const TX = '0xc849dff13fa7592514e5134952fcb3272884d938b6ca983d9613f290aad2f8b0'
const OTHER_TX = '0x' + 'ab'.repeat(32)

/** A Binance deposit history as a subpoena return gives it (see test/fixtures/acct/README.md). */
const statement = () => join(LOCAL_FIXTURES, 'acct', 'binance-deposits-0x46cf.csv')

describe.skipIf(!!sharedFixturesMissing)('exchange statement lines linked to on-chain data', () => {
  it('an address view lists the lines naming the address or one of its txids; a tx view those naming the txid', async () => {
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, [sample(ETHERSCAN)])
    await importFiles(core, caseId, [statement()], { account: 'subpoena-7' })

    const a = await core.invoke('explore.address', { caseId, address: ADDR })
    // Both deposits name the address (one in upper-case hex: hex addresses compare case-insensitively); the first
    // also names a tx of the address. The BTC withdrawal is not linked.
    expect(a.exchange?.map((l) => [l.time, l.amount, l.asset, l.linkedBy, l.source.locator])).toEqual([
      [Date.UTC(2019, 1, 1, 10) / 1000, '0.5', 'ETH', 'address', 'line 3'],
      [Date.UTC(2019, 0, 18, 8, 21) / 1000, '2', 'ETH', 'address', 'line 2']
    ])
    expect(a.exchange?.[0].source.file).toBe('binance-deposits-0x46cf.csv')

    const t = await core.invoke('explore.tx', { caseId, txid: TX })
    expect(t.exchange?.map((l) => [l.account, l.type, l.amount, l.linkedBy, l.txid])).toEqual([['subpoena-7', 'Deposit', '2', 'txid', TX]])

    const all = await core.invoke('explore.exchange', { caseId })
    expect(all.total).toBe(3)
    expect((await core.invoke('explore.exchange', { caseId, filter: 'BTC' })).rows.map((r) => r.address)).toEqual(['1BoatSLRHtKNngkdXEeobR76b53LETtpyT'])
    // base58 is case-sensitive: a lower-cased Bitcoin address is a different address.
    expect((await core.invoke('explore.exchange', { caseId, address: '1boatslrhtknngkdxeeobr76b53lettpyt' })).total).toBe(0)
    expect((await core.invoke('explore.exchange', { caseId, address: '1BoatSLRHtKNngkdXEeobR76b53LETtpyT' })).total).toBe(1)
    // An address only the statement names (no chain data imported for it) still answers, with the link and no totals.
    const only = await core.invoke('explore.address', { caseId, address: '1BoatSLRHtKNngkdXEeobR76b53LETtpyT' })
    expect(only).toMatchObject({ network: 'btc', display: '1BoatSLRHtKNngkdXEeobR76b53LETtpyT', txCount: 0, assets: [], transactions: [] })
    expect(only.exchange?.map((l) => [l.type, l.amount, l.asset, l.source.locator])).toEqual([['Deposit', '0.1', 'BTC', 'line 4']])
    await expect(core.invoke('explore.address', { caseId, address: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa' })).rejects.toThrow(/does not appear in this case/)
    // LIKE wildcards in the filter are text, not patterns.
    expect((await core.invoke('explore.exchange', { caseId, filter: '%' })).total).toBe(0)
  })

  it('the CLI prints the links under `address` and `tx`, and lists lines with `exchange`', async () => {
    const dir = join(tmpDir(), 'case')
    createCase(dir, { title: 't', caseNumber: '1', examiner: 'DC' }).close()
    const g = { json: false, debug: false, examiner: 'DC' }
    const out: string[] = []
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void out.push(s) }
    await importCmd.run([dir, sample(ETHERSCAN)], {}, g, io)
    await importCmd.run([dir, statement()], { option: ['account=subpoena-7'] }, g, io)
    out.length = 0
    await addressCmd.run([dir, ADDR], {}, g, io)
    expect(out.join('\n')).toMatch(/Exchange statement lines naming this address or its transactions \(2\)/)
    expect(out.join('\n')).toMatch(/2019-01-18 08:21:00 UTC +binance +\S+ +Deposit +2 ETH +0xc849dff1/)
    out.length = 0
    await addressCmd.run([dir, '1BoatSLRHtKNngkdXEeobR76b53LETtpyT'], {}, g, io)
    expect(out.join('\n')).toMatch(/No chain data for this address in the case[\s\S]*Deposit +0\.1 BTC/)
    out.length = 0
    await txCmd.run([dir, TX], {}, g, io)
    expect(out.join('\n')).toMatch(/Exchange statement lines naming this transaction \(1\)[\s\S]*binance-deposits-0x46cf\.csv line 2/)
    out.length = 0
    await exchangeCmd.run([dir], { txid: OTHER_TX }, { ...g, json: true }, io)
    expect(JSON.parse(out.join('\n'))).toMatchObject({ total: 1, rows: [{ amount: '0.5', linkedBy: 'txid' }] })
  })
})
