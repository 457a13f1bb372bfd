import { formatUnits } from '../../../shared/domain/amount'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../../store/db'
import { buildIndexes } from '../../store/index-build'
import { ACCT_TRANSFER_INDEXES } from '../../store/migrations/0007-acct-bulk'
import type { ImportRecord, Sink, SinkContext } from '../types'
import { KIND, type TransferRec } from './records'
import { locatorLine } from '../../store/migrations/0009-acct-narrow'
import { INSERT_COLUMNS, INSERT_TRANSFER, lineOf, Occurrences, prepareTransfer, pushInsertArgs, storeTransferRow, type PreparedTransfer } from './transfer-row'

/**
 * Tuning of the bulk path (tests lower `minRows` to run it on small files). A file is loaded in bulk once
 * `minRows` of its transfers are buffered, none of them is already in the case, and the case holds at most
 * `existingPerRow` times the rows the file is estimated to have (`bytesPerRow` per row): rebuilding the indexes
 * costs time in proportion to the whole table, inserting into them costs far more per new row.
 */
export const BULK = { minRows: 20_000, bytesPerRow: 250, existingPerRow: 3 }

/**
 * Per-file state. Transfers are buffered until the file proves large (or ends). A small file, or one that
 * overlaps the case, is stored row by row (storeTransferRow). A large one is appended with the table's secondary
 * indexes dropped, the indexes are rebuilt once at the end of the file, and only the transactions that turn out
 * to meet rows already in the case, or to repeat a match key within the file, are taken out and replayed through
 * the exact row-by-row path. Both ways give the same rows, sources, conflicts and counts.
 */
interface FileState {
  mode: 'pending' | 'row' | 'bulk'
  buffer: PreparedTransfer[]
  occ: Occurrences
  startId: number
  insert?: Statement<unknown[]>
  /** Multi-row insert of ROWS_PER_INSERT rows, and the parameters gathered for the next one. */
  insertMany?: Statement<unknown[]>
  args: unknown[]
  /** Bulk rows appended, by `kind`, `kind.failed`, `kind.lossy` (counted here rather than by scanning them again). */
  counts: Map<string, number>
  /**
   * Transactions that may repeat a match key within the file: a bitmap of the tkeys seen (fixed size, so memory
   * stays flat) and the tkeys seen again after another transaction came between, or as a second native row.
   * Only these are checked in SQL at the end; null once there are too many to be worth it (then every
   * transaction of the file is checked, as a query over the tkey index).
   */
  seen?: Uint32Array
  suspects: Set<number> | null
  prevTkey: number
}

/** Bits of the seen-tkey bitmap (8 MiB) and the most suspects checked one by one. */
const SEEN_BITS = 26
const MAX_SUSPECTS = 100_000

/** Rows per multi-row INSERT in the bulk path (one statement step per 50 rows: about 2 µs a row less). */
const ROWS_PER_INSERT = 50
const files = new WeakMap<SinkContext, FileState>()

function state(ctx: SinkContext): FileState {
  let st = files.get(ctx)
  if (!st) {
    st = { mode: 'pending', buffer: [], occ: new Occurrences(), startId: 0, args: [], counts: new Map(), suspects: new Set(), prevTkey: -1 }
    files.set(ctx, st)
    // Million-row imports touch indexes at random places; SQLite's default 2 MiB page cache then makes every
    // insert a disk read. A fixed 64 MiB cache keeps memory flat in file size while avoiding that.
    if (Number(ctx.db.pragma('cache_size', { simple: true })) > -65536) ctx.db.pragma('cache_size = -65536')
  }
  return st
}

function flushRows(st: FileState, ctx: SinkContext): void {
  for (const p of st.buffer) storeTransferRow(p, ctx, st.occ, p.t.txid)
  st.buffer = []
}

function chooseMode(st: FileState, ctx: SinkContext): void {
  const db = ctx.db
  const existing = (db.prepare('SELECT count(*) AS n FROM acct_transfers').get() as { n: number }).n
  const bytes = (db.prepare('SELECT size FROM evidence WHERE id = ?').get(ctx.evidenceId) as { size: number }).size
  const probe = db.prepare('SELECT 1 FROM acct_transfers WHERE tkey = ? LIMIT 1').pluck()
  const overlaps = existing > 0 && st.buffer.some((p) => probe.get(p.tkey) !== undefined)
  if (overlaps || existing > BULK.existingPerRow * Math.max(st.buffer.length, bytes / BULK.bytesPerRow)) {
    st.mode = 'row'
    flushRows(st, ctx)
    return
  }
  st.mode = 'bulk'
  st.startId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM acct_transfers').get() as { m: number }).m
  db.exec('DROP INDEX acct_transfers_tkey')
  db.exec('DROP INDEX acct_transfers_from')
  db.exec('DROP INDEX acct_transfers_to')
  st.insert = db.prepare(INSERT_TRANSFER)
  const values = INSERT_TRANSFER.slice(INSERT_TRANSFER.indexOf('VALUES') + 'VALUES'.length).trim()
  st.insertMany = db.prepare(INSERT_TRANSFER + (', ' + values).repeat(ROWS_PER_INSERT - 1))
  st.seen = new Uint32Array(1 << (SEEN_BITS - 5))
  for (const p of st.buffer) appendBulk(st, p, ctx)
  st.buffer = []
}

