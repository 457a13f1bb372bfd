import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decimalToBaseUnits } from '../../../../../src/shared/domain/amount'
import { newCaseWithCore } from '../../../../helpers/cases'
import { LOCAL_FIXTURES, sharedFixturesMissing } from '../../../../helpers/fixtures'
import { caseDigest, importError, importFiles, sample } from './helpers'

/*
 * Hand computations (exact integers / Decimal, never floats; all of them in test/fixtures/acct/hand-sums.py), e.g. txlist:
 *   python3 -c 'import json; d=json.load(open(F))["result"]; A="0xb8553d9e…";
 *     print(sum(int(r["value"]) for r in d if r["to"]==A and r["isError"]=="0"),
 *           sum(int(r["value"]) for r in d if r["from"]==A and r["isError"]=="0"),
 *           sum(int(r["gasUsed"])*int(r["gasPrice"]) for r in d if r["from"]==A))'
 *   → 82577330000000000 100526442584534635 14037272462768896
 * internal: sum(value, to==A) = 32080392879690531; tokentx (USDC): in 168342124, out 159000000.
 * Tron TM1zz: TRX in 854875781 / out 21932916000 sun; USDT (decoded a9059cbb data, int(data[72:136],16)) out
 * 54049105000; TRC-10 1002000 out 7639170000000; fees (ret[0].fee where owner is TM1zz) 3474260 sun.
 * Tron TFFriedw: TRC-10 1002000 in 10189204891; TRX in 278720000; 3 staking/vote events.
 * Binance: per Coin sum(Decimal(Change)): ETH 0.43585882, IOTA 50.84, XLM 99.9, QTUM 1.998, MANA 99.9, ETF 6.0E-7.
 * Kraken: per asset sum(Decimal(amount)): DOT.S 0.02912488, XXBT -0.006629958, MANA 1000, XXDG 5.18645833.
 */
const A = '0xb8553d9ee35dd23bb96fbd679e651b929821969b'
const local = (f: string) => join(LOCAL_FIXTURES, 'acct', f)

describe.skipIf(!!sharedFixturesMissing)('Etherscan API JSON samples', () => {
  it('txlist + txlistinternal + tokentx for one address: totals equal the hand sums', async () => {
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, ['v2_account_txlist_chain1.json', 'v2_account_txlistinternal_chain1.json', 'v2_account_tokentx_chain1.json'].map((f) => sample(`etherscan-api/${f}`)), { address: A })
    const d = await core.invoke('explore.address', { caseId, address: A })
    const by = new Map(d.assets.map((a) => [a.asset, a]))
    expect(by.get('native')).toMatchObject({ received: (82577330000000000n + 32080392879690531n).toString(), sent: '100526442584534635', balance: (82577330000000000n + 32080392879690531n - 100526442584534635n - 14037272462768896n).toString() })
    expect(by.get('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48')).toMatchObject({ symbol: 'USDC', decimals: 6, received: '168342124', sent: '159000000' })
    expect(d.display).toBe('0xb8553D9ee35dd23BB96fbd679E651B929821969B')
  })

  it('an empty list imports nothing; a NOTOK string result is a clear error that changes nothing', async () => {
    const { core, caseId } = newCaseWithCore()
    const r = await importFiles(core, caseId, [sample('etherscan-api/v2_account_txlist_empty.json')])
    expect(r.results[0].warnings.join()).toMatch(/no transactions/)
    const before = caseDigest(core, caseId)
    const e = await importError(core, caseId, [sample('etherscan-api/v2_account_txlist_error_notok.json')])
    expect(e.message).toMatch(/returned an error instead of data: NOTOK: Free API access is not supported/)
    expect(caseDigest(core, caseId)).toBe(before)
  })

  it('GENESIS pseudo rows, Scrollscan via --chain scroll, Gnosis via chain id 100 (spam tokens keyed by contract)', async () => {
    const { core, caseId } = newCaseWithCore()
    const g = await importFiles(core, caseId, [sample('etherscan-api/etherscan_txlist_0xddbd2b93_genesis-row.json')])
    expect(g.results[0].counts['transfers.native.new']).toBe(2)
    const s = await importFiles(core, caseId, [sample('etherscan-api/scrollscan_txlist_0xc37b40ab_scroll.json')], { chain: 'scroll' })
    expect(s.results[0].counts['transfers.native.new']).toBe(9)
    const gn = await importFiles(core, caseId, [sample('etherscan-api/etherscan-v2_gnosis_tokentx_0xf5d90ac6_spam.json')], { chain: 100 })
    expect(gn.results[0].counts['transfers.token.new']).toBe(2)
    const nets = await core.invoke('explore.networks', { caseId })
    expect(nets.map((n) => n.network).sort()).toEqual(['eth', 'gnosis', 'scroll'])
  })
})

