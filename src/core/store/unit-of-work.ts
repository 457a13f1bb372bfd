import { ApiError } from '../../shared/api/errors'
import { appendAudit, type AuditRecord } from '../audit/chain'
import type { CaseHandle } from '../case/case-folder'
import { nowIso } from '../util/clock'
import { faultPoint } from '../util/fault'
import { commitWithoutCheckpoint } from './background-checkpoint'

/** Refuse any write to a case opened read-only, with one clear sentence. */
export function assertWritable(c: CaseHandle): void {
  if (c.readOnly) throw new ApiError('READ_ONLY', `the case at ${c.dir} is open read-only; nothing was changed`)
}

/**
 * The all-or-nothing unit (RELIABILITY D2) for synchronous changes: the change and its audit entry commit
 * together in one BEGIN IMMEDIATE … COMMIT, or neither does.
 */
export function mutate<T>(c: CaseHandle, examiner: string, action: string, fn: () => { result: T; details: unknown }): { result: T; audit: AuditRecord } {
  assertWritable(c)
  const done = c.db
    .transaction(() => {
      const { result, details } = fn()
      touch(c)
      const audit = appendAudit(c.db, examiner, action, details)
      faultPoint('before-commit')
      return { result, audit }
    })
    .immediate()
  faultPoint('after-commit')
  return done
}

function touch(c: CaseHandle): void {
  c.db.prepare('UPDATE case_meta SET updated_at = ? WHERE singleton = 1').run(nowIso())
}

/**
 * The same unit for work that must await while it writes (streamed imports). Only the core's single-threaded
 * operation queue may hold the connection meanwhile; `finish` commits rows and the audit entry at one point.
 */
export class AsyncUnit {
  private open = true
  constructor(private readonly c: CaseHandle) {
    assertWritable(c)
    c.db.exec('BEGIN IMMEDIATE')
  }

  /**
   * Commit with its audit entry; after this the work is durable. With `checkpoint: 'background'` the commit does
   * not fold the WAL into the database file itself: a large import hands that to another thread.
   */
  finish(examiner: string, action: string, details: unknown, opts: { checkpoint?: 'background' } = {}): AuditRecord {
    if (!this.open) throw new Error('unit already closed')
    touch(this.c)
    const audit = appendAudit(this.c.db, examiner, action, details)
    faultPoint('before-commit')
    if (opts.checkpoint === 'background') commitWithoutCheckpoint(this.c.db)
    else this.c.db.exec('COMMIT')
    this.open = false
    faultPoint('after-commit')
    return audit
  }

  /** Undo everything written in this unit. Safe to call twice. */
  rollback(): void {
    if (!this.open) return
    this.open = false
    if (this.c.db.inTransaction) this.c.db.exec('ROLLBACK')
  }
}
