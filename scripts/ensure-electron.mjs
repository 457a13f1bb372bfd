// `npm start` needs Electron's binary, which `npm install` does not fetch (allowScripts keeps electron's
// postinstall off so installs work offline), and better-sqlite3 built for Electron's ABI. Get both lazily here
// and say clearly, in one sentence, when that is impossible.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const pkgDir = dirname(require.resolve('electron/package.json'))
const pathFile = join(pkgDir, 'path.txt')
const have = () => existsSync(pathFile) && existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim()))
const native = join(repo, 'build', 'native', 'electron', 'better_sqlite3.node')
const FALLBACK = 'Run `npm run web` for the same UI in a browser on this machine.'

if (!have()) {
  console.log('Electron binary not installed yet; fetching it once (needs internet)…')
  const r = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } })
  if (r.status !== 0 || !have()) {
    console.error(`No Electron binary here and it cannot be downloaded (offline?). ${FALLBACK}`)
    process.exit(1)
  }
}
if (!existsSync(native)) {
  const r = spawnSync(process.execPath, [join(repo, 'scripts', 'build-native-electron.mjs')], { stdio: 'inherit' })
  if (r.status !== 0 || !existsSync(native)) {
    console.error(`The Electron build of better-sqlite3 is missing and cannot be made here (needs internet for Electron headers). ${FALLBACK}`)
    process.exit(1)
  }
}
