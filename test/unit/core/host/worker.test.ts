import { existsSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { startCoreWorker, type CoreClient } from '../../../../src/core/host/client'
import { REPO_ROOT } from '../../../helpers/fixtures'
import { tmpDir } from '../../../helpers/tmp'

// The same worker Electron's main starts, driven from plain Node: from source (tsx) always, and from the
// electron-vite output when it has been built (npm test builds before running vitest).
const BUILT = join(REPO_ROOT, 'out', 'main', 'core-worker.js')
const variants: Array<[string, () => CoreClient | undefined]> = [
  ['source', () => startCoreWorker(sourceBootstrap(), { casesRoot: root })],
  ['built out/main/core-worker.js', () => (existsSync(BUILT) ? startCoreWorker(BUILT, { casesRoot: root }) : undefined)]
]

/** Node 20 workers refuse a .ts entry even under a loader, so a tiny .mjs registers tsx and imports it. */
function sourceBootstrap(): string {
  const dir = tmpDir('ct-worker-boot-')
  const file = join(dir, 'boot.mjs')
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href
  const worker = pathToFileURL(join(REPO_ROOT, 'src', 'core', 'host', 'worker.ts')).href
  writeFileSync(file, `import { register } from ${JSON.stringify(tsx)}\nregister()\nawait import(${JSON.stringify(worker)})\n`)
  return file
}

let root = ''
let client: CoreClient | undefined
afterEach(async () => {
  await client?.close()
  client = undefined
})

describe.each(variants)('core worker (%s)', (what, start) => {
  it('creates a case, stages and adds evidence, and answers errors as ApiErrors', async (ctx) => {
    root = tmpDir('ct-worker-')
    client = start()
    if (!client) return ctx.skip(`${what}: not built; run npm run build`)
    const created = await client.invoke('cases.create', { title: 'Worker case', caseNumber: 'W-1', examiner: 'DC Worker' })
    const file = join(root, 'export.csv')
    writeFileSync(file, 'a,b\n1,2\n')
    const uploadId = await client.stage(file, 'export.csv', false, file)
    const added = await client.invoke('evidence.add', { caseId: created.id, file: { uploadId }, note: 'from the worker test' })
    expect(added.duplicate).toBe(false)
    // sha256sum of the 8 bytes "a,b\n1,2\n"
    expect(added.item.sha256).toBe('492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470')
    expect(existsSync(file)).toBe(true)
    await expect(client.invoke('files.pick', { purpose: 'evidence', multiple: false })).rejects.toMatchObject({ code: 'UNSUPPORTED' })
    await expect(client.invoke('cases.info', { caseId: 'nope' })).rejects.toMatchObject({ code: 'BAD_INPUT' })
  })
})
