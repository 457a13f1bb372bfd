import { randomUUID } from 'node:crypto'
import { accessSync, constants, existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ApiError } from '../../shared/api/errors'
import type { CaseMeta } from '../../shared/api/areas/cases'
import { appendAudit } from '../audit/chain'
import { sweepLocker } from '../evidence/locker'
import { openDb, type Db } from '../store/db'
import { migrate, SCHEMA_VERSION, schemaVersion } from '../store/migrations/index'
import { nowIso } from '../util/clock'
import { APP_VERSION } from '../version'

export const DB_FILE = 'case.sqlite'

/** An open case: its folder, its database connection and whether it may be written. */
export interface CaseHandle {
  dir: string
  db: Db
  readOnly: boolean
  meta(): CaseMeta
  close(): void
}

/** Fields an examiner supplies when creating a case. */
export interface NewCase {
  title: string
  caseNumber: string
  examiner: string
  agency?: string
  jurisdiction?: string
  notes?: string
}

interface MetaRow {
  id: string
  title: string
  case_number: string
  agency: string
  examiner: string
  jurisdiction: string
  notes: string
  created_at: string
  updated_at: string
}

function readMeta(db: Db): CaseMeta {
  const r = db.prepare('SELECT * FROM case_meta WHERE singleton = 1').get() as MetaRow | undefined
  if (!r) throw new ApiError('INTEGRITY', 'the case database has no case metadata row')
  return {
    id: r.id,
    title: r.title,
    caseNumber: r.case_number,
    agency: r.agency,
    examiner: r.examiner,
    jurisdiction: r.jurisdiction,
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    schemaVersion: schemaVersion(db)
  }
}

function handle(dir: string, db: Db, readOnly: boolean): CaseHandle {
  return { dir, db, readOnly, meta: () => readMeta(db), close: () => db.close() }
}

/** True when a folder holds a Chaintrail case. */
export function isCaseFolder(dir: string): boolean {
  return existsSync(join(dir, DB_FILE))
}

/**
 * Create a case folder: an empty or new directory gets case.sqlite (all migrations applied), evidence/, the
 * metadata row and the first audit entry, all in one transaction.
 */
export function createCase(dirIn: string, c: NewCase): CaseHandle {
  const dir = resolve(dirIn)
  if (existsSync(dir)) {
    if (isCaseFolder(dir)) throw new ApiError('CONFLICT', `${dir} already holds a case`)
    const entries = readdirSync(dir).filter((n) => !n.startsWith('.'))
    if (entries.length) throw new ApiError('CONFLICT', `${dir} is not empty; choose a new or empty folder for the case`)
  }
  mkdirSync(join(dir, 'evidence'), { recursive: true })
  const db = openDb(join(dir, DB_FILE), { create: true })
  try {
    migrate(db)
    const now = nowIso()
    const id = randomUUID()
    db.transaction(() => {
      db.prepare(
        `INSERT INTO case_meta (singleton, id, title, case_number, agency, examiner, jurisdiction, notes, created_at, updated_at, created_by_version)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      ).run(id, c.title, c.caseNumber, c.agency ?? '', c.examiner, c.jurisdiction ?? '', c.notes ?? '', now, now, APP_VERSION)
      appendAudit(db, c.examiner, 'case.created', {
        caseId: id,
        title: c.title,
        caseNumber: c.caseNumber,
        agency: c.agency ?? '',
        jurisdiction: c.jurisdiction ?? '',
        schemaVersion: SCHEMA_VERSION
      })
    }).immediate()
    return handle(dir, db, false)
  } catch (e) {
    db.close()
    throw e
  }
}

/** True when the case folder and its database may be written (else the case opens read-only). */
export function folderWritable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK)
    accessSync(join(dir, DB_FILE), constants.W_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Open an existing case. A writable case is migrated forward (each step audited) and its locker swept of
 * interrupted copies; a case folder that cannot be written opens read-only and is left byte-for-byte alone.
 */
export function openCase(dirIn: string, opts: { examiner?: string; readOnly?: boolean } = {}): CaseHandle {
  const dir = resolve(dirIn)
  if (!isCaseFolder(dir)) throw new ApiError('NOT_FOUND', `${dir} is not a Chaintrail case folder (no ${DB_FILE})`)
  const readOnly = opts.readOnly || !folderWritable(dir)
  const db = openDb(join(dir, DB_FILE), { readOnly })
  try {
    if (readOnly) {
      if (schemaVersion(db) !== SCHEMA_VERSION) {
        throw new ApiError('READ_ONLY', `the case is read-only and at schema ${schemaVersion(db)}; it must be upgraded to ${SCHEMA_VERSION} by a writable open first`)
      }
      return handle(dir, db, true)
    }
    const { from, to } = migrate(db)
    const examiner = opts.examiner ?? readMeta(db).examiner
    const known = new Set((db.prepare('SELECT sha256 FROM evidence').all() as { sha256: string }[]).map((r) => r.sha256))
    const swept = sweepLocker(dir, known)
    if (from !== to || swept.orphaned.length) {
      db.transaction(() => {
        if (from !== to) appendAudit(db, examiner, 'case.migrated', { from, to })
        if (swept.orphaned.length) appendAudit(db, examiner, 'evidence.orphans-moved', { files: swept.orphaned })
      }).immediate()
    }
    return handle(dir, db, false)
  } catch (e) {
    db.close()
    throw e
  }
}
