import { closeSync, fsyncSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createCase } from '../src/core/case/case-folder'
import { createCore } from '../src/core/core'
import { writeEsploraFile } from './lib/esplora-gen'
import { buildIndexes } from '../src/core/store/index-build'
import { commitWithoutCheckpoint, settleBackgroundCheckpoints } from '../src/core/store/background-checkpoint'

/**
 * Bench: N synthetic Esplora txs (default 1,000,000; `--n 100000` for a quick run) → JSON file → the real import
 * pipeline (locker copy + hash, streaming parse — in a worker thread for files ≥ 16 MB —, dedup sink, input
 * resolution, address aggregates, one commit; the WAL checkpoint after it, on another thread, timed apart). Prints tx/s, phases, peak RSS sampled every
 * 250 ms, CPU seconds per thread (from /proc, so a busy machine shows up as wall time ≫ CPU time), and the ratio
 * to a bare better-sqlite3 load of the same rows (the ceiling; see below for what it does).
 * Run: node --import tsx bench/import-btc.ts [--n N] [--pool ADDRESSES] [--keep]   (CHAINTRAIL_IMPORT_CACHE_MB sets both page caches;
 * CHAINTRAIL_PARSE_WORKER=0 parses in-process for comparison)
 */
const arg = (k: string) => {
  const i = process.argv.indexOf(k)
  return i > 0 ? process.argv[i + 1] : undefined
}
const N = Number(arg('--n') ?? 1_000_000)
// Distinct addresses in the file (default 20,000; real data reuses addresses far less: try --pool N*2).
const POOL = Number(arg('--pool') ?? 20_000)
const root = mkdtempSync(join(tmpdir(), 'ct-bench-btc-'))
let peak = 0
// CPU seconds per thread (utime + stime from /proc/self/task/*/stat), kept at their last sampled value so a
// worker that has exited still counts.
const threadCpu = new Map<string, { name: string; ticks: number }>()
function sampleThreads(): void {
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8')
      const close = stat.lastIndexOf(')')
      const f = stat.slice(close + 2).split(' ')
      threadCpu.set(tid, { name: stat.slice(stat.indexOf('(') + 1, close), ticks: Number(f[11]) + Number(f[12]) })
    }
  } catch {
    // not Linux: no per-thread figures
  }
}
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss)
  sampleThreads()
}, 250)
const mb = (b: number) => (b / 1048576).toFixed(0) + ' MB'

