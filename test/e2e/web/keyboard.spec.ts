import { expect, test } from './fixtures'
import { reopen, seedCases } from './helpers'

test('a case opens with the keyboard alone, and every step shows a focus ring', async ({ page, host, core }) => {
  await seedCases(core)
  await reopen(page, host.url)
  await expect(page.getByTestId('case-library').locator('[data-case-row]')).toHaveCount(3)

  // Tab forward until a case row has focus (never more than the controls before the table).
  let focused = ''
  for (let i = 0; i < 12 && !focused; i++) {
    await page.keyboard.press('Tab')
    focused = await page.evaluate(() => document.activeElement?.getAttribute('data-case-row') ?? '')
  }
  expect(focused).not.toBe('')
  const row = page.locator(`[data-case-row="${focused}"]`)
  await expect(row).toBeFocused()
  // The focus ring is really drawn (outline from :focus-visible), not just focus moved.
  expect(await row.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid')
  const number = (await row.locator('td').first().innerText()).trim()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('case-header')).toContainText(number)

  // The Add evidence dialog opens and closes from the keyboard; Escape returns without changes.
  await page.getByRole('button', { name: 'Add evidence…' }).first().focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Add evidence' })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // Back to the library by keyboard through the rail.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Case library' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Case library', level: 1 })).toBeVisible()
})

test('the New case dialog is usable from the keyboard: Enter submits, errors are announced on the fields', async ({ page }) => {
  await page.getByRole('button', { name: 'New case' }).first().focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'New case' })
  await expect(dialog.getByLabel('Case number')).toBeFocused()
  await page.keyboard.type('CT-2026-0200')
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('alert').filter({ hasText: 'a title is required' })).toBeVisible()
  await dialog.getByLabel('Examiner').fill('DC Keys')
  await dialog.getByLabel('Title').fill('Keyboard-created case')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('case-header')).toContainText('CT-2026-0200')
})
