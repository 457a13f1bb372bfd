import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appendAudit, entryHash, GENESIS_HASH, verifyAudit } from '../../../src/core/audit/chain'
import { createCase, openCase } from '../../../src/core/case/case-folder'
import { tmpDir } from '../../helpers/tmp'

function caseWithEntries(n: number) {
  const dir = join(tmpDir(), 'c')
  const h = createCase(dir, { title: 'A', caseNumber: '1', examiner: 'E' })
  for (let i = 0; i < n; i++) h.db.transaction(() => appendAudit(h.db, 'E', 'note.added', { i, text: `note ${i}` }))()
  h.close()
  return dir
}

/** Raw SQL access as an attacker with the sqlite3 CLI would have: triggers dropped first. */
function tamper(dir: string, sql: string) {
  const db = new Database(join(dir, 'case.sqlite'))
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;')
  db.exec(sql)
  db.close()
}

describe('audit chain', () => {
  it('links entries by prevHash and verifies intact', () => {
    const dir = caseWithEntries(3)
    const h = openCase(dir)
    const rows = h.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as { seq: number; prev_hash: string; hash: string }[]
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4])
    expect(rows[0].prev_hash).toBe(GENESIS_HASH)
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash)
    expect(verifyAudit(h.db)).toMatchObject({ ok: true, count: 4, firstBadSeq: null })
    h.close()
  })

  it('hash covers every field: changing the examiner changes the hash', () => {
    const e = { seq: 1, time: 't', examiner: 'A', action: 'x', details: { a: 1 }, context: { osUser: 'u', utcOffset: '+00:00', appVersion: '0', schemaVersion: 1 }, prevHash: GENESIS_HASH }
    expect(entryHash(e)).not.toBe(entryHash({ ...e, examiner: 'B' }))
    expect(entryHash(e)).toBe(entryHash({ ...e, details: { a: 1 } }))
  })

  it('the trigger refuses UPDATE and DELETE', () => {
    const dir = caseWithEntries(1)
    const h = openCase(dir)
    expect(() => h.db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 1").run()).toThrow(/append-only/)
    expect(() => h.db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/)
    h.close()
  })

  it('names the edited entry when one byte of its details changes', () => {
    const dir = caseWithEntries(4)
    tamper(dir, "UPDATE audit_log SET details = replace(details, 'note 2', 'note 3') WHERE seq = 4")
    const h = openCase(dir)
    expect(verifyAudit(h.db)).toMatchObject({ ok: false, firstBadSeq: 4 })
    h.close()
  })

  it('names the gap when a middle entry is deleted', () => {
    const dir = caseWithEntries(4)
    tamper(dir, 'DELETE FROM audit_log WHERE seq = 3')
    const h = openCase(dir)
    expect(verifyAudit(h.db)).toMatchObject({ ok: false, firstBadSeq: 3 })
    h.close()
  })

  it('notices entries removed from the end', () => {
    const dir = caseWithEntries(4)
    tamper(dir, 'DELETE FROM audit_log WHERE seq = 5')
    const h = openCase(dir)
    const r = verifyAudit(h.db)
    expect(r.ok).toBe(false)
    expect(r.firstBadSeq).toBe(5)
    h.close()
  })

  it('notices two entries swapped', () => {
    const dir = caseWithEntries(4)
    tamper(
      dir,
      `UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 100;`
    )
    const h = openCase(dir)
    expect(verifyAudit(h.db)).toMatchObject({ ok: false, firstBadSeq: 2 })
    h.close()
  })
})
