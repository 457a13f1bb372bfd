import { expect, test } from './fixtures'

test('the app loads through the dev host, keeps no token in the URL, and breaks no CSP rule', async ({ page, host, cspViolations }) => {
  await expect(page.getByRole('heading', { name: 'Chaintrail' })).toBeVisible()
  // The token was taken from the fragment and stripped from the address bar/history.
  expect(page.url()).toBe(`${host.origin}/`)
  expect(cspViolations).toEqual([])
})