describe.skipIf(!!sharedFixturesMissing)('TronGrid and Tronscan', () => {
  it('account transactions: TRX, TRC-10 and USDT decoded from call data; fees count; addresses shown as T…', async () => {
    const { core, caseId } = newCaseWithCore()
    const r = await importFiles(core, caseId, [sample('tron/trongrid_v1-accounts-transactions_TM1zzNDZ_usdt-trigger.json')])
    expect(r.results[0].warnings.join()).toMatch(/one page/)
    const d = await core.invoke('explore.address', { caseId, address: 'TM1zzNDZD2DPASbKcgdVoTYhfmYgtfwx9R' })
    const by = new Map(d.assets.map((a) => [a.asset, a]))
    expect(by.get('native')).toMatchObject({ symbol: 'TRX', received: '854875781', sent: '21932916000', balance: (854875781n - 21932916000n - 3474260n).toString() })
    expect(by.get('TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')).toMatchObject({ symbol: 'USDT', decimals: 6, sent: '54049105000', outCount: 17 })
    expect(by.get('trc10:1002000')).toMatchObject({ sent: '7639170000000' })
    // hex 41… in the file → T… everywhere
    const tx = await core.invoke('explore.tx', { caseId, txid: '18f5908a7e208e16bfb892a5b06df75675d3142d03a0d99d270ac46143b78d06' })
    expect(tx.transfers!.find((t) => t.kind === 'token')).toMatchObject({ from: 'TM1zzNDZD2DPASbKcgdVoTYhfmYgtfwx9R', to: 'TFNEJYAKBVgc17X6fPppZ8ayaf9yswmMYV', amount: '3440260000' })
  })

  it('TRC-10 and staking: freeze/unfreeze/vote are events that move nothing', async () => {
    const { core, caseId } = newCaseWithCore()
    const r = await importFiles(core, caseId, [sample('tron/trongrid_v1-accounts-transactions_TFFriedw_trc10-staking.json')])
    expect(r.results[0].counts['events.new']).toBe(3)
    const d = await core.invoke('explore.address', { caseId, address: 'TFFriedwRtWdFuzerDDtkoQTZ29smDZ1MB' })
    const by = new Map(d.assets.map((a) => [a.asset, a]))
    expect(by.get('trc10:1002000')).toMatchObject({ received: '10189204891', sent: '0' })
    expect(by.get('native')).toMatchObject({ received: '278720000', sent: '0' })
  })

  it('the USDT transfer from /transactions and from /transactions/trc20 and from Tronscan CSV is one transfer', async () => {
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, [sample('tron/trongrid_v1-accounts-transactions_TM1zzNDZ_usdt-trigger.json')])
    const t = await importFiles(core, caseId, [local('trongrid-trc20-TM1zz.json'), local('tronscan-tokenTransfer-TM1zz.csv'), local('tronscan-transaction-TM1zz.csv')])
    expect(t.results.map((x) => x.format)).toEqual(['trongrid-json', 'tronscan-csv', 'tronscan-csv'])
    expect(t.results[0].counts).toMatchObject({ 'transfers.token.existing': 1 })
    expect(t.results[1].counts).toMatchObject({ 'transfers.token.existing': 2 })
    expect(t.results[2].counts).toMatchObject({ 'transfers.native.existing': 2 })
    expect(t.results.flatMap((x) => x.conflicts)).toEqual([])
    const tx = await core.invoke('explore.tx', { caseId, network: 'tron', txid: '18f5908a7e208e16bfb892a5b06df75675d3142d03a0d99d270ac46143b78d06' })
    expect(tx.sources.length).toBe(3)
  })
})

describe.skipIf(!!sharedFixturesMissing)('exchange statements', () => {
  it('Binance statement: one row per line, signed exact amounts summing per coin as by hand', async () => {
    const { core, caseId } = newCaseWithCore()
    const r = await importFiles(core, caseId, [sample('exchanges/binance_statement_privatefolio.csv')])
    expect(r.results[0].counts['exchange.lines']).toBe(27)
    const db = core.state.caseById(caseId).db
    const rows = db.prepare('SELECT asset, amount, note FROM exchange_activity').all() as { asset: string; amount: string; note: string | null }[]
    const sum = (asset: string) => rows.filter((x) => x.asset === asset).reduce((t, x) => t + decimalToBaseUnits(x.amount, 8), 0n)
    expect(sum('ETH')).toBe(43585882n) // 0.43585882 at 8 places
    expect(sum('IOTA')).toBe(5084000000n)
    expect(rows.find((x) => x.asset === 'ETF')).toMatchObject({ amount: '0.0000006' })
    expect(rows.find((x) => x.asset === 'ETF')!.note).toMatch(/exponent notation/)
  })

  it('Coinbase (2025 layout, € and $ money columns) and Kraken ledgers import', async () => {
    const { core, caseId } = newCaseWithCore()
    const r = await importFiles(core, caseId, [sample('exchanges/coinbase_transaction-history_anonymised.csv'), sample('exchanges/kraken_ledgers_2021.csv')])
    expect(r.results[0].counts).toMatchObject({ 'exchange.lines': 7, 'exchange.existing': 1 })
    expect(r.results[1].counts).toMatchObject({ 'exchange.lines': 12 })
    const db = core.state.caseById(caseId).db
    const send = db.prepare("SELECT amount, fee, fee_asset FROM exchange_activity WHERE exchange = 'coinbase' AND type = 'Send'").get()
    expect(send).toEqual({ amount: '-0.180914809326', fee: '0', fee_asset: 'EUR' })
    const xbt = db.prepare("SELECT amount FROM exchange_activity WHERE exchange = 'kraken' AND asset = 'XXBT'").all() as { amount: string }[]
    // -0.0066299580 by hand: sum at 10 places
    expect(xbt.reduce((t, x) => t + decimalToBaseUnits(x.amount, 10), 0n)).toBe(-66299580n)
  })
})

