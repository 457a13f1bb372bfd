import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page, TestInfo } from '@playwright/test'
import type { Core } from '../../../src/core/core'

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
// ../shared beside a checkout; worktrees sit one level deeper (wt/<name>), so look there too.
const SHARED = [process.env.CHAINTRAIL_SHARED_FIXTURES, resolve(REPO, '..', 'shared', 'fixtures'), resolve(REPO, '..', '..', 'shared', 'fixtures')].find((d) => d && existsSync(d)) ?? ''

/** A real explorer export when the shared samples are beside the checkout, else our small authored one. */
export function evidenceSample(rel = 'explorer-formats/etherscan-csv/etherscan_export-0x46cf7ddb_normal-txs.csv'): { path: string; name: string } {
  const real = join(SHARED, rel)
  const path = existsSync(real) ? real : join(REPO, 'test', 'fixtures', 'ui', 'small-export.csv')
  return { path, name: basename(path) }
}

/** SHA-256 of a file as lower-case hex, computed independently of the app. */
export function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

/** Cases a real library would hold, created through the contract (as the CLI would). */
export async function seedCases(core: Core): Promise<void> {
  const seed = [
    { caseNumber: 'CT-2026-0098', title: 'Ransomware payments to Lazarus-linked cluster', examiner: 'DS Amira Patel', agency: 'Regional Cyber Crime Unit', jurisdiction: 'England & Wales' },
    { caseNumber: 'CT-2026-0117', title: 'Pig-butchering scam — victim USDT on Tron', examiner: 'DC Jonas Weber', agency: 'LKA Baden-Württemberg', jurisdiction: 'DE-BW' },
    { caseNumber: 'CT-2026-0131', title: 'Darknet vendor cash-out via instant exchangers', examiner: 'Inv. Sofia Lindqvist', agency: 'Polisen NOA', jurisdiction: 'SE' }
  ]
  for (const c of seed) await core.invoke('cases.create', c)
}

/**
 * Attach a screenshot to the test output, and save it as docs/screenshots/<name>.png (README uses them) when
 * that file is missing or CHAINTRAIL_UPDATE_SCREENSHOTS=1 (`npm run screenshots`). Times and ids differ on
 * every run, so rewriting the committed PNGs on each `npm test` would only churn the tree and clash in merges.
 */
export async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const png = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' })
  await testInfo.attach(name, { body: png, contentType: 'image/png' })
  const dir = join(REPO, 'docs', 'screenshots')
  const file = join(dir, `${name}.png`)
  if (process.env.CHAINTRAIL_UPDATE_SCREENSHOTS === '1' || !existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, png)
  }
}

/** Load the app afresh at the tokened URL (a bare goto would only change the fragment and not reload). */
export async function reopen(page: Page, url: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(url)
  await page.getByTestId('app-ready').waitFor({ state: 'attached' })
}
