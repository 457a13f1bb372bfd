import Database from 'better-sqlite3'
import { chmodSync, cpSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyAudit } from '../../../src/core/audit/chain'
import { openCase } from '../../../src/core/case/case-folder'
import { verifyEvidence } from '../../../src/core/service/evidence'
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/core/store/migrations/index'
import { LOCAL_FIXTURES } from '../../helpers/fixtures'
import { tmpDir } from '../../helpers/tmp'

/** A copy of the frozen case made by migration 1 only (git does not keep the locker's read-only bit). */
function copyV1(): string {
  const dir = join(tmpDir(), 'v1-case')
  cpSync(join(LOCAL_FIXTURES, 'cases', 'v1-case'), dir, { recursive: true })
  for (const sub of readdirSync(join(dir, 'evidence'))) for (const f of readdirSync(join(dir, 'evidence', sub))) chmodSync(join(dir, 'evidence', sub, f), 0o444)
  return dir
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
  })

  it('open a case frozen at schema 1 and bring it to the current schema, audited', async () => {
    const dir = copyV1()
    const raw = new Database(join(dir, 'case.sqlite'), { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(1)
    raw.close()
    const h = openCase(dir)
    expect(h.meta()).toMatchObject({ title: 'Frozen v1 case', caseNumber: 'V1-0001', examiner: 'DC Frozen', schemaVersion: SCHEMA_VERSION })
    const last = h.db.prepare('SELECT action, details FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string; details: string }
    if (SCHEMA_VERSION > 1) expect(last).toMatchObject({ action: 'case.migrated', details: JSON.stringify({ from: 1, to: SCHEMA_VERSION }) })
    expect(verifyAudit(h.db)).toMatchObject({ ok: true })
    expect(await verifyEvidence(h)).toMatchObject({ ok: true, checked: 1 })
    h.close()
    // A second open finds nothing to do.
    const again = openCase(dir)
    expect((again.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'case.migrated'").get() as { n: number }).n).toBe(SCHEMA_VERSION > 1 ? 1 : 0)
    again.close()
  })

  it('refuse a case written by a newer Chaintrail', () => {
    const dir = copyV1()
    const raw = new Database(join(dir, 'case.sqlite'))
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.close()
    expect(() => openCase(dir)).toThrow(/newer Chaintrail/)
  })
})
