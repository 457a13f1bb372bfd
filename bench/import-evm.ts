/**
 * Etherscan-CSV import throughput (issue 4): N generated rows in the 2024 "Txhash/DateTime (UTC)" normal layout
 * imported through the real pipeline (locker copy + SHA-256, streamed CSV, row mapping with exact amounts, the
 * transfer sink with dedup, one transaction, audit, closing checkpoint), against a bare better-sqlite3 load of the
 * same rows into the same (migration 0009) table the fastest plain way: secondary indexes dropped, 50-row INSERT
 * statements, indexes rebuilt, one transaction (only the SQLite work is timed). Peak RSS sampled every 250 ms; two file sizes show whether memory
 * is flat in file size. CPU seconds (every thread, the parse worker's included) are printed too: on a shared
 * machine they move less than wall time. Files of 16 MiB and more are parsed in the parse worker; run with
 * CHAINTRAIL_PARSE_WORKER=0 for the one-thread figure.
 * Goal: ≥ 100k rows/s.
 *   node --import tsx bench/import-evm.ts [rows=1000000]
 */
import { createHash } from 'node:crypto'
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createCase } from '../src/core/case/case-folder'
import { createCore } from '../src/core/core'
import { txKey } from '../src/core/importers/accounts/tx-key'
import { m0004 } from '../src/core/store/migrations/0004-accounts'
import { buildIndexes } from '../src/core/store/index-build'
import { ACCT_TRANSFER_INDEXES, m0007 } from '../src/core/store/migrations/0007-acct-bulk'
import { m0009 } from '../src/core/store/migrations/0009-acct-narrow'

const rows = Number(process.argv[2] ?? 1_000_000)
const dir = mkdtempSync(join(tmpdir(), 'ct-bench-evm-'))

function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250)
  return {
    stop() {
      clearInterval(t)
      return Math.max(peak, process.memoryUsage().rss) / 2 ** 20
    }
  }
}

const HEADER = '"Txhash","Blockno","UnixTimestamp","DateTime (UTC)","From","To","ContractAddress","Value_IN(ETH)","Value_OUT(ETH)","CurrentValue @ $2264.03996675132/Eth","TxnFee(ETH)","TxnFee(USD)","Historical $Price/Eth","Status","ErrCode","Method"\n'
const pool = Array.from({ length: 1000 }, (_, i) => '0x' + createHash('sha256').update('a' + i).digest('hex').slice(0, 40))
const hex64 = (i: number) => '0x' + i.toString(16).padStart(16, '0') + createHash('md5').update(String(i)).digest('hex') + '0'.repeat(16)

function row(i: number): string {
  const t = 1_600_000_000 + i * 12
  const d = new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ')
  const inbound = i % 2 === 0
  const v = `${i % 50}.${String(i * 7919 % 1e9).padStart(9, '0')}`
  const failed = i % 40 === 0
  return `"${hex64(i)}","${10_000_000 + (i >> 4)}","${t}","${d}","${pool[i % 1000]}","${pool[(i * 7 + 1) % 1000]}","","${inbound ? v : '0'}","${inbound ? '0' : v}","1","0.000${(i % 9000) + 1000}","1","1","${failed ? 'Error(0)' : ''}","${failed ? 'Reverted' : ''}","Transfer"\n`
}

async function writeFile(path: string, n: number): Promise<number> {
  const out = createWriteStream(path)
  out.write(HEADER)
  let buf = ''
  for (let i = 0; i < n; i++) {
    buf += row(i)
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()))
      buf = ''
    }
  }
  out.write(buf)
  await new Promise<void>((r) => out.end(() => r()))
  return statSync(path).size
}

async function importRun(n: number): Promise<{ secs: number; cpu: number; peak: number; bytes: number; db: string }> {
  const file = join(dir, `evm-${n}.csv`)
  const bytes = await writeFile(file, n)
  const root = mkdtempSync(join(dir, 'lib-'))
  const caseDir = join(root, 'case')
  const h = createCase(caseDir, { title: 'bench', caseNumber: 'B-1', examiner: 'bench' })
  const caseId = h.meta().id
  h.close()
  const core = createCore({ casesRoot: root })
  core.state.openPath(caseDir)
  if (global.gc) global.gc()
  const rss = rssSampler()
  const t0 = process.hrtime.bigint()
  const c0 = process.cpuUsage()
  const { results } = await core.invoke('imports.run', { caseId, files: [{ uploadId: core.state.stage({ path: file, originalName: `evm-${n}.csv`, owned: false }) }], options: { chain: 'eth' } })
  const secs = Number(process.hrtime.bigint() - t0) / 1e9
  const cu = process.cpuUsage(c0)
  const peak = rss.stop()
  if (results[0].counts['transfers.native.new'] !== n) throw new Error(`expected ${n} transfers, got ${JSON.stringify(results[0].counts)}`)
  core.close()
  return { secs, cpu: (cu.user + cu.system) / 1e6, peak, bytes, db: join(caseDir, 'case.sqlite') }
}

/**
 * The same rows straight into the same table the fastest plain way: the floor any importer stands on. Rows are
 * made 50,000 at a time outside the clock (hashing txids and formatting amounts is the bench's work, not the
 * load's), so only SQLite's part is timed: secondary indexes dropped, 50-row INSERTs, indexes rebuilt, commit,
 * checkpoint. The table is the current schema's (migrations 0004 → 0007 → 0009), every column the import writes.
 */