describe('decimals learned later re-derive CSV amounts', () => {
  it('an unknown token from CSV (assumed 18) is rescaled when the API states 6, and stays one transfer', async () => {
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, [local('rescale-token.csv')])
    const r = await importFiles(core, caseId, [local('rescale-token-api.json')])
    expect(r.results[0].counts).toMatchObject({ 'transfers.rescaled': 1, 'transfers.token.existing': 1 })
    expect(r.results[0].conflicts).toEqual([])
    const d = await core.invoke('explore.address', { caseId, address: '0x3333333333333333333333333333333333333333' })
    expect(d.assets[0]).toMatchObject({ decimals: 6, received: '1500000' })
  })
})

describe.skipIf(!!sharedFixturesMissing)('ERC-20 from CSV and from API JSON', () => {
  it('is one transfer per log, with both sources and no conflict', async () => {
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, [local('erc20-0xb8553d9e-from-api.csv')], { address: A })
    const r = await importFiles(core, caseId, [sample('etherscan-api/v2_account_tokentx_chain1.json')], { address: A })
    expect(r.results[0].counts).toMatchObject({ 'transfers.token.existing': 5 })
    expect(r.results[0].counts['transfers.token.new']).toBeUndefined()
    expect(r.results[0].conflicts).toEqual([])
    const tx = await core.invoke('explore.tx', { caseId, txid: '0x31c4bbc6df94798ac2635016e68d2a4152a03fd949c7207eed466bfcf2eb4c44' })
    expect(tx.transfers).toHaveLength(1)
    expect(tx.sources.map((s) => s.file).sort()).toEqual(['erc20-0xb8553d9e-from-api.csv', 'v2_account_tokentx_chain1.json'])
    const d = await core.invoke('explore.address', { caseId, address: A })
    expect(d.assets.find((a) => a.symbol === 'USDC')).toMatchObject({ received: '168342124', sent: '159000000' })
  })
})

describe.skipIf(!!sharedFixturesMissing)('provider streams for graph and screening', () => {
  it('transfers() carries base units as bigint and addressKeys() lists only real addresses', async () => {
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, [sample('etherscan-api/etherscan_txlist_0xddbd2b93_genesis-row.json'), sample('tron/trongrid_v1-accounts-transactions_TM1zzNDZ_usdt-trigger.json')])
    const db = core.state.caseById(caseId).db
    const { accountProvider } = await import('../../../../../src/core/explore/accounts/provider')
    const keys = [...accountProvider.addressKeys(db)]
    expect(keys.some((k) => k.address === 'GENESIS')).toBe(false)
    expect(keys).toContainEqual({ network: 'tron', address: 'TM1zzNDZD2DPASbKcgdVoTYhfmYgtfwx9R' })
    const flows = [...accountProvider.transfers(db, { network: 'tron', addresses: ['TM1zzNDZD2DPASbKcgdVoTYhfmYgtfwx9R'] })]
    const usdt = flows.filter((f) => f.asset === 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t')
    expect(usdt.reduce((t, f) => t + f.amount, 0n)).toBe(54049105000n)
    expect(flows.every((f) => typeof f.amount === 'bigint' && f.to !== '')).toBe(true)
  })
})

describe.skipIf(!!sharedFixturesMissing)('address and transaction tables', () => {
  it('list addresses with totals and filter them (Tron case-sensitive, EVM case-insensitive)', async () => {
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, [sample('tron/trongrid_v1-accounts-transactions_TM1zzNDZ_usdt-trigger.json'), sample('etherscan-api/v2_account_txlist_chain1.json')])
    const tron = await core.invoke('explore.addresses', { caseId, network: 'tron', filter: 'TM1zz' })
    expect(tron.rows.map((r) => r.address)).toEqual(['TM1zzNDZD2DPASbKcgdVoTYhfmYgtfwx9R'])
    const eth = await core.invoke('explore.addresses', { caseId, network: 'eth', filter: '0xB8553D9E' })
    expect(eth.rows[0]).toMatchObject({ display: '0xb8553D9ee35dd23BB96fbd679E651B929821969B', txCount: 15 })
    const txs = await core.invoke('explore.transactions', { caseId, network: 'eth', sort: 'amount', desc: true, limit: 3 })
    expect(txs.total).toBe(15)
    expect(BigInt(txs.rows[0].amount) >= BigInt(txs.rows[1].amount)).toBe(true)
  })
})
