import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from './fixtures'
import { shoot } from './helpers'

const HERE = dirname(fileURLToPath(import.meta.url))
// Real samples beside the checkout (../shared/fixtures), or CHAINTRAIL_SHARED_FIXTURES.
const SHARED = process.env.CHAINTRAIL_SHARED_FIXTURES ?? resolve(HERE, '../../../../shared/fixtures')
const X = join(SHARED, 'explorer-formats')

test('import Bitcoin explorer files → Transactions and Addresses tables → source of a row', async ({ page, core, host, cspViolations }, testInfo) => {
  const c = await core.invoke('cases.create', { title: 'Ransom payment trace', caseNumber: 'BTC-7', examiner: 'DC Example' })
  await page.goto('about:blank')
  await page.goto(host.url)
  await page.getByRole('row', { name: /BTC-7/ }).click()
  await page.getByTestId('case-tab-transactions').click()
  await expect(page.getByText('No transactions in this case yet')).toBeVisible()

  await page.getByRole('button', { name: 'Import…' }).click()
  const dialog = page.getByTestId('import-dialog')
  await dialog.getByTestId('file-input').setInputFiles([
    join(X, 'esplora/address_txs_mempool_space_2tx.json'),
    join(X, 'blockchain-info/rawtx_1db6251a_p2pk.json'),
    join(X, 'blockcypher/txs_1db6251a_p2pk.json'),
    join(X, 'bitcoin-raw/tx_a06d148e_mainnet-block696394.hex')
  ])
  // Preview: each file's detected format and record count, nothing stored yet.
  const preview = dialog.getByTestId('import-preview')
  await expect(preview.getByRole('row')).toHaveCount(5)
  await expect(preview).toContainText('esplora-json')
  await expect(preview).toContainText('blockchain-com-json')
  await expect(preview).toContainText('blockcypher-json')
  await expect(preview).toContainText('btc-raw-hex')
  await shoot(page, testInfo, 'btc-import-preview')

  await dialog.getByRole('button', { name: 'Import 4 files' }).click()
  const result = dialog.getByTestId('import-result')
  await expect(result).toBeVisible()
  await expect(result).toContainText('transactions.existing 1')
  await shoot(page, testInfo, 'btc-import-result')
  await dialog.getByRole('button', { name: 'Close' }).click()

  // 2 (Esplora) + 1 (blockchain.com and BlockCypher: the same tx, one row) + 1 (raw) = 4 transactions.
  const table = page.getByTestId('transactions-table')
  await expect(table).toContainText('4 rows')
  const row = table.getByRole('row').filter({ hasText: '1db6251a' })
  await expect(row).toContainText('300 BTC')
  await row.getByRole('button', { name: /rawtx_1db6251a_p2pk.json \+1/ }).click()
  const panel = page.getByTestId('source-panel')
  await expect(panel).toContainText('txs_1db6251a_p2pk.json')
  await expect(panel.getByTestId('source-sha256').first()).toHaveText(/^[0-9a-f]{64}$/)
  await shoot(page, testInfo, 'btc-transactions-source')

  await page.getByTestId('case-tab-addresses').click()
  const addresses = page.getByTestId('addresses-table')
  await expect(addresses).toContainText('rows')
  await addresses.getByRole('button', { name: 'Txs', exact: true }).click()
  await expect(addresses.getByRole('row').nth(1)).toBeVisible()
  await shoot(page, testInfo, 'btc-addresses')
  expect(cspViolations).toEqual([])
  void c
})