function appendBulk(st: FileState, p: PreparedTransfer, ctx: SinkContext): void {
  const t = p.t
  pushInsertArgs(st.args, p, t.kind === 'native' ? null : st.occ.next(t, t.txid), ctx)
  bump(st.counts, t.kind)
  if (t.status === 'failed') bump(st.counts, t.kind + '.failed')
  if (t.lossy) bump(st.counts, t.kind + '.lossy')
  // A key can only repeat in a transaction met again after another one came between (occurrence numbers restart
  // with each run of a transaction's rows), or in a second native row of one transaction.
  const bit = (p.tkey >>> 0) & ((1 << SEEN_BITS) - 1)
  const seen = st.seen!
  if (seen[bit >>> 5] & (1 << (bit & 31))) {
    if (st.suspects && (p.tkey !== st.prevTkey || t.kind === 'native')) {
      st.suspects.add(p.tkey)
      if (st.suspects.size > MAX_SUSPECTS) st.suspects = null
    }
  } else seen[bit >>> 5] |= 1 << (bit & 31)
  st.prevTkey = p.tkey
  if (st.args.length === ROWS_PER_INSERT * INSERT_COLUMNS) {
    st.insertMany!.run(st.args)
    st.args = []
  }
}

/** Write the rows gathered for the next multi-row insert (before anything reads the table). */
function drainBulk(st: FileState): void {
  for (let i = 0; i < st.args.length; i += INSERT_COLUMNS) st.insert!.run(st.args.slice(i, i + INSERT_COLUMNS))
  st.args = []
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1)
}

/** Transfers that need the exact path after a bulk load: they meet older rows, or repeat a key in the file. */
function markOverlaps(db: Db, startId: number, endId: number, suspects: Set<number> | null): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS acct_replay (tkey INTEGER PRIMARY KEY)')
  db.exec('DELETE FROM temp.acct_replay')
  if (startId > 0) {
    db.prepare('INSERT OR IGNORE INTO temp.acct_replay SELECT n.tkey FROM acct_transfers n WHERE n.id > ? AND n.id <= ? AND EXISTS (SELECT 1 FROM acct_transfers o WHERE o.tkey = n.tkey AND o.id <= ?)').run(startId, endId, startId)
  }
  const repeats = 'SELECT a.tkey FROM acct_transfers a JOIN acct_transfers b ON b.tkey = a.tkey AND b.id > a.id AND b.id <= ? AND b.match_key = a.match_key'
  if (suspects) {
    const one = db.prepare('INSERT OR IGNORE INTO temp.acct_replay ' + repeats + ' WHERE a.tkey = ? AND a.id > ? AND a.id <= ? LIMIT 1')
    for (const k of suspects) one.run(endId, k, startId, endId)
    return
  }
  db.prepare(
    `INSERT OR IGNORE INTO temp.acct_replay
     WITH multi AS (SELECT tkey FROM acct_transfers WHERE id > ? AND id <= ? GROUP BY tkey HAVING count(*) > 1)
     SELECT a.tkey FROM multi JOIN acct_transfers a ON a.tkey = multi.tkey AND a.id > ? AND a.id <= ?
       JOIN acct_transfers b ON b.tkey = a.tkey AND b.id > a.id AND b.id <= ? AND b.match_key = a.match_key`
  ).run(startId, endId, startId, endId, endId)
}

interface StoredRow {
  id: number
  network: string
  txid: string
  idx: string
  block: number | null
  time: number | null
  from_addr: string
  to_addr: string
  asset: string
  amount: string
  attempted_amount: string | null
  amount_text: string | null
  amount_lossy: number
  fee: string | null
  status: 'ok' | 'failed'
  method: string | null
  kind: TransferRec['kind']
  token_id: string | null
  locator: string
}