async function main(): Promise<void> {
  const file = join(root, 'esplora.json')
  let t = Date.now()
  const bytes = await writeEsploraFile(file, N, POOL)
  // Written back to disk before the clock starts: an evidence file is not still being written when it is imported,
  // and the generator's write-back would otherwise share the disk with the locker copy and its fsync.
  const fd = openSync(file, 'r')
  fsyncSync(fd)
  closeSync(fd)
  console.log(`generated ${N} txs (${POOL.toLocaleString('en')} distinct addresses), ${mb(bytes)} in ${((Date.now() - t) / 1000).toFixed(1)} s (fsynced)`)
  peak = process.memoryUsage().rss
  const rssStart = peak
  const dir = join(root, 'case')
  createCase(dir, { title: 'bench', caseNumber: 'B-1', examiner: 'bench' }).close()
  const core = createCore({ casesRoot: root })
  const h = core.state.openPath(dir)
  const caseId = h.meta().id
  sampleThreads()
  const cpuBefore = new Map([...threadCpu].map(([k, v]) => [k, v.ticks]))
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
  sampleThreads()
  const cpu = [...threadCpu].map(([tid, v]) => ({ tid, name: v.name, s: (v.ticks - (cpuBefore.get(tid) ?? 0)) / 100 })).filter((x) => x.s >= 0.2).sort((a, b) => b.s - a.s)
  // The import returns once committed (durable); its WAL is folded into the database file on another thread
  // (store/background-checkpoint.ts). Waited for here, with its own figure, so it does not overlap the bare load.
  const [ckpt] = await settleBackgroundCheckpoints()
  const counts = r.counts
  core.close()
  console.log(`pipeline: ${counts['transactions.new']} txs, ${counts['inputs.new']} inputs, ${counts['outputs.new']} outputs in ${secs.toFixed(1)} s`)
  console.log(`  phases: to first 2,000 records (worker start, or locker hash) ${((firstProgress - t) / 1000).toFixed(1)} s, parse + store ${((parsed - firstProgress) / 1000).toFixed(1)} s, finish + commit ${((t + secs * 1000 - parsed) / 1000).toFixed(1)} s`)
  console.log(`  then, after the import returned: WAL folded into the database file on another thread in ${ckpt ? (ckpt.ms / 1000).toFixed(1) + ' s (' + (ckpt.ok ? 'complete' : 'incomplete: ' + (ckpt.error ?? 'busy')) + ')' : '(none started)'}`)
  console.log(`  ${Math.round(N / secs).toLocaleString('en')} tx/s, ${(bytes / 1048576 / secs).toFixed(0)} MB/s; peak RSS ${mb(peak)} (start ${mb(rssStart)})`)
  const main = cpu.find((x) => x.tid === String(process.pid))
  console.log(`  CPU during the import: main thread ${main?.s.toFixed(1) ?? '?'} s; other threads ${cpu.filter((x) => x !== main).map((x) => `${x.name} ${x.s.toFixed(1)} s`).join(', ') || 'none ≥ 0.2 s'} (wall ${secs.toFixed(1)} s)`)

  // The ceiling: the same rows loaded the way a fair bulk loader would, with no parsing, checks or provenance
  // logic: the case's UTXO tables (btc_tx, btc_input, btc_output, btc_address; compact form of migration 0008)
  // created without their secondary indexes, every stored row inserted as stored, in key order, with prepared
  // statements in one transaction (synchronous=FULL, WAL, same page cache as an import), then the same secondary
  // indexes built, COMMIT and a WAL checkpoint.
  const bare = join(root, 'bare.sqlite')
  const db = new Database(bare)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('cache_size = ' + String(-1024 * (Number(process.env.CHAINTRAIL_IMPORT_CACHE_MB) || 128)))
  const TABLES = ['btc_tx', 'btc_input', 'btc_output', 'btc_address']
  const src = new Database(join(dir, 'case.sqlite'), { readonly: true })
  const ddl = src.prepare("SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN (?, ?, ?, ?) ORDER BY type DESC").all(...TABLES) as { type: string; sql: string }[]
  for (const { sql } of ddl.filter((d) => d.type === 'table')) db.exec(sql.replace(/REFERENCES "?\w+"?\(\w+\)/g, ''))
  // Rows are read from the case in chunks of 50,000 (a second, read-only connection) with the clock stopped, so
  // the ceiling neither pays for reading them nor needs them all in memory at once (2M txs would not fit).
  const reads = new Map<string, Database.Statement>()
  const ins = new Map<string, Database.Statement>()
  for (const tb of TABLES) {
    const pk = tb === 'btc_tx' ? 'id' : tb === 'btc_input' ? 'tx_id, idx' : tb === 'btc_output' ? 'tx_id, vout' : 'network, address'
    reads.set(tb, src.prepare('SELECT * FROM ' + tb + ' ORDER BY ' + pk).raw(true).safeIntegers(true))
    const n = (src.prepare('SELECT count(*) AS n FROM pragma_table_info(?)').get(tb) as { n: number }).n
    ins.set(tb, db.prepare('INSERT INTO ' + tb + ' VALUES (' + Array(n).fill('?').join(',') + ')'))
  }
  let insertMs = 0
  db.exec('BEGIN')
  for (const tb of TABLES) {
    const st = ins.get(tb)!
    let chunk: unknown[][] = []
    const flush = () => {
      const a = Date.now()
      for (const r of chunk) st.run(r)
      insertMs += Date.now() - a
      chunk = []
    }
    for (const r of reads.get(tb)!.iterate() as Iterable<unknown[]>) if (chunk.push(r) === 50_000) flush()
    flush()
  }
  t = Date.now()
  buildIndexes(db, ddl.filter((d) => d.type === 'index').map((d) => d.sql))
  // Committed as the import commits: the WAL is fsynced, and folding it into the file is timed apart (as above).
  commitWithoutCheckpoint(db)
  const bareSecs = (insertMs + Date.now() - t) / 1000
  const tc = Date.now()
  db.pragma('wal_checkpoint(TRUNCATE)')
  const bareCkpt = (Date.now() - tc) / 1000
  const bytes0 = db.prepare('SELECT page_count * page_size AS b FROM pragma_page_count(), pragma_page_size()').get() as { b: number }
  db.close()
  src.close()
  console.log(`bare better-sqlite3 load of the same rows (UTXO tables without secondary indexes, stored rows in key order, then the same indexes, COMMIT): ${bareSecs.toFixed(1)} s = ${Math.round(N / bareSecs).toLocaleString('en')} tx/s (inserts ${(insertMs / 1000).toFixed(1)} s; ${mb(bytes0.b)}, ${(bytes0.b / N).toFixed(0)} bytes/tx); then its checkpoint ${bareCkpt.toFixed(1)} s`)
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
