import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { EvidenceItem } from '../../shared/api/areas/evidence'
import { ApiError } from '../../shared/api/errors'
import type { CaseHandle } from '../case/case-folder'
import { assertWritable } from '../store/unit-of-work'
import { nowIso } from '../util/clock'
import { evidenceBySha, insertEvidence } from './evidence-repo'
import { putInLocker, removeFromLocker, type LockerPut, type PutOptions } from './locker'
import type { Db } from '../store/db'

/** Facts about a file as handed over, recorded with its evidence row. */
export interface IncomingFile {
  path: string
  /** Name to record when the path is a staging copy (uploads). */
  originalName?: string
  originalPath?: string
  note?: string
}

/** A file copied into the locker whose record is not yet written. */
export interface PendingEvidence {
  put: LockerPut
  originalName: string
  originalPath: string
  sourceMtime: string | null
  note: string
}

/**
 * Step 1 of receiving evidence, outside any transaction: copy the bytes into the locker (file before row,
 * RELIABILITY D4). Pair with `recordEvidence` inside the unit of work, and `abandonEvidence` if it rolls back.
 */
export async function stageEvidence(c: CaseHandle, f: IncomingFile, opts: PutOptions = {}): Promise<PendingEvidence> {
  assertWritable(c)
  const src = resolve(f.path)
  let st
  try {
    st = statSync(src)
  } catch {
    throw new ApiError('NOT_FOUND', `cannot read ${f.originalName ?? f.path}: no such file`)
  }
  if (!st.isFile()) throw new ApiError('BAD_INPUT', `${f.originalName ?? f.path} is not a regular file`)
  const put = await putInLocker(c.dir, src, opts)
  return {
    put,
    originalName: f.originalName ?? basename(src),
    originalPath: f.originalPath ?? src,
    sourceMtime: f.originalPath ? null : st.mtime.toISOString(),
    note: f.note ?? ''
  }
}

/**
 * Step 2, inside the unit of work: write the evidence row, or find the existing one for identical bytes. A file
 * whose digest is not known yet (locker digestLater) gets a row with a placeholder digest that `nameEvidence`
 * replaces before the unit commits; the caller has made sure no evidence of that size exists (so it cannot turn
 * out to be identical bytes already recorded), and the unique digest column refuses it if it ever did.
 */
export function recordEvidence(db: Db, p: PendingEvidence, examiner: string): { item: EvidenceItem; duplicate: boolean } {
  const existing = p.put.sha256 ? evidenceBySha(db, p.put.sha256) : undefined
  if (existing) return { item: existing, duplicate: true }
  const item = insertEvidence(db, {
    sha256: p.put.sha256 || placeholderDigest(),
    originalName: p.originalName,
    originalPath: p.originalPath,
    size: p.put.size,
    receivedAt: nowIso(),
    examiner,
    note: p.note,
    sourceMtime: p.sourceMtime
  })
  return { item, duplicate: false }
}

/** 64 characters that can never be a SHA-256 in hex (the column's CHECK wants 64), unique per row. */
function placeholderDigest(): string {
  return 'pending:' + randomBytes(28).toString('hex')
}

/** Give a row written with a placeholder digest its real one (same unit of work), once the file has been hashed. */
export function nameEvidence(db: Db, item: EvidenceItem, sha256: string): EvidenceItem {
  if (evidenceBySha(db, sha256)) throw new ApiError('CONFLICT', `${item.originalName} was recorded in this case meanwhile (SHA-256 ${sha256}); nothing was kept: import it again`)
  db.prepare('UPDATE evidence SET sha256 = ? WHERE id = ? AND sha256 = ?').run(sha256, item.id, item.sha256)
  return evidenceBySha(db, sha256)!
}

/** Undo step 1 when the unit of work failed: a locker file this operation created goes away again. */
export function abandonEvidence(c: CaseHandle, p: PendingEvidence): void {
  if (p.put.created && p.put.sha256 && !evidenceBySha(c.db, p.put.sha256)) removeFromLocker(c.dir, p.put.sha256)
}

/** Audit details describing a received file. */
export function evidenceDetails(item: EvidenceItem, duplicate: boolean): Record<string, unknown> {
  return { sha256: item.sha256, originalName: item.originalName, originalPath: item.originalPath, size: item.size, note: item.note, duplicate }
}
