import { join } from 'node:path'
import type { EvidenceItem } from '../../shared/api/areas/evidence'
import type { Db } from '../store/db'
import { lockerRelPath } from './locker'

interface EvidenceRow {
  id: number
  sha256: string
  original_name: string
  original_path: string
  size: number
  received_at: string
  examiner: string
  note: string
  source_mtime: string | null
}

function toItem(r: EvidenceRow): EvidenceItem {
  return {
    id: r.id,
    sha256: r.sha256,
    originalName: r.original_name,
    originalPath: r.original_path,
    size: r.size,
    receivedAt: r.received_at,
    examiner: r.examiner,
    note: r.note,
    sourceMtime: r.source_mtime,
    lockerPath: join(lockerRelPath(r.sha256))
  }
}

/** All evidence records, oldest first. */
export function listEvidence(db: Db): EvidenceItem[] {
  return (db.prepare('SELECT * FROM evidence ORDER BY id').all() as EvidenceRow[]).map(toItem)
}

/** One evidence record by SHA-256, if present. */
export function evidenceBySha(db: Db, sha256: string): EvidenceItem | undefined {
  const r = db.prepare('SELECT * FROM evidence WHERE sha256 = ?').get(sha256) as EvidenceRow | undefined
  return r && toItem(r)
}

/** Insert a new evidence record; returns it. */
export function insertEvidence(
  db: Db,
  e: { sha256: string; originalName: string; originalPath: string; size: number; receivedAt: string; examiner: string; note: string; sourceMtime: string | null }
): EvidenceItem {
  db.prepare(
    `INSERT INTO evidence (sha256, original_name, original_path, size, received_at, examiner, note, source_mtime)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(e.sha256, e.originalName, e.originalPath, e.size, e.receivedAt, e.examiner, e.note, e.sourceMtime)
  return evidenceBySha(db, e.sha256)!
}
