import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createCase } from '../src/core/case/case-folder'
import { createCore } from '../src/core/core'
import { writeEsploraFile } from './lib/esplora-gen'

/**
 * Bench: N synthetic Esplora txs (default 1,000,000; `--n 100000` for a quick run) → JSON file → the real import
 * pipeline (locker copy + hash, streaming parse, dedup sink, address aggregates, one commit). Prints tx/s, peak
 * RSS sampled every 250 ms, and the ratio to a bare better-sqlite3 insert of the same rows (the ceiling).
 * Run: node --import tsx bench/import-btc.ts [--n N] [--keep]   (CHAINTRAIL_IMPORT_CACHE_MB sets both page caches)
 */
const arg = (k: string) => {
  const i = process.argv.indexOf(k)
  return i > 0 ? process.argv[i + 1] : undefined
}
const N = Number(arg('--n') ?? 1_000_000)
const root = mkdtempSync(join(tmpdir(), 'ct-bench-btc-'))
let peak = 0
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250)
const mb = (b: number) => (b / 1048576).toFixed(0) + ' MB'

async function main(): Promise<void> {
  const file = join(root, 'esplora.json')
  let t = Date.now()
  const bytes = await writeEsploraFile(file, N)
  console.log(`generated ${N} txs, ${mb(bytes)} in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  peak = process.memoryUsage().rss
  const rssStart = peak
  const dir = join(root, 'case')
  createCase(dir, { title: 'bench', caseNumber: 'B-1', examiner: 'bench' }).close()
  const core = createCore({ casesRoot: root })
  const h = core.state.openPath(dir)
  const caseId = h.meta().id
  t = Date.now()
  // Phase split from the pipeline's progress events: first event ≈ evidence copied + hashed; the event with a
  // total = every record parsed and stored; the rest = finish hooks (input resolution, address aggregates),
  // audit entry, COMMIT and the WAL checkpoint.
  let firstProgress = 0
  let parsed = 0
  const [r] = (
    await core.invoke('imports.run', { caseId, files: [{ uploadId: core.state.stage({ path: file, originalName: 'esplora.json', owned: false }) }] }, (e) => {
      if (!firstProgress) firstProgress = Date.now()
      if (e.total !== null) parsed = Date.now()
    })
  ).results
  const secs = (Date.now() - t) / 1000
  const counts = r.counts
  core.close()
  console.log(`pipeline: ${counts['transactions.new']} txs, ${counts['inputs.new']} inputs, ${counts['outputs.new']} outputs in ${secs.toFixed(1)} s`)
  console.log(`  phases: to first 2,000 records (locker copy + hash) ${((firstProgress - t) / 1000).toFixed(1)} s, parse + store ${((parsed - firstProgress) / 1000).toFixed(1)} s, finish + commit + checkpoint ${((t + secs * 1000 - parsed) / 1000).toFixed(1)} s`)
  console.log(`  ${Math.round(N / secs).toLocaleString('en')} tx/s, ${(bytes / 1048576 / secs).toFixed(0)} MB/s; peak RSS ${mb(peak)} (start ${mb(rssStart)})`)

  // The ceiling: the same rows straight into the same tables with prepared statements, no parsing or checks.
  const bare = join(root, 'bare.sqlite')
  const db = new Database(bare)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  // Same page cache as the pipeline uses during an import, so the ceiling is like for like.
  db.pragma('cache_size = ' + String(-1024 * (Number(process.env.CHAINTRAIL_IMPORT_CACHE_MB) || 128)))
  const schema = new Database(join(dir, 'case.sqlite'), { readonly: true })
  for (const { sql } of schema.prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name LIKE 'btc_%'").all() as { sql: string }[]) db.exec(sql.replace(/REFERENCES \w+\(\w+\)/g, ''))
  schema.close()
  const insTx = db.prepare('INSERT INTO btc_tx (network, txid, block_height, block_hash, block_time, fee, size, weight, version, locktime, confirmed, input_count, output_count, total_out, evidence_id, locator) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)')
  const insIn = db.prepare('INSERT INTO btc_input (tx_id, idx, prev_txid, prev_vout, address, value, sequence, witness, evidence_id, locator) VALUES (?,?,?,?,?,?,?,?,?,?)')
  const insOut = db.prepare('INSERT INTO btc_output (tx_id, vout, address, script_type, script_hex, value, evidence_id, locator) VALUES (?,?,?,?,?,?,?,?)')
  const src = new Database(join(dir, 'case.sqlite'), { readonly: true })
  const txs = src.prepare('SELECT * FROM btc_tx ORDER BY id').raw(false).all() as Record<string, unknown>[]
  const ins = src.prepare('SELECT * FROM btc_input ORDER BY tx_id, idx').all() as Record<string, unknown>[]
  const outs = src.prepare('SELECT * FROM btc_output ORDER BY tx_id, vout').all() as Record<string, unknown>[]
  src.close()
  t = Date.now()
  db.transaction(() => {
    for (const x of txs) insTx.run(x.network, x.txid, x.block_height, x.block_hash, x.block_time, x.fee, x.size, x.weight, x.version, x.locktime, x.confirmed, x.input_count, x.output_count, x.total_out, 1, x.locator)
    for (const x of ins) insIn.run(x.tx_id, x.idx, x.prev_txid, x.prev_vout, x.address, x.value, x.sequence, x.witness, 1, x.locator)
    for (const x of outs) insOut.run(x.tx_id, x.vout, x.address, x.script_type, x.script_hex, x.value, 1, x.locator)
  })()
  const bareSecs = (Date.now() - t) / 1000
  db.close()
  console.log(`bare better-sqlite3 insert of the same rows (same tables and indexes, one transaction): ${bareSecs.toFixed(1)} s = ${Math.round(N / bareSecs).toLocaleString('en')} tx/s`)
  console.log(`ratio pipeline / bare: ${(secs / bareSecs).toFixed(2)}× the time (${((bareSecs / secs) * 100).toFixed(0)}% of the ceiling)`)
  console.log(`file ${mb(statSync(file).size)}; machine: ${(await import('node:os')).cpus().length} cores, node ${process.version}`)
}

main()
  .catch((e) => {
    console.error(e)
    process.exitCode = 1
  })
  .finally(() => {
    clearInterval(sampler)
    if (!process.argv.includes('--keep')) rmSync(root, { recursive: true, force: true })
  })
