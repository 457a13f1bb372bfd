import { cpSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect } from 'vitest'
import { verifyAudit } from '../../src/core/audit/chain'
import { openCase } from '../../src/core/case/case-folder'
import { caseDigest } from './case-digest'
import { cliTimed } from './cli'

/** What a crash trial compares: digests of the data tables, evidence and import counts, and the indexes kept. */
export interface CaseState {
  tables: Record<string, string>
  data: string
  evidence: number
  imports: number
  indexes: string[]
}

/** Read a case folder's state without opening it for writing (no recovery, no migration). */
export function caseState(dir: string, dataTables: string[], indexTables: string[] = []): CaseState {
  const db = new Database(join(dir, 'case.sqlite'), { readonly: true })
  try {
    const all = caseDigest(db)
    const count = (t: string) => (db.prepare('SELECT count(*) AS n FROM ' + t).get() as { n: number }).n
    const tables = Object.fromEntries(dataTables.map((t) => [t, all[t]]))
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name").pluck().all(JSON.stringify(indexTables)) as string[]
    return { tables, data: JSON.stringify(tables), evidence: count('evidence'), imports: count('imports'), indexes }
  } finally {
    db.close()
  }
}

/**
 * RELIABILITY §1 crash trials: copy `base` per trial, run the CLI with `args(dir)`, SIGKILL it at each named fault
 * point and after `delays` spread over a clean run's `okMs`, reopen (recovery runs as in the app) and require
 * integrity, foreign keys, an intact audit chain and exactly the before or the after state — before for a kill
 * ahead of the commit, after for one past it. Returns one outcome line per trial.
 */
export async function runCrashTrials(o: {
  work: string
  base: string
  args: (dir: string) => string[]
  env: Record<string, string>
  faults: string[]
  delays: number
  okMs: number
  before: CaseState
  after: CaseState
  state: (dir: string) => CaseState
}): Promise<string[]> {
  const trials: { env: Record<string, string>; delay?: number }[] = [
    ...o.faults.map((f) => ({ env: { CHAINTRAIL_FAULT: f } })),
    ...Array.from({ length: o.delays }, (_, i) => ({ env: {}, delay: Math.round(((i + 0.5) / o.delays) * o.okMs * 1.1) }))
  ]
  const same = (a: CaseState, b: CaseState) => a.data === b.data && a.evidence === b.evidence && a.imports === b.imports
  const outcomes: string[] = []
  for (const [i, t] of trials.entries()) {
    const dir = join(o.work, `trial${i}`)
    cpSync(o.base, dir, { recursive: true })
    const r = await cliTimed(o.args(dir), { ...o.env, ...t.env }, t.delay)
    const h = openCase(dir)
    expect(h.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(h.db.pragma('foreign_key_check')).toEqual([])
    expect(verifyAudit(h.db).ok).toBe(true)
    h.close()
    const s = o.state(dir)
    const isBefore = same(s, o.before)
    const isAfter = same(s, o.after)
    outcomes.push(`${t.env.CHAINTRAIL_FAULT ?? `delay ${t.delay} ms`}: ${r.signal ?? r.code} → ${isBefore ? 'before' : isAfter ? 'after' : 'MIXED'}`)
    expect(isBefore || isAfter, outcomes.join('\n')).toBe(true)
    // Indexes a bulk load dropped are back whichever state the case is in.
    expect(s.indexes).toEqual(o.before.indexes)
    if (t.env.CHAINTRAIL_FAULT === 'kill@after-commit') expect(isAfter).toBe(true)
    if (t.env.CHAINTRAIL_FAULT && t.env.CHAINTRAIL_FAULT !== 'kill@after-commit') expect(isBefore).toBe(true)
  }
  return outcomes
}
