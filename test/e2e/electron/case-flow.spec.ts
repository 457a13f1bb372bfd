import { electronSkipReason, expect, test } from './launch'

const reason = electronSkipReason()
test.skip(!!reason, `Electron suite skipped: ${reason}`)

test('the desktop app lists cases and creates one through the worker core', async ({ win }) => {
  await expect(win.getByRole('heading', { name: /case library/i })).toBeVisible()
  await win.getByRole('button', { name: /new case/i }).click()
  const dialog = win.getByRole('dialog')
  await dialog.getByLabel(/case number/i).fill('E-2026-1')
  await dialog.getByLabel(/title/i).fill('Electron smoke')
  await dialog.getByLabel(/examiner/i).fill('DC Electron')
  await dialog.getByRole('button', { name: /create case/i }).click()
  await expect(win.getByTestId('case-header')).toContainText('E-2026-1')
})
