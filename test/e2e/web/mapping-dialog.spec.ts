import { join } from 'node:path'
import { expect, test } from './fixtures'

const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'acct', 'generic-custom.csv')

test('map a custom CSV, import it, and get the saved mapping offered for the next file with that header', async ({ page, host, core, cspViolations }) => {
  const c = await core.invoke('cases.create', { title: 'Mapping e2e', caseNumber: 'E-4', examiner: 'DC E2E' })
  // The token lives only in the URL fragment of the first load; open the tokened URL again to see the new case.
  await page.goto('about:blank')
  await page.goto(host.url)
  await page.getByRole('row', { name: /E-4/ }).click()
  await page.getByRole('button', { name: 'Mapped import' }).click()
  await page.getByLabel('CSV or XLSX file').setInputFiles(FIXTURE)
  const dialog = page.getByTestId('mapping-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Delimiter').selectOption(';')
  await expect(dialog.getByRole('columnheader', { name: 'Receiver' })).toBeVisible()
  // Columns whose names say what they hold are suggested; the analyst confirms and adds what the file cannot say.
  await expect(dialog.getByLabel('Transaction id')).toHaveValue('Hash')
  await expect(dialog.getByLabel('Amount', { exact: true })).toHaveValue('Qty')
  await dialog.getByLabel('Mapping name').fill('bank CSV v1')
  await dialog.getByLabel('Token decimals').fill('6')
  await expect(dialog.getByTestId('mapping-problem')).toHaveCount(0)
  await dialog.getByLabel('Thousands separators').check()
  await dialog.getByRole('button', { name: 'Import with this mapping' }).click()
  await expect(page.getByTestId('mapped-import-result')).toContainText('transfers.native.new 1')
  const d = await core.invoke('explore.address', { caseId: c.id, address: '0xb8553d9ee35dd23bb96fbd679e651b929821969b' })
  expect(d.assets.find((a) => a.asset === 'native')?.sent).toBe('1234500000000000000000')

  // Same header again: the saved mapping is offered and filled in.
  await page.getByLabel('CSV or XLSX file').setInputFiles(FIXTURE)
  await expect(page.getByTestId('mapping-offer')).toContainText('bank CSV v1')
  await expect(dialog.getByLabel('Token decimals')).toHaveValue('6')
  await expect(dialog.getByLabel('Delimiter')).toHaveValue(';')
  // Unmapping a required column blocks the import and says why.
  await dialog.getByLabel('From address').selectOption('')
  await expect(dialog.getByTestId('mapping-problem')).toContainText('From address')
  await expect(dialog.getByRole('button', { name: 'Import with this mapping' })).toBeDisabled()
  expect(cspViolations).toEqual([])
})
