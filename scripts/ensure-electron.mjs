// `npm start` needs Electron's binary, which `npm install` does not fetch (allowScripts keeps electron's
// postinstall off so installs work offline). Fetch it lazily here; say clearly when that is impossible.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'

const require = createRequire(import.meta.url)
const pkgDir = dirname(require.resolve('electron/package.json'))
const pathFile = join(pkgDir, 'path.txt')
const have = () => existsSync(pathFile) && existsSync(join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim()))

if (!have()) {
  console.log('Electron binary not installed yet; fetching it once (needs internet)…')
  const r = spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } })
  if (r.status !== 0 || !have()) {
    console.error('No Electron binary here and it cannot be downloaded (offline?). Run `npm run web` for the same UI in a browser.')
    process.exit(1)
  }
}