function bareInsert(n: number): { secs: number; cpu: number } {
  const db = new Database(join(dir, 'bare.sqlite'))
  // The page size a new case gets (store/db.ts), so the bare load writes the same pages.
  db.pragma('page_size = 16384')
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  // Same page cache as the transfer sink sets for imports, so the ratio compares like with like.
  db.pragma('cache_size = -65536')
  db.exec('CREATE TABLE evidence (id INTEGER PRIMARY KEY); CREATE TABLE imports (id INTEGER PRIMARY KEY); INSERT INTO evidence VALUES (1); INSERT INTO imports VALUES (1);')
  m0004.up(db)
  m0007.up(db)
  m0009.up(db)
  const ROWS = 50
  const PER = 11
  const one = "(?, NULL, 'eth', ?, NULL, ?, ?, ?, ?, NULL, ?, ?, NULL, 0, ?, ?, 'Transfer', 0, NULL, 1, ?, NULL, 1)"
  const cols = '(tkey, occ, network, txid, idx_text, block, time, from_addr, to_addr, asset_text, amount, attempted_amount, amount_text, amount_lossy, fee, status_n, method, kind_n, token_id, evidence_id, line, loc, import_id)'
  const many = db.prepare('INSERT INTO acct_transfers ' + cols + ' VALUES ' + Array(ROWS).fill(one).join(', '))
  const single = db.prepare('INSERT INTO acct_transfers ' + cols + ' VALUES ' + one)
  let secs = 0
  let cpu = 0
  const timed = (f: () => void) => {
    const t0 = process.hrtime.bigint()
    const c0 = process.cpuUsage()
    f()
    const cu = process.cpuUsage(c0)
    cpu += (cu.user + cu.system) / 1e6
    secs += Number(process.hrtime.bigint() - t0) / 1e9
  }
  timed(() => db.exec('BEGIN IMMEDIATE; DROP INDEX acct_transfers_tkey; DROP INDEX acct_transfers_from; DROP INDEX acct_transfers_to'))
  for (let from = 0; from < n; from += 50_000) {
    const args: unknown[] = []
    for (let i = from; i < Math.min(n, from + 50_000); i++) {
      const txid = hex64(i)
      const amount = String(BigInt(i % 50) * 10n ** 18n + BigInt(i * 7919 % 1e9) * 10n ** 9n)
      // Same values the generated CSV gives (every 40th row failed: amount 0, as the importer stores it).
      const failed = i % 40 === 0
      args.push(txKey('eth', txid), txid, 10_000_000 + (i >> 4), 1_600_000_000 + i * 12, pool[i % 1000], pool[(i * 7 + 1) % 1000], failed ? '0' : amount, failed ? amount : null, String((i % 9000) + 1000) + '00000000000', failed ? 1 : 0, i + 2)
    }
    timed(() => {
      let i = 0
      for (; i + ROWS * PER <= args.length; i += ROWS * PER) many.run(args.slice(i, i + ROWS * PER))
      for (; i < args.length; i += PER) single.run(args.slice(i, i + PER))
    })
  }
  timed(() => {
    buildIndexes(db, ACCT_TRANSFER_INDEXES)
    db.exec('COMMIT')
    db.pragma('wal_checkpoint(TRUNCATE)')
  })
  db.close()
  return { secs, cpu }
}

/** Rows of the bare load that differ from the import's, every 97th row compared in every column: must be 0. */
function sameRows(importDb: string): number {
  const db = new Database(join(dir, 'bare.sqlite'), { readonly: true })
  db.prepare('ATTACH DATABASE ? AS imp').run(importDb)
  const cols = 'id, tkey, match_key, network, txid, idx, block, time, from_addr, to_addr, asset, amount, amount_key, attempted_amount, amount_text, amount_lossy, fee, status, method, kind, token_id, locator'
  const n = db.prepare('SELECT count(*) FROM (SELECT ' + cols + ' FROM main.acct_transfers WHERE id % 97 = 0 EXCEPT SELECT ' + cols + ' FROM imp.acct_transfers WHERE id % 97 = 0)').pluck().get() as number
  db.close()
  return n
}

try {
  console.log(`machine: node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`)
  const small = await importRun(Math.floor(rows / 4))
  const big = await importRun(rows)
  const bare = bareInsert(rows)
  const differ = sameRows(big.db)
  if (differ) throw new Error(`the bare load's rows differ from the import's in ${differ} sampled rows`)
  const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en')
  const cpu = (n: number, s: number) => `CPU (all threads) ${s.toFixed(1)} s (${rate(n, s)} rows per CPU-second)`
  console.log(`import ${Math.floor(rows / 4).toLocaleString('en')} rows (${(small.bytes / 2 ** 20).toFixed(0)} MiB): ${small.secs.toFixed(1)} s, ${rate(rows / 4, small.secs)} rows/s, ${cpu(rows / 4, small.cpu)}, peak RSS ${small.peak.toFixed(0)} MB`)
  console.log(`import ${rows.toLocaleString('en')} rows (${(big.bytes / 2 ** 20).toFixed(0)} MiB): ${big.secs.toFixed(1)} s, ${rate(rows, big.secs)} rows/s, ${cpu(rows, big.cpu)}, peak RSS ${big.peak.toFixed(0)} MB`)
  console.log(`bare better-sqlite3 load of the same ${rows.toLocaleString('en')} rows (same table, indexes dropped, 50-row INSERTs, indexes rebuilt, checkpoint): ${bare.secs.toFixed(1)} s, ${rate(rows, bare.secs)} rows/s, ${cpu(rows, bare.cpu)}`)
  console.log('bare load rows checked against the import (every 97th row, every column): identical')
  console.log(`import/bare ratio: ${(bare.secs / big.secs).toFixed(2)} wall, ${(bare.cpu / big.cpu).toFixed(2)} CPU`)
  console.log(`peak RSS growth from ${Math.floor(rows / 4).toLocaleString('en')} to ${rows.toLocaleString('en')} rows: ${(big.peak - small.peak).toFixed(0)} MB`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
