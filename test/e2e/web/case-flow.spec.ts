import { expect, test } from './fixtures'
import { evidenceSample, reopen, seedCases, sha256Of, shoot } from './helpers'

test('create a case, add evidence by file chooser, see its full SHA-256, verify evidence and audit chain', async ({ page, host, core, cspViolations }, testInfo) => {
  await seedCases(core)
  await reopen(page, host.url)
  await expect(page.getByTestId('case-library').getByRole('row')).toHaveCount(4)

  // New case: submitting it empty shows the contract's validation messages on the fields.
  await page.getByRole('button', { name: 'New case' }).click()
  const dialog = page.getByRole('dialog', { name: 'New case' })
  await dialog.getByRole('button', { name: 'Create case' }).click()
  await expect(dialog.getByText('a title is required')).toBeVisible()
  await expect(dialog.getByText('a case number is required')).toBeVisible()
  await expect(dialog.getByText('an examiner is required')).toBeVisible()
  await expect(dialog.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true')

  await dialog.getByLabel('Case number').fill('CT-2026-0142')
  await dialog.getByLabel('Examiner').fill('DC Mara Okafor')
  await dialog.getByLabel('Title').fill('Exchange hack — stolen ETH laundering trail')
  await dialog.getByLabel('Agency').fill('National Crime Agency — NCCU')
  await dialog.getByLabel('Jurisdiction').fill('England & Wales')
  await dialog.getByRole('button', { name: 'Create case' }).click()
  await expect(dialog).toBeHidden()
  const header = page.getByTestId('case-header')
  await expect(header).toContainText('CT-2026-0142')
  await expect(header.getByRole('heading', { level: 1 })).toHaveText('Exchange hack — stolen ETH laundering trail')

  // Add evidence through the file chooser.
  const sample = evidenceSample()
  const expected = sha256Of(sample.path)
  const evidence = page.getByTestId('evidence-panel')
  await evidence.getByRole('button', { name: 'Add evidence…' }).first().click()
  const add = page.getByRole('dialog', { name: 'Add evidence' })
  await add.getByTestId('file-input-evidence').setInputFiles(sample.path)
  await expect(add.getByText(sample.name)).toBeVisible()
  await add.getByLabel('Source note').fill('Etherscan export downloaded 2026-03-02 by DC Okafor')
  await add.getByRole('button', { name: 'Add to locker' }).click()
  await expect(add).toBeHidden()
  await expect(page.getByTestId('added-notice')).toContainText(expected)
  const row = evidence.locator(`tr[data-sha256="${expected}"]`)
  await expect(row).toContainText(sample.name)
  await expect(row.locator('.ct-hash__value')).toHaveText(expected)
  await expect(row).toContainText('DC Mara Okafor')
  await expect(row).toContainText('Etherscan export downloaded 2026-03-02 by DC Okafor')

  // The same bytes again: stored once, and the UI says so.
  await evidence.getByRole('button', { name: 'Add evidence…' }).first().click()
  await add.getByTestId('file-input-evidence').setInputFiles(sample.path)
  await add.getByRole('button', { name: 'Add to locker' }).click()
  await expect(page.getByTestId('duplicate-notice')).toContainText('Already in the locker')
  await expect(page.getByTestId('duplicate-notice')).toContainText('No second copy was stored')
  await expect(evidence.locator('tbody tr')).toHaveCount(1)
  await page.getByTestId('duplicate-notice').getByRole('button', { name: 'Dismiss' }).click()

  // A second, different file so the table reads like a real locker.
  const second = evidenceSample('explorer-formats/esplora/mempool-space_address-txs_35kRn3rF_mainnet.json')
  if (second.path !== sample.path) {
    await evidence.getByRole('button', { name: 'Add evidence…' }).first().click()
    await add.getByTestId('file-input-evidence').setInputFiles(second.path)
    await add.getByLabel('Source note').fill('mempool.space API response saved 2026-03-03 by DC Okafor')
    await add.getByRole('button', { name: 'Add to locker' }).click()
    await expect(evidence.locator(`tr[data-sha256="${sha256Of(second.path)}"]`)).toBeVisible()
    await page.getByTestId('added-notice').getByRole('button', { name: 'Dismiss' }).click()
  }

  await evidence.getByRole('button', { name: 'Verify evidence' }).click()
  await expect(page.getByTestId('evidence-verify-result')).toContainText('match their recorded SHA-256')

  const audit = page.getByTestId('audit-panel')
  await audit.getByRole('button', { name: 'Verify audit chain' }).click()
  await expect(page.getByTestId('audit-verify-result')).toContainText('Audit chain intact')
  await expect(audit.getByRole('cell', { name: 'evidence.added' }).first()).toBeVisible()

  // The core agrees with what the UI showed.
  const caseId = (await core.invoke('cases.library', {})).cases.find((c) => c.caseNumber === 'CT-2026-0142')!.id
  const listed = await core.invoke('evidence.list', { caseId })
  expect(listed.map((e) => e.sha256)).toContain(expected)
  expect((await core.invoke('audit.verify', { caseId })).ok).toBe(true)

  await page.getByTestId('evidence-verify-result').getByRole('button', { name: 'Dismiss' }).click()
  await shoot(page, testInfo, 'case-overview')

  await page.getByRole('button', { name: 'Case library' }).first().click()
  await expect(page.getByTestId('case-library').getByRole('row')).toHaveCount(5)
  await shoot(page, testInfo, 'case-library')
  expect(cspViolations).toEqual([])
})

test('editing case details goes through cases.update and shows field errors inline', async ({ page, host, core }) => {
  await seedCases(core)
  await reopen(page, host.url)
  await page.getByRole('row', { name: /CT-2026-0117/ }).click()
  const details = page.locator('#case-details')
  await details.getByRole('button', { name: 'Edit details' }).click()
  await details.getByLabel('Title').fill('')
  await details.getByRole('button', { name: 'Save details' }).click()
  await expect(details.getByText('a title is required')).toBeVisible()
  await details.getByLabel('Title').fill('Pig-butchering scam — victim USDT on Tron (linked to CT-2026-0131)')
  await details.getByRole('button', { name: 'Save details' }).click()
  await expect(page.getByTestId('case-header').getByRole('heading', { level: 1 })).toHaveText('Pig-butchering scam — victim USDT on Tron (linked to CT-2026-0131)')
  await expect(page.getByTestId('audit-panel').getByRole('cell', { name: 'case.updated' })).toBeVisible()
})
