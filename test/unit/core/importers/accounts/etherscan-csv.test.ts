import { describe, expect, it } from 'vitest'
import { newCaseWithCore } from '../../../../helpers/cases'
import { sharedFixturesMissing } from '../../../../helpers/fixtures'
import { toChecksumAddress } from '../../../../../src/core/chains/evm/address'
import { importFiles, sample } from './helpers'

/*
 * Expected totals were computed by hand from the files with exact decimal arithmetic, never floats:
 *   python3 -c 'import csv; from decimal import Decimal as D; rows=list(csv.DictReader(open(F, newline="")));
 *     ok=lambda r: r["Status"]=="" and r["ErrCode"]=="";            # internal files: Status in ("","0")
 *     print(sum(D(r["Value_IN(ETH)"]) for r in rows if ok(r) and r["To"].lower()==A) * 10**18,
 *           sum(D(r["Value_OUT(ETH)"]) for r in rows if ok(r) and r["From"].lower()==A) * 10**18,
 *           sum(D(r["TxnFee(ETH)"]) for r in rows if r["From"].lower()==A) * 10**18)'
 * (the full script is test/fixtures/acct/hand-sums.py; ERC-20: the same over TokenValue with "," removed, per ContractAddress).
 */
const CSV = (f: string) => sample(`etherscan-csv/${f}`)

async function totals(files: string[], address: string, options: Record<string, unknown> = {}) {
  const { core, caseId } = newCaseWithCore()
  const run = await importFiles(core, caseId, files.map(CSV), options)
  const detail = await core.invoke('explore.address', { caseId, network: 'eth', address })
  return { core, caseId, run, detail, by: new Map(detail.assets.map((a) => [a.asset, a])) }
}

