import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createCase } from '../../../src/core/case/case-folder'
import { expect, test } from './fixtures'
import { REPO, reopen, shoot } from './helpers'

// ../shared beside a checkout, or two levels up from a worktree (wt/<name>), as helpers.ts looks.
const FIX = [process.env.CHAINTRAIL_SHARED_FIXTURES, join(REPO, '..', 'shared', 'fixtures'), join(REPO, '..', '..', 'shared', 'fixtures')].find((d) => d && existsSync(d)) ?? ''

test.skip(!FIX, 'the real exchange statements (../shared/fixtures) are not beside this checkout')

test('Exchange statements tab: real Kraken and Binance statements plus a deposit history linked to a real tx', async ({ page, host, core, casesRoot, cspViolations }, testInfo) => {
  const h = createCase(join(casesRoot, 'case-exchange'), { title: 'Subpoena returns', caseNumber: 'X-9', examiner: 'DC Exchange' })
  const caseId = h.meta().id
  h.close()
  const stage = (p: string) => ({ uploadId: core.state.stage({ path: p, originalName: p.split('/').pop()!, owned: false }) })
  const formats = join(FIX, 'explorer-formats')
  await core.invoke('imports.run', { caseId, files: [stage(join(formats, 'etherscan-csv/etherscan_export-0x46cf7ddb_normal-txs.csv'))] })
  await core.invoke('imports.run', { caseId, files: [stage(join(formats, 'exchanges/kraken_ledgers_2021.csv'))], options: { account: 'kraken-subpoena-1' } })
  await core.invoke('imports.run', { caseId, files: [stage(join(REPO, 'test/fixtures/acct/binance-deposits-0x46cf.csv'))], options: { account: 'binance-subpoena-7' } })
  const total = (await core.invoke('explore.exchange', { caseId })).total

  await reopen(page, host.url)
  await page.locator(`[data-case-row="${caseId}"]`).click()
  await page.getByTestId('case-tab-exchange').click()
  const table = page.getByTestId('exchange-table')
  await expect(table).toContainText(`${total.toLocaleString('en')} rows`)
  // Newest first: the invented BTC deposit of 2019-03 is below 2021's Kraken lines; filter to the linked txid.
  await page.getByLabel('Filter').fill('0xc849dff1')
  await expect(table).toContainText('1 rows')
  await expect(table).toContainText('binance-subpoena-7')
  await expect(table).toContainText('+2 ETH')
  await table.getByRole('button', { name: 'binance-deposits-0x46cf.csv' }).click()
  await expect(page.getByTestId('source-panel')).toContainText('line 2')
  await page.getByLabel('Filter').fill('')
  await expect(table).toContainText(`${total.toLocaleString('en')} rows`)
  await shoot(page, testInfo, 'exchange-statements')
  expect(cspViolations).toEqual([])
})
