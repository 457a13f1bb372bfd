import { join } from 'node:path'
import { createCase } from '../../../src/core/case/case-folder'
import { expect, test } from './fixtures'

const FIX = process.env.CHAINTRAIL_SHARED_FIXTURES ?? join(__dirname, '../../../../shared/fixtures')
const ADDR = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96'

test('Labels tab: three sources side by side, Trojan Source marker, per-entry import errors, skip-invalid summary', async ({ page, host, core, casesRoot, cspViolations }) => {
  const h = createCase(join(casesRoot, 'case-labels'), { title: 'Ronin laundering', caseNumber: 'L-5', examiner: 'DC Labels' })
  const caseId = h.meta().id
  h.close()
  const stage = (p: string) => ({ uploadId: core.state.stage({ path: p, originalName: p.split('/').pop()!, owned: false }) })
  await core.invoke('labels.import', {
    caseId,
    files: [stage(join(FIX, 'labels/graphsense-tagpacks/lazarus.yaml')), stage(join(FIX, 'labels/graphsense-tagpacks/ronin_bridge.yaml')), stage(join(FIX, 'labels/ofac/SDN_excerpt_lazarus_row.csv'))]
  })
  await core.invoke('labels.add', { caseId, target: { network: 'eth', address: ADDR }, name: 'invoice\u202Efdp.exe', category: 'suspect', note: 'from the victim report' })

  // Only the fragment differs from the current URL, so leave the page first to get a real load.
  await page.goto('about:blank')
  await page.goto(host.url)
  await page.getByRole('button', { name: /L-5/ }).click()
  await page.getByRole('button', { name: 'Labels' }).click()
  await page.getByLabel('Address filter').fill(ADDR)
  const rows = page.getByTestId('labels-table').locator('tbody tr')
  await expect(rows).toHaveCount(4)
  await expect(rows.nth(0)).toContainText('Lazarus group')
  await expect(rows.nth(0)).toContainText('OFAC Tagpack')
  await expect(rows.nth(0)).toContainText('lazarus.yaml line 53')
  await expect(rows.nth(1)).toContainText('SDN entry LAZARUS GROUP, program DPRK3')
  await expect(rows.nth(1)).toContainText('SDN_excerpt_lazarus_row.csv line 1 /addresses/0')
  await expect(rows.nth(2)).toContainText('Ronin bridge exploiter')
  await expect(rows.nth(2)).toContainText('ronin_bridge.yaml line 11')
  await expect(rows.nth(3)).toContainText('examiner DC Labels')
  // Trojan Source: the RLO shows as a visible marker, the text is isolated in <bdi>.
  await expect(rows.nth(3).getByTestId('hidden-char')).toHaveText('U+202E')
  await expect(rows.nth(3).locator('bdi[dir="auto"]').first()).toBeVisible()
  await expect(rows.nth(0).getByRole('button', { name: 'Delete' })).toHaveCount(0)
  await expect(rows.nth(3).getByRole('button', { name: 'Delete' })).toBeVisible()
  await page.getByText('Legend').click()
  await page.screenshot({ path: 'docs/screenshots/labels.png', fullPage: true })

  // A real pack with one bad entry: refused with the entry listed; with skip-invalid, imported and the skip listed.
  await page.getByLabel('Tag-set files').setInputFiles(join(FIX, 'labels/graphsense-tagpacks/tornado_cash.yaml'))
  await expect(page.getByRole('alert')).toContainText('1 invalid entry; nothing was imported')
  await expect(page.getByRole('alert')).toContainText('line 51 tags[38]: invalid address')
  await page.getByLabel('Skip invalid entries').check()
  await page.getByLabel('Tag-set files').setInputFiles(join(FIX, 'labels/graphsense-tagpacks/tornado_cash.yaml'))
  await expect(page.getByTestId('import-summary')).toContainText('38 added')
  await expect(page.getByTestId('import-summary')).toContainText('1 skipped (invalid)')
  await expect(page.getByTestId('import-summary')).toContainText('skipped line 51 tags[38]')

  // Own label: edit then delete (both audited by the core).
  await page.getByLabel('Address filter').fill(ADDR)
  await rows.nth(3).getByRole('button', { name: 'Delete' }).click()
  await expect(rows).toHaveCount(3)
  const audit = await core.invoke('audit.list', { caseId })
  expect(audit.entries[0].action).toBe('label.removed')
  expect(cspViolations).toEqual([])
})
