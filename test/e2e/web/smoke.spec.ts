import { expect, test } from './fixtures'

test('the app loads through the dev host, keeps no token in the URL, and breaks no CSP rule', async ({ page, host, cspViolations }) => {
  await expect(page.getByRole('heading', { name: 'Case library' })).toBeVisible()
  // The token was taken from the fragment and stripped from the address bar/history.
  expect(page.url()).toBe(`${host.origin}/`)
  await expect(page.getByText('No cases yet')).toBeVisible()
  expect(cspViolations).toEqual([])
})

test('a change made by another client reaches the page over the events WebSocket', async ({ page, host }) => {
  await expect(page.getByText('No cases yet')).toBeVisible()
  // Another client of the same host (say a second browser tab) creates a case through the HTTP contract.
  const res = await fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ method: 'cases.create', input: { caseNumber: 'CT-2026-0400', title: 'Opened elsewhere', examiner: 'DC Remote' } })
  })
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true)
  // No reload: the case-changed event makes the library refresh itself.
  await expect(page.getByRole('row', { name: /CT-2026-0400/ })).toBeVisible()
})

test('without the token the page loads, says how to get in, and reaches no handler', async ({ page, host }) => {
  await page.goto('about:blank')
  const before = host.stats.handled
  await page.goto(`${host.origin}/`)
  await expect(page.getByText('The case library could not be read')).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('opened without its access token')
  expect(host.stats.handled).toBe(before)
})
