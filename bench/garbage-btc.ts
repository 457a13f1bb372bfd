import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCase } from '../src/core/case/case-folder'
import { createCore } from '../src/core/core'

/**
 * Hostile-input bench (RELIABILITY §4): a 2 GB file of printable garbage (no NUL, so the binary sniff does not
 * catch it) imported with detection and with --format forced. Each must be refused quickly with bounded
 * memory and leave the case as it was. Run: node --import tsx bench/garbage-btc.ts [--gb 2]
 */
const gbArg = process.argv.indexOf('--gb')
const GB = gbArg > 0 ? Number(process.argv[gbArg + 1]) : 2
const root = mkdtempSync(join(tmpdir(), 'ct-bench-garbage-'))
let peak = 0
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250)

async function main(): Promise<void> {
  const file = join(root, 'garbage.json')
  const fd = openSync(file, 'w')
  const block = Buffer.alloc(1 << 20)
  for (let i = 0; i < block.length; i++) block[i] = 0x21 + ((i * 2654435761) >>> 26) % 90
  for (let i = 0; i < GB * 1024; i++) writeSync(fd, block)
  closeSync(fd)
  const dir = join(root, 'case')
  createCase(dir, { title: 'g', caseNumber: 'G-1', examiner: 'bench' }).close()
  const core = createCore({ casesRoot: root })
  const caseId = core.state.openPath(dir).meta().id
  for (const format of [undefined, 'esplora-json', 'blockchair-tsv', 'btc-raw-hex']) {
    peak = process.memoryUsage().rss
    const t = Date.now()
    const msg = await core
      .invoke('imports.run', { caseId, format, files: [{ uploadId: core.state.stage({ path: file, originalName: 'garbage.json', owned: false }) }] })
      .then(
        () => 'ACCEPTED (wrong!)',
        (e: Error & { line?: number; column?: number }) => `${e.line ? `${e.line}:${e.column ?? ''} ` : ''}${e.message.slice(0, 110)}`
      )
    console.log(`${format ?? 'detect'}: refused in ${Date.now() - t} ms, peak RSS ${(peak / 1048576).toFixed(0)} MB — ${msg}`)
  }
  const db = core.state.caseById(caseId).db
  console.log(`case after: ${(db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n} evidence rows, ${(db.prepare('SELECT count(*) AS n FROM btc_tx').get() as { n: number }).n} transactions`)
  core.close()
}

main()
  .catch((e) => {
    console.error(e)
    process.exitCode = 1
  })
  .finally(() => {
    clearInterval(sampler)
    rmSync(root, { recursive: true, force: true })
  })
