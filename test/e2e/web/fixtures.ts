import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { startDevHost, type DevHost } from '../../../src/cli/devhost/server'
import type { Core } from '../../../src/core/core'

/** What every web e2e test gets: a dev host on a fresh cases root and a page already at its tokened URL. */
export interface WebFixtures {
  host: DevHost
  /** The temporary cases root the host serves. */
  casesRoot: string
  /** The host's own core, for setting up or checking state from the test side. */
  core: Core
  /** Page opened at the tokened URL, with the app shell rendered. */
  page: Page
  /** Content-Security-Policy violations reported by every page of this test (expected empty). */
  cspViolations: string[]
}

export const test = base.extend<WebFixtures>({
  casesRoot: async ({}, use) => {
    const parent = mkdtempSync(join(tmpdir(), 'ct-e2e-'))
    // Named like the real default so screenshots show a believable path.
    const dir = join(parent, 'Chaintrail Cases')
    mkdirSync(dir)
    await use(dir)
    rmSync(parent, { recursive: true, force: true })
  },
  host: async ({ casesRoot }, use) => {
    const host = await startDevHost({ casesRoot, port: 0 })
    await use(host)
    await host.close()
  },
  core: async ({ host }, use) => {
    await use(host.core)
  },
  cspViolations: [
      async ({}, use) => {
      await use([])
    },
    { scope: 'test' }
  ],
  page: async ({ page, host, cspViolations }, use) => {
    // Record CSP violations from the first script on, before the app's own code runs.
    await page.exposeFunction('__ctCspViolation', (v: string) => cspViolations.push(v))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e: SecurityPolicyViolationEvent) => {
        void (window as unknown as { __ctCspViolation(v: string): void }).__ctCspViolation(`${e.violatedDirective} ${e.blockedURI}`)
      })
    })
    await page.goto(host.url)
    await expect(page.getByTestId('app-ready')).toBeAttached()
    await use(page)
  }
})

export { expect }
