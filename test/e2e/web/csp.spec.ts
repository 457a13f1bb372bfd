import { APP_CSP } from '../../../src/shared/csp'
import { expect, test } from './fixtures'
import { reopen, seedCases } from './helpers'

test('the CSP holds: header on every response, no violations in normal use, eval and injected inline script blocked', async ({ page, host, core, cspViolations }) => {
  const responses: Array<{ url: string; csp: string | null; nosniff: string | null; acao: string | null }> = []
  page.on('response', (r) => {
    const h = r.headers()
    responses.push({ url: r.url(), csp: h['content-security-policy'] ?? null, nosniff: h['x-content-type-options'] ?? null, acao: h['access-control-allow-origin'] ?? null })
  })
  await seedCases(core)
  await reopen(page, host.url)
  // Visit the pages a user sees: the library and an open case's overview.
  await page.getByRole('row', { name: /CT-2026-0098/ }).click()
  await expect(page.getByTestId('evidence-panel')).toBeVisible()
  await expect(page.getByTestId('audit-panel').getByRole('cell', { name: 'case.created' })).toBeVisible()
  expect(cspViolations).toEqual([])

  const fromHost = responses.filter((r) => r.url.startsWith(host.origin))
  expect(fromHost.length).toBeGreaterThan(3)
  for (const r of fromHost) {
    expect(r.csp, r.url).toBe(APP_CSP)
    expect(r.nosniff, r.url).toBe('nosniff')
    expect(r.acao, r.url).toBeNull()
  }

  // Playwright's own evaluate calls are exempt from the eval check (CDP allowUnsafeEvalBlockedByCSP), so the
  // eval runs later from a timer, in the page's ordinary context, as app code would.
  await page.evaluate(() => {
    setTimeout(() => {
      const w = window as unknown as { __ctEval?: string }
      try {
        ;(0, eval)('1')
        w.__ctEval = 'ran'
      } catch (e) {
        w.__ctEval = (e as Error).name
      }
    }, 0)
  })
  await page.waitForFunction(() => (window as unknown as { __ctEval?: string }).__ctEval !== undefined)
  const evalBlocked = (await page.evaluate(() => (window as unknown as { __ctEval?: string }).__ctEval)) === 'EvalError'
  expect(evalBlocked).toBe(true)

  const ran = await page.evaluate(async () => {
    const s = document.createElement('script')
    s.textContent = 'window.__ctInjected = true'
    document.body.append(s)
    const div = document.createElement('div')
    div.innerHTML = '<img src="x" onerror="window.__ctInjected = true">'
    document.body.append(div)
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))
    return (window as unknown as { __ctInjected?: boolean }).__ctInjected === true
  })
  expect(ran).toBe(false)
  // And the blocks were reported, which shows the listener that saw zero violations above was live.
  await expect.poll(() => cspViolations.length).toBeGreaterThan(0)
  expect(cspViolations.some((v) => v.startsWith('script-src'))).toBe(true)
})

test('untrusted text shows hidden bidi and zero-width characters as markers (Trojan Source)', async ({ page, host, core }) => {
  await core.invoke('cases.create', { caseNumber: 'CT-2026-0300', title: 'invoice\u202Efdp.exe', examiner: 'DC\u200BHidden' })
  await reopen(page, host.url)
  const row = page.getByRole('row', { name: /CT-2026-0300/ })
  await expect(row.locator('[data-invisible="U+202E"]')).toHaveText('RLO')
  await expect(row.locator('[data-invisible="U+200B"]')).toHaveText('ZWSP')
  // The override is not obeyed: the text reads in stored order with the marker between.
  await expect(row.locator('.ct-library__title')).toHaveText('invoiceRLOfdp.exe')
  await row.click()
  await expect(page.getByTestId('case-header').locator('[data-invisible="U+202E"]').first()).toBeVisible()
})
