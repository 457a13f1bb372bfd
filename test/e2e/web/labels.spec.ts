import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createCase } from '../../../src/core/case/case-folder'
import { registerProvider } from '../../../src/core/explore/providers'
import { expect, test } from './fixtures'
import { REPO, reopen, shoot } from './helpers'

// ../shared beside a checkout, or two levels up from a worktree (wt/<name>), as helpers.ts looks.
const FIX = [process.env.CHAINTRAIL_SHARED_FIXTURES, join(REPO, '..', 'shared', 'fixtures'), join(REPO, '..', '..', 'shared', 'fixtures')].find((d) => d && existsSync(d)) ?? ''
const ADDR = '0x098B716B8Aaf21512996dC57EB0615e2383E2f96'

test.skip(!FIX, 'the real label samples (../shared/fixtures) are not beside this checkout')

test('Labels tab: three sources side by side, Trojan Source marker, per-entry import errors, skip-invalid summary', async ({ page, host, core, casesRoot, cspViolations }, testInfo) => {
  const h = createCase(join(casesRoot, 'case-labels'), { title: 'Ronin laundering', caseNumber: 'L-5', examiner: 'DC Labels' })
  const caseId = h.meta().id
  h.close()
  const stage = (p: string) => ({ uploadId: core.state.stage({ path: p, originalName: p.split('/').pop()!, owned: false }) })
  await core.invoke('labels.import', {
    caseId,
    files: [stage(join(FIX, 'labels/graphsense-tagpacks/lazarus.yaml')), stage(join(FIX, 'labels/graphsense-tagpacks/ronin_bridge.yaml')), stage(join(FIX, 'labels/ofac/SDN_excerpt_lazarus_row.csv'))]
  })
  await core.invoke('labels.add', { caseId, target: { network: 'eth', address: ADDR }, name: 'invoice\u202Efdp.exe', category: 'suspect', note: 'from the victim report' })

  await reopen(page, host.url)
  await page.locator(`[data-case-row="${caseId}"]`).click()
  await page.getByTestId('case-tab-labels').click()
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
  await expect(rows.nth(3).locator('[data-invisible="U+202E"]')).toHaveText('RLO')
  await expect(rows.nth(3).locator('bdi[dir="auto"]').first()).toBeVisible()
  await expect(rows.nth(0).getByRole('button', { name: 'Delete' })).toHaveCount(0)
  await expect(rows.nth(3).getByRole('button', { name: 'Delete' })).toBeVisible()
  await page.getByText('Legend').click()
  // Screening: a provider for this test holds the Ronin address and one unlabelled address.
  registerProvider({ id: 'e2e-labels', handles: () => false, networks: () => [], addresses: () => ({ total: 0, rows: [] }), transactions: () => ({ total: 0, rows: [] }), address: () => undefined, tx: () => undefined, transfers: () => [], addressKeys: () => [{ network: 'eth', address: '0x0000000000000000000000000000000000000001' }, { network: 'eth', address: ADDR.toLowerCase() }] })
  await page.getByRole('button', { name: 'Screen case addresses' }).click()
  const screen = page.getByTestId('screen-result')
  await expect(screen).toContainText('2 case addresses checked against 36 labels: 1 hit(s)')
  await expect(screen.locator('li').first()).toContainText('Sanctioned')
  await expect(screen).toContainText('SDN entry LAZARUS GROUP, program DPRK3')
  await shoot(page, testInfo, 'labels')

  // A real pack with one bad entry: refused with the entry listed; with skip-invalid, imported and the skip listed.
  const chooser = page.getByTestId('file-input-labels')
  await chooser.setInputFiles(join(FIX, 'labels/graphsense-tagpacks/tornado_cash.yaml'))
  await page.getByRole('button', { name: 'Import tag set' }).click()
  await expect(page.getByRole('alert')).toContainText('1 invalid entry; nothing was imported')
  await expect(page.getByRole('alert')).toContainText('line 51 tags[38]: invalid address')
  await page.getByLabel('Skip invalid entries').check()
  await chooser.setInputFiles(join(FIX, 'labels/graphsense-tagpacks/tornado_cash.yaml'))
  await page.getByRole('button', { name: 'Import tag set' }).click()
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
