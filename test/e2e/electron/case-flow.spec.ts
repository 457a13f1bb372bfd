import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronSkipReason, expect, test } from './launch'

const reason = electronSkipReason()
test.skip(!!reason, `Electron suite skipped: ${reason}`)

const SAMPLE = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'ui'), 'small-export.csv')

test('the desktop app creates a case and adds evidence through the native file dialog and the worker core', async ({ electronApp, win }) => {
  await expect(win.getByRole('heading', { name: 'Case library' })).toBeVisible()
  await expect(win.getByText('Desktop app · offline')).toBeVisible()
  await win.getByRole('button', { name: 'New case' }).first().click()
  const dialog = win.getByRole('dialog', { name: 'New case' })
  await dialog.getByLabel('Case number').fill('E-2026-1')
  await dialog.getByLabel('Title').fill('Electron smoke')
  await dialog.getByLabel('Examiner').fill('DC Electron')
  await dialog.getByRole('button', { name: 'Create case' }).click()
  await expect(win.getByTestId('case-header')).toContainText('E-2026-1')

  // The native dialog is stubbed in main to answer with our sample, as a user picking it would.
  await electronApp.evaluate(({ dialog: d }, path) => {
    d.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof d.showOpenDialog
  }, SAMPLE)
  await win.getByRole('button', { name: 'Add evidence…' }).first().click()
  const add = win.getByRole('dialog', { name: 'Add evidence' })
  await add.getByRole('button', { name: /Choose files/ }).click()
  await expect(add.getByText('small-export.csv')).toBeVisible()
  await add.getByRole('button', { name: 'Add to locker' }).click()
  const sha = createHash('sha256').update(readFileSync(SAMPLE)).digest('hex')
  await expect(win.locator(`tr[data-sha256="${sha}"] .ct-hash__value`)).toHaveText(sha)
  // A picked file is the user's own: it is read, never moved or deleted.
  expect(readFileSync(SAMPLE).length).toBeGreaterThan(0)
})
