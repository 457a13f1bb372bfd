import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeEsploraFile } from '../../../bench/lib/esplora-gen'
import { expect, test } from './fixtures'
import { shoot } from './helpers'

test('100,000 transactions scroll in a virtualized, server-paged table', async ({ page, core, host }, testInfo) => {
  test.setTimeout(240_000)
  const dir = mkdtempSync(join(tmpdir(), 'ct-e2e-100k-'))
  try {
    const file = join(dir, 'esplora-100k.json')
    await writeEsploraFile(file, 100_000)
    const c = await core.invoke('cases.create', { title: 'Large export', caseNumber: 'BTC-100K', examiner: 'DC Example' })
    await core.invoke('imports.run', { caseId: c.id, files: [{ uploadId: core.state.stage({ path: file, originalName: 'esplora-100k.json', owned: false }) }] })
    await page.goto('about:blank')
    await page.goto(host.url)
    await page.getByRole('row', { name: /BTC-100K/ }).click()
    await page.getByTestId('case-tab-transactions').click()
    const table = page.getByTestId('transactions-table')
    await expect(table).toContainText('100,000 rows')
    // Only the visible rows exist in the DOM.
    expect(await table.getByRole('row').count()).toBeLessThan(80)
    // Jump to the end: the last page is fetched on demand and shows the oldest tx (sorted by time, newest first; tx 0 has block_time 1630000000).
    await table.locator('.vt-body').evaluate((el) => (el.scrollTop = el.scrollHeight))
    await expect(table.locator('.vt-row[data-index="99999"]')).toContainText('2021-08-26 17:46:40')
    expect(await table.getByRole('row').count()).toBeLessThan(80)
    // Sort by amount (server-side) and filter by txid prefix.
    await table.getByRole('button', { name: 'Amount' }).click()
    await expect(table.locator('.vt-row[data-index="0"]')).toBeVisible()
    await shoot(page, testInfo, 'btc-100k-transactions')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
