import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { newCaseWithCore } from '../../../../helpers/cases'
import { LOCAL_FIXTURES, sharedFixturesMissing } from '../../../../helpers/fixtures'
import { tmpDir } from '../../../../helpers/tmp'
import { importFiles, sample } from './helpers'

const write = (name: string, text: string) => {
  const p = join(tmpDir(), name)
  writeFileSync(p, text)
  return p
}

describe('exchange statements linked to the chain', () => {
  it('Binance withdrawal history keeps TXID and Address (FORMATS §9.1 header), signed negative', async () => {
    const p = write(
      'binance-withdrawals.csv',
      'Date(UTC),Coin,Network,Amount,TransactionFee,Address,TXID,SourceAddress,PaymentID,Status\n' +
        '2022-12-25 01:00:00,USDC,ETH,"1,045.5",1,0xb8553d9ee35dd23bb96fbd679e651b929821969b,0x31C4BBC6DF94798AC2635016E68D2A4152A03FD949C7207EED466BFCF2EB4C44,,,Completed\n'
    )
    const { core, caseId } = newCaseWithCore()
    const r = await importFiles(core, caseId, [p], { account: 'subpoena-7' })
    expect(r.results[0].format).toBe('binance-csv')
    const row = core.state.caseById(caseId).db.prepare('SELECT account, type, asset, amount, fee, network, txid, address FROM exchange_activity').get()
    expect(row).toEqual({ account: 'subpoena-7', type: 'Withdrawal', asset: 'USDC', amount: '-1045.5', fee: '1', network: 'ETH', txid: '0x31c4bbc6df94798ac2635016e68d2a4152a03fd949c7207eed466bfcf2eb4c44', address: '0xb8553d9ee35dd23bb96fbd679e651b929821969b' })
  })

  it('Coinbase 2022–2023 layout after its one-line preamble', async () => {
    const p = write(
      'coinbase-2022.csv',
      'You can use this transaction report to inform your likely tax obligations. For US customers, Sells, Converts, Rewards Income, and Coinbase Earn transactions are taxable events.\n\n' +
        'Timestamp,Transaction Type,Asset,Quantity Transacted,Spot Price Currency,Spot Price at Transaction,Subtotal,Total (inclusive of fees and/or spread),Fees and/or Spread,Notes\n' +
        '2021-01-05T10:00:00Z,Send,BTC,0.01,USD,"$31,000.00",$310.00,$310.00,$0.00,Sent 0.01 BTC to 1BoatSLRHtKNngkdXEeobR76b53LETtpyT\n'
    )
    const { core, caseId } = newCaseWithCore()
    const r = await importFiles(core, caseId, [p])
    expect(r.results[0].counts['exchange.lines']).toBe(1)
    expect(core.state.caseById(caseId).db.prepare('SELECT time, amount FROM exchange_activity').get()).toEqual({ time: 1609840800, amount: '0.01' })
  })
})

describe.skipIf(!!sharedFixturesMissing)('disagreeing sources', () => {
  it('a CSV amount that differs from the API is a conflict: both values kept, nothing overwritten', async () => {
    const csv = readFileSync(join(LOCAL_FIXTURES, 'acct', 'erc20-0xb8553d9e-from-api.csv'), 'utf8').replace('"49.673249"', '"49.673248"')
    const p = write('erc20-edited.csv', csv)
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, [p])
    const r = await importFiles(core, caseId, [sample('etherscan-api/v2_account_tokentx_chain1.json')])
    expect(r.results[0].conflicts).toMatchObject([{ kind: 'acct.transfer', field: 'amount', existing: '49673248', incoming: '49673249' }])
    const tx = await core.invoke('explore.tx', { caseId, txid: '0x31c4bbc6df94798ac2635016e68d2a4152a03fd949c7207eed466bfcf2eb4c44' })
    expect(tx.conflicted).toBe(true)
    expect(tx.conflicts[0]).toMatchObject({ field: 'amount', existing: '49673248', incoming: '49673249', existingSource: { file: 'erc20-edited.csv' }, incomingSource: { file: 'v2_account_tokentx_chain1.json' } })
    expect(tx.transfers![0].amount).toBe('49673248')
  })
})
