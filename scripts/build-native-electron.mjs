// Build better-sqlite3 for Electron's ABI into build/native/electron/, beside (never instead of) the Node build
// that `npm ci` made, so `npm test` keeps working after `npm start` (TOOLCHAIN §10). Needs internet once for
// Electron's headers. The main process loads the result through better-sqlite3's `nativeBinding` option.
import { cpSync, existsSync, mkdirSync, mkdtempSync, copyFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const target = join(repo, 'build', 'native', 'electron', 'better_sqlite3.node')
const electronVersion = require('electron/package.json').version
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'))

function findNodeGyp() {
  const candidates = [join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')]
  try {
    candidates.unshift(require.resolve('node-gyp/bin/node-gyp.js'))
  } catch {
    /* not a direct dependency; use npm's copy */
  }
  return candidates.find((c) => existsSync(c))
}

const gyp = findNodeGyp()
if (!gyp) {
  console.error('node-gyp not found (it ships with npm); cannot build better-sqlite3 for Electron.')
  process.exit(1)
}
const work = mkdtempSync(join(tmpdir(), 'ct-sqlite-electron-'))
try {
  cpSync(sqliteDir, work, { recursive: true, filter: (src) => !/^(build|node_modules)(\/|$)/.test(relative(sqliteDir, src)) })
  // A machine-wide `nodedir` (TOOLCHAIN pitfall 1) would silently compile against Node's headers: drop it.
  const env = { ...process.env }
  for (const k of Object.keys(env)) if (k.toLowerCase() === 'npm_config_nodedir') delete env[k]
  console.log(`Building better-sqlite3 for Electron ${electronVersion}…`)
  const r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit', env })
  const built = join(work, 'build', 'Release', 'better_sqlite3.node')
  if (r.status !== 0 || !existsSync(built)) {
    console.error('Could not build better-sqlite3 for Electron (Electron headers need internet access).')
    process.exit(1)
  }
  mkdirSync(dirname(target), { recursive: true })
  copyFileSync(built, target)
  console.log(`Wrote ${target}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
