import { join } from 'node:path'
import { expect, test } from './fixtures'

const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'acct', 'generic-custom.csv')

test('a CSV no explorer wrote is mapped from inside the import dialog, previewed, then imported', async ({ page, host, core, cspViolations }) => {
  const c = await core.invoke('cases.create', { title: 'Bank export', caseNumber: 'MAP-1', examiner: 'DC E2E' })
  await page.goto('about:blank')
  await page.goto(host.url)
  await page.getByRole('row', { name: /MAP-1/ }).click()
  await page.getByTestId('case-tab-transactions').click()
  await page.getByRole('button', { name: 'Import…' }).click()
  const dialog = page.getByTestId('import-dialog')
  await dialog.getByTestId('file-input').setInputFiles(FIXTURE)
  // Detection cannot name this layout: the preview says so and offers a mapping instead of guessing.
  const preview = dialog.getByTestId('import-preview')
  await expect(preview).toContainText('not a format Chaintrail recognises')
  await expect(dialog.getByRole('button', { name: /^Import 1 file/ })).toBeDisabled()
  await preview.getByRole('button', { name: 'Map columns of generic-custom.csv' }).click()

  const mapping = page.getByTestId('mapping-dialog')
  await mapping.getByLabel('Delimiter').selectOption(';')
  await expect(mapping.getByLabel('Transaction id')).toHaveValue('Hash')
  await mapping.getByLabel('Token decimals').fill('6')
  await mapping.getByLabel('Thousands separators').check()
  await mapping.getByRole('button', { name: 'Import with this mapping' }).click()
  await expect(mapping).toBeHidden()

  // Previewed again through the mapping: a dry run with real counts, still nothing stored.
  await expect(preview).toContainText('generic-mapped')
  expect((await core.invoke('imports.list', { caseId: c.id })).length).toBe(0)
  await dialog.getByRole('button', { name: 'Import 1 file' }).click()
  await expect(dialog.getByTestId('import-result')).toContainText('generic-mapped')
  const d = await core.invoke('explore.address', { caseId: c.id, address: '0xb8553d9ee35dd23bb96fbd679e651b929821969b' })
  expect(d.assets.find((a) => a.asset === 'native')?.sent).toBe('1234500000000000000000')
  expect(cspViolations).toEqual([])
})