describe.skipIf(!!sharedFixturesMissing)('Etherscan CSV samples', () => {
  it('2019 normal export (15-name header, 16 fields per row, CRLF): 274 transactions, 115 contract creations', async () => {
    const A = '0x46cf7ddb8bc751f666f691a4f96aa45e88d55d11'
    const { run, by, detail } = await totals(['etherscan_export-0x46cf7ddb_normal-txs.csv'], A)
    // facts: 115 created contracts + 3 distinct senders (externally owned), by hand: len(set(From)) in the file
    expect(run.results[0].counts).toMatchObject({ 'transfers.native.new': 274, 'accounts.facts': 115 + 3, 'transfers.failed': 8 })
    expect(run.results[0].warnings.join()).toMatch(/assumed eth/)
    // in = 8 ETH (Value_IN, ok rows); out = 0; fees paid = 0.00849230491022603389 ETH
    expect(by.get('native')).toMatchObject({ received: '8000000000000000000', sent: '0', balance: (8000000000000000000n - 8492304910226033890n).toString() })
    expect(detail.display).toBe(toChecksumAddress(A))
    expect(detail.display).not.toBe(A)
    expect(detail.txCount).toBe(274)
    expect(detail.type).toBe('eoa')
  })

  it('2024 normal export of 0xf98 (CRLF): in 5.151643 ETH, out 5.149064038 ETH, fees 0.002578962 ETH', async () => {
    const A = '0xf98c96b5d10faafc2324847c82305bd5fd7e5ad3'
    const { by } = await totals(['exported-2024-01_txhash-header_normal_0xf98_full_crlf.csv'], A, { address: A })
    expect(by.get('native')).toMatchObject({ received: '5151643000000000000', sent: '5149064038000000000', balance: (5151643000000000000n - 5149064038000000000n - 2578962000000000n).toString() })
  })

  it('2017 internal export (US dates, parent hash repeated): 1014 transfers, out 6759.2006 ETH', async () => {
    const A = '0x8668ef4534ec8716dede42807084a526ff4904e2'
    const { run, by } = await totals(['etherscan_export-0x8668ef45_internal-txs.csv'], A, { address: A })
    expect(run.results[0].counts['transfers.internal.new']).toBe(1014)
    expect(by.get('native')).toMatchObject({ received: '0', sent: '6759200600000000000000', outCount: 1014 })
  })

  it('2024 internal export (TxTo column, 18 fields per row): in 374.108837677720258113 ETH', async () => {
    const A = '0x003dc32fe920a4aaeed12dc87e145f030aa753f3'
    const { by } = await totals(['exported-2024-01_txhash-header_internal_0x003dc_first30.csv'], A, { address: A })
    expect(by.get('native')).toMatchObject({ received: '374108837677720258113', sent: '0' })
  })

  it('contract-page export (variant A, 17 fields per row): the contract received 2 ETH in its first 50 rows', async () => {
    const A = '0x9c99d7f09d4a7e23ea4e36aec4cb590c5bbdb0e2'
    const { by, detail } = await totals(['exported-2022-02_txhash-header_datetime-no-utc_contract-page_first50.csv'], A, { address: A })
    expect(by.get('native')).toMatchObject({ received: '2000000000000000000', sent: '0' })
    expect(detail.type).toBe('contract')
  })

  it('ERC-20 export of 0xf98: per-token totals equal the TokenValue column to the last digit', async () => {
    const A = '0xf98c96b5d10faafc2324847c82305bd5fd7e5ad3'
    const { by, run } = await totals(['exported-2024-01_txhash-header_erc20_0xf98_full_crlf.csv'], A, { address: A })
    // decimals are not in the file: assumed 18 (warned), so base units = TokenValue × 10^18 exactly.
    expect(run.results[0].warnings.some((w) => /assumed 18/.test(w))).toBe(true)
    const want: Record<string, string> = {
      '0xab95e915c123fded5bdfb6325e35ef5515f1ea69': '319225622004986860510', // 319.22562200498686051
      '0x0cf0ee63788a0849fe5297f3407f701e122cc023': '211654766929048420', // 0.21165476692904842
      '0x519475b31653e46d20cd09f9fdcf3b12bdacb4f5': '29978799200000000000', // 29.9787992
      '0x52903256dd18d85c2dc4a6c999907c9793ea61e3': '777000000000000000000', // 777
      '0x1d462414fe14cf489c7a21cac78509f4bf8cd7c0': '2000000000000000000', // 2
      '0xa4e8c3ec456107ea67d3075bf9e3df3a75823db0': '10000000000000000000', // 10
      '0x7b2f9706cd8473b4f5b7758b0171a9933fc6c4d6': '911000000000000000000', // 911
      '0x58b6a8a3302369daec383334672404ee733ab239': '2117826656607921801' // 2.117826656607921801
    }
    for (const [token, units] of Object.entries(want)) expect(by.get(token), token).toMatchObject({ received: units, sent: '0' })
  })

  it('ERC-20 export with thousands separators ("3,067.671" MANA, a well-known 18-decimal token)', async () => {
    const A = '0x003dc32fe920a4aaeed12dc87e145f030aa753f3'
    const { by } = await totals(['exported-2024-01_txhash-header_erc20_0x003dc_first50.csv'], A, { address: A })
    expect(by.get('0x0f5d2fb29fb7d3cfee444a200298f468908cc942')).toMatchObject({ symbol: 'MANA', received: '3067671000000000000000' })
  })

  it('failed transactions are kept and flagged but move no value; only their fee leaves the wallet', async () => {
    const A = '0x003dc32fe920a4aaeed12dc87e145f030aa753f3'
    const { by, run, core, caseId } = await totals(['exported-2024-01_txhash-header_normal_0x003dc_failed-rows-selected.csv'], A, { address: A })
    expect(run.results[0].counts['transfers.failed']).toBe(6)
    // the 4.56 ETH "Out of gas" send did not happen; fees 0.000147+0.00220924+4×0.000201348 = 0.003161632 ETH
    expect(by.get('native')).toMatchObject({ received: '0', sent: '0', balance: '-3161632000000000', outCount: 0 })
    const tx = await core.invoke('explore.tx', { caseId, txid: '0x92ce04a67578af1e5e5dea54a35c0775e5fb3e36e7f619de28274e3ad6657fa0' })
    expect(tx.status).toBe('failed')
    expect(tx.amount).toBe('0')
    expect(tx.fee).toBe('147000000000000')
    const contractPage = await totals(['exported-2022-02_txhash-header_failed-tx-rows-selected.csv'], '0x9c99d7f09d4a7e23ea4e36aec4cb590c5bbdb0e2')
    expect(contractPage.by.get('native')).toMatchObject({ received: '0', inCount: 0 })
  })

  it('a header-only export imports nothing and fails nothing', async () => {
    const { core, caseId } = newCaseWithCore()
    const r = await importFiles(core, caseId, [CSV('exported-2024-01_txhash-header_internal_0xf98_header_only_crlf.csv')])
    expect(r.results[0].counts).toEqual({ 'assets.new': 1 }) // the native asset description only
  })

  it('the same transaction in two files is one transfer with two sources', async () => {
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, [CSV('exported-2024-01_txhash-header_normal_0x003dc_failed-rows-selected.csv')])
    const r = await importFiles(core, caseId, [CSV('exported-2024-01_txhash-header_normal_0x003dc_first50.csv')])
    expect(r.results[0].counts['transfers.native.existing']).toBe(2)
    const tx = await core.invoke('explore.tx', { caseId, txid: '0x92ce04a67578af1e5e5dea54a35c0775e5fb3e36e7f619de28274e3ad6657fa0' })
    expect(tx.sources.length).toBe(2)
    expect(tx.conflicts).toEqual([])
  })
})