/** Take a transaction's bulk-loaded rows out and store them again, in file order, the exact way. */
function replay(db: Db, tkey: number, startId: number, endId: number, ctx: SinkContext): void {
  const rows = db.prepare('SELECT * FROM acct_transfers WHERE tkey = ? AND id > ? AND id <= ? ORDER BY id').all(tkey, startId, endId) as StoredRow[]
  db.prepare('DELETE FROM acct_transfers WHERE tkey = ? AND id > ? AND id <= ?').run(tkey, startId, endId)
  const occ = new Occurrences()
  let run = 0
  let prev: StoredRow | undefined
  for (const r of rows) {
    // A run of one transaction's rows ends where another transaction's row sat between them in the file.
    if (prev && (prev.txid !== r.txid || prev.id + 1 !== r.id)) run++
    prev = r
    const t: TransferRec = {
      network: r.network, txid: r.txid, idx: r.idx, block: r.block, time: r.time, from: r.from_addr, to: r.to_addr, asset: r.asset, amount: null,
      amountText: r.amount_text, lossy: r.amount_lossy === 1, fee: r.fee, status: r.status, method: r.method, kind: r.kind, tokenId: r.token_id
    }
    storeTransferRow({ t, tkey, amount: r.amount, attempted: r.attempted_amount, locator: r.locator, line: locatorLine(r.locator) }, ctx, occ, `${r.txid}#${run}`)
  }
}

function finishBulk(st: FileState, ctx: SinkContext): void {
  const db = ctx.db
  drainBulk(st)
  const endId = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM acct_transfers').get() as { m: number }).m
  buildIndexes(db, ACCT_TRANSFER_INDEXES)
  markOverlaps(db, st.startId, endId, st.suspects)
  st.seen = undefined
  // Count the rows that stay before replaying: replayed rows may reuse ids inside the bulk range, and the exact
  // path counts them itself. Every appended row was counted; the ones about to be replayed come off again.
  const replayed = db
    .prepare(
      "SELECT kind, count(*) AS n, sum(status = 'failed') AS failed, sum(amount_lossy) AS lossy FROM acct_transfers WHERE tkey IN (SELECT tkey FROM temp.acct_replay) AND id > ? AND id <= ? GROUP BY kind"
    )
    .all(st.startId, endId) as { kind: string; n: number; failed: number; lossy: number }[]
  const less = new Map<string, number>()
  for (const r of replayed) {
    less.set(r.kind, r.n)
    less.set(r.kind + '.failed', r.failed)
    less.set(r.kind + '.lossy', r.lossy)
  }
  for (const kind of ['internal', 'native', 'nft', 'token']) {
    const left = (k: string) => (st.counts.get(k) ?? 0) - (less.get(k) ?? 0)
    if (left(kind)) ctx.count(`transfers.${kind}.new`, left(kind))
    if (left(kind + '.failed')) ctx.count('transfers.failed', left(kind + '.failed'))
    if (left(kind + '.lossy')) ctx.count('transfers.lossyAtSource', left(kind + '.lossy'))
  }
  const page = db.prepare('SELECT tkey FROM temp.acct_replay WHERE tkey > ? ORDER BY tkey LIMIT 1000').pluck()
  for (let after = -1, keys = page.all(after) as number[]; keys.length; after = keys[keys.length - 1], keys = page.all(after) as number[]) {
    for (const k of keys) replay(db, k, st.startId, endId, ctx)
  }
  db.exec('DELETE FROM temp.acct_replay')
}

/**
 * Store every transfer buffered or held back so far (called before anything reads or rewrites stored amounts
 * in the middle of a file, e.g. decimals stated by a later record).
 */
export function flushTransfers(ctx: SinkContext): void {
  const st = files.get(ctx)
  if (st?.mode === 'pending') flushRows(st, ctx)
  if (st?.mode === 'bulk') drainBulk(st)
}

/** Stores transfers, merging repeated reports of the same transfer and recording disagreements. */
export const transferSink: Sink = {
  kind: KIND.transfer,
  store(record: ImportRecord, ctx: SinkContext) {
    const st = state(ctx)
    const p = prepareTransfer(ctx.db, record.data as TransferRec, ctx, lineOf(record.loc))
    if (st.mode === 'bulk') return appendBulk(st, p, ctx)
    if (st.mode === 'row') return storeTransferRow(p, ctx, st.occ, p.t.txid)
    st.buffer.push(p)
    if (st.buffer.length >= BULK.minRows) chooseMode(st, ctx)
  },
  endFile(ctx: SinkContext) {
    const st = files.get(ctx)
    if (!st) return
    if (st.mode === 'bulk') finishBulk(st, ctx)
    else flushRows(st, ctx)
    files.delete(ctx)
  }
}

/** Whole-token text of base units for messages. */
export function describeAmount(units: bigint, decimals: number | null): string {
  return decimals === null ? `${units} base units` : formatUnits(units, decimals)
}
