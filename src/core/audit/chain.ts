import type { Db } from '../store/db'
import { canonicalJson } from '../util/canonical-json'
import { sha256Hex } from '../util/hash'
import { nowIso, osUser, utcOffset } from '../util/clock'
import { APP_VERSION } from '../version'

/** prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64)

/** One audit entry as stored and hashed. */
export interface AuditRecord {
  seq: number
  time: string
  examiner: string
  action: string
  details: unknown
  context: AuditContext
  prevHash: string
  hash: string
}

/** Who/what/where facts recorded with every entry (RELIABILITY §2 "contemporaneous record"). */
export interface AuditContext {
  osUser: string
  utcOffset: string
  appVersion: string
  schemaVersion: number
}

/**
 * hash = SHA-256 over the RFC 8785 canonical JSON of the entry without its hash (prevHash included), so any
 * change to any field or to the order of entries breaks the chain from that entry on.
 */
export function entryHash(e: Omit<AuditRecord, 'hash'>): string {
  return sha256Hex(
    canonicalJson({ seq: e.seq, time: e.time, examiner: e.examiner, action: e.action, details: e.details, context: e.context, prevHash: e.prevHash })
  )
}

/**
 * Append one entry. Must run inside the same transaction as the change it records. Also moves the chain head
 * kept in case_meta, so that truncating the tail of the log is noticed too.
 */
export function appendAudit(db: Db, examiner: string, action: string, details: unknown): AuditRecord {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined
  const context: AuditContext = {
    osUser: osUser(),
    utcOffset: utcOffset(),
    appVersion: APP_VERSION,
    schemaVersion: Number(db.pragma('user_version', { simple: true }))
  }
  const base = {
    seq: (last?.seq ?? 0) + 1,
    time: nowIso(),
    examiner,
    action,
    // Round-trip through JSON so what is hashed is exactly what is stored and later re-read.
    details: JSON.parse(JSON.stringify(details ?? {})) as unknown,
    context,
    prevHash: last?.hash ?? GENESIS_HASH
  }
  const rec: AuditRecord = { ...base, hash: entryHash(base) }
  db.prepare(
    'INSERT INTO audit_log (seq, time, examiner, action, details, context, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
  ).run(rec.seq, rec.time, rec.examiner, rec.action, canonicalJson(rec.details), canonicalJson(rec.context), rec.prevHash, rec.hash)
  db.prepare('UPDATE case_meta SET audit_head_seq = ?, audit_head_hash = ? WHERE singleton = 1').run(rec.seq, rec.hash)
  return rec
}

interface AuditRow {
  seq: number
  time: string
  examiner: string
  action: string
  details: string
  context: string
  prev_hash: string
  hash: string
}

function fromRow(r: AuditRow): AuditRecord {
  return {
    seq: r.seq,
    time: r.time,
    examiner: r.examiner,
    action: r.action,
    details: JSON.parse(r.details) as unknown,
    context: JSON.parse(r.context) as AuditContext,
    prevHash: r.prev_hash,
    hash: r.hash
  }
}

/** Page through the log. */
export function listAudit(db: Db, offset: number, limit: number, newestFirst: boolean): { total: number; entries: AuditRecord[] } {
  const total = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n
  const sql = newestFirst
    ? 'SELECT * FROM audit_log ORDER BY seq DESC LIMIT ? OFFSET ?'
    : 'SELECT * FROM audit_log ORDER BY seq ASC LIMIT ? OFFSET ?'
  const rows = db.prepare(sql).all(limit, offset) as AuditRow[]
  return { total, entries: rows.map(fromRow) }
}

/** Outcome of a chain verification. */
export interface AuditVerification {
  ok: boolean
  count: number
  head: string | null
  firstBadSeq: number | null
  reason: string | null
}

/**
 * Recompute the whole chain in seq order and name the first entry that does not hold: a wrong seq (gap or
 * insertion), a prevHash that is not the previous hash, a hash that does not match the content, unreadable
 * JSON, or a tail that does not reach the head recorded in case_meta.
 */
export function verifyAudit(db: Db): AuditVerification {
  let prev = GENESIS_HASH
  let expectedSeq = 1
  let count = 0
  const bad = (seq: number, reason: string): AuditVerification => ({ ok: false, count, head: null, firstBadSeq: seq, reason })
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY seq ASC').iterate() as Iterable<AuditRow>) {
    if (r.seq !== expectedSeq) return bad(Math.min(r.seq, expectedSeq), `expected entry ${expectedSeq}, found ${r.seq} (an entry was removed or inserted)`)
    let rec: AuditRecord
    try {
      rec = fromRow(r)
    } catch {
      return bad(r.seq, 'details or context are not valid JSON')
    }
    if (rec.prevHash !== prev) return bad(r.seq, 'prevHash does not match the previous entry')
    if (entryHash(rec) !== rec.hash) return bad(r.seq, 'content does not match its hash (the entry was altered)')
    prev = rec.hash
    expectedSeq++
    count++
  }
  const meta = db.prepare('SELECT audit_head_seq AS seq, audit_head_hash AS hash FROM case_meta').get() as { seq: number; hash: string } | undefined
  if (meta && (meta.seq !== count || (count > 0 && meta.hash !== prev))) {
    return { ok: false, count, head: prev, firstBadSeq: Math.min(count + 1, meta.seq || 1), reason: `the log ends at entry ${count} but the case records its head at entry ${meta.seq} (entries were removed from the end)` }
  }
  return { ok: true, count, head: count ? prev : null, firstBadSeq: null, reason: null }
}
