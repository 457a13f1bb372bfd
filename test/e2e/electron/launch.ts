import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const NATIVE = join(REPO, 'build', 'native', 'electron', 'better_sqlite3.node')

/** Path of the Electron binary when it is installed, else undefined. */
function electronBinary(): string | undefined {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const rel = readFileSync(join(dir, 'path.txt'), 'utf8').trim()
    const bin = join(dir, 'dist', rel)
    return existsSync(bin) ? bin : undefined
  } catch {
    return undefined
  }
}

/**
 * Why the Electron suite cannot run here, or undefined when it can. Named precisely so a skipped run says what
 * to install (TOOLCHAIN §8 pitfall 1, §10).
 */
export function electronSkipReason(): string | undefined {
  if (!electronBinary()) return 'no Electron binary installed (run `npm start` once with internet access, or `node node_modules/electron/install.js`)'
  if (!existsSync(NATIVE)) return `no Electron build of better-sqlite3 at ${NATIVE} (run \`node scripts/build-native-electron.mjs\` with internet access)`
  if (!existsSync(join(REPO, 'out', 'main', 'index.js'))) return 'the app is not built (run `npm run build`)'
  return undefined
}

const reason = electronSkipReason()
// Say it once in the run's output, not only in the report's annotations.
if (reason) console.log(`Electron e2e tests skip: ${reason}`)

/** Fixtures: the launched app and its first window, on a temporary cases root. */
export const test = base.extend<{ electronApp: ElectronApplication; win: Page }>({
  electronApp: async ({}, use) => {
    const casesRoot = mkdtempSync(join(tmpdir(), 'ct-electron-cases-'))
    const app = await _electron.launch({
      executablePath: electronBinary(),
      args: [REPO],
      cwd: REPO,
      env: { ...process.env, CHAINTRAIL_CASES_ROOT: casesRoot, ELECTRON_ENABLE_LOGGING: '1' }
    })
    await use(app)
    await app.close()
    rmSync(casesRoot, { recursive: true, force: true })
  },
  win: async ({ electronApp }, use) => {
    const w = await electronApp.firstWindow()
    await w.getByTestId('app-ready').waitFor({ state: 'attached' })
    await use(w)
  }
})

export { expect } from '@playwright/test'
