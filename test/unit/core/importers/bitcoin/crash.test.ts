import { spawn } from 'node:child_process'
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { writeEsploraFile } from '../../../../../bench/lib/esplora-gen'
import { createCase, openCase } from '../../../../../src/core/case/case-folder'
import { verifyAudit } from '../../../../../src/core/audit/chain'
import { caseDigest } from '../../../../helpers/case-digest'
import { REPO_ROOT } from '../../../../helpers/fixtures'
import { tmpDir } from '../../../../helpers/tmp'

/**
 * Crash harness (RELIABILITY §1): run the real CLI import as a child process and SIGKILL it — at named fault
 * points and after random delays — then reopen the case and require integrity, foreign keys, an intact audit
 * chain, and data that is exactly the before or the after state, never a mix.
 */
const CLI = join(REPO_ROOT, 'src', 'cli', 'index.ts')
const DATA_TABLES = ['btc_tx', 'btc_input', 'btc_output', 'btc_address', 'record_sources', 'conflicts']

function runCli(args: string[], env: Record<string, string>, killAfterMs?: number, modeEnv: Record<string, string> = {}): Promise<{ code: number | null; signal: string | null; ms: number }> {
  return new Promise((resolve) => {
    const t = Date.now()
    const p = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, CHAINTRAIL_EXAMINER: 'crash', ...modeEnv, ...env }, stdio: 'ignore' })
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => p.kill('SIGKILL'), killAfterMs)
    p.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, ms: Date.now() - t })
    })
  })
}

interface State {
  data: Record<string, string>
  evidence: number
  imports: number
}

function state(dir: string): State & { audit: number } {
  const db = new Database(join(dir, 'case.sqlite'), { readonly: true })
  try {
    const all = caseDigest(db)
    const count = (t: string) => (db.prepare('SELECT count(*) AS n FROM ' + t).get() as { n: number }).n
    return { data: Object.fromEntries(DATA_TABLES.map((t) => [t, all[t]])), evidence: count('evidence'), imports: count('imports'), audit: count('audit_log') }
  } finally {
    db.close()
  }
}

// Second pass: the same trials with the parse worker and bulk-load mode (indexes dropped mid-import, rebuilt at
// its end) forced on for this small file, so a kill can land while the indexes are gone.
const MODES: [string, Record<string, string>][] = [
  ['default', {}],
  ['parse worker + bulk-load mode', { CHAINTRAIL_PARSE_WORKER: '1', CHAINTRAIL_BULK_MIN: '1000' }]
]

describe.each(MODES)('import crash harness (child process, SIGKILL), %s', (_mode, modeEnv) => {
  it('leaves the case at exactly the before or the after state, ~10 trials', async () => {
    const work = tmpDir('ct-crash-')
    const base = join(work, 'base')
    createCase(base, { title: 'crash', caseNumber: 'C-1', examiner: 'crash' }).close()
    const first = join(work, 'first.json')
    const input = join(work, 'input.json')
    // A small case already holding data, then an import of 6,000 txs (past the mid-import fault point at 2,000).
    await writeEsploraFile(first, 50, 100)
    await writeEsploraFile(input, 6000, 3000)
    expect((await runCli(['import', base, first], {})).code).toBe(0)
    const before = state(base)
    // The after state from a clean run on a copy.
    const clean = join(work, 'clean')
    cpSync(base, clean, { recursive: true })
    const ok = await runCli(['import', clean, input], {}, undefined, modeEnv)
    expect(ok.code).toBe(0)
    const after = state(clean)
    expect(after.data.btc_tx).not.toBe(before.data.btc_tx)

    const trials: { env: Record<string, string>; delay?: number }[] = [
      { env: { CHAINTRAIL_FAULT: 'kill@after-evidence-fsync' } },
      { env: { CHAINTRAIL_FAULT: 'kill@mid-import' } },
      { env: { CHAINTRAIL_FAULT: 'kill@before-commit' } },
      { env: { CHAINTRAIL_FAULT: 'kill@after-commit' } },
      ...Array.from({ length: 6 }, (_, i) => ({ env: {}, delay: Math.round(((i + 0.5) / 6) * ok.ms * 1.1) }))
    ]
    const outcomes: string[] = []
    for (const [i, t] of trials.entries()) {
      const dir = join(work, `trial${i}`)
      cpSync(base, dir, { recursive: true })
      const r = await runCli(['import', dir, input], t.env, t.delay, modeEnv)
      // Reopening runs recovery (WAL replay, orphan sweep) exactly as the app would.
      const h = openCase(dir)
      expect(h.db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(h.db.pragma('foreign_key_check')).toEqual([])
      expect(verifyAudit(h.db).ok).toBe(true)
      h.close()
      const s = state(dir)
      const isBefore = JSON.stringify(s.data) === JSON.stringify(before.data) && s.evidence === before.evidence && s.imports === before.imports
      const isAfter = JSON.stringify(s.data) === JSON.stringify(after.data) && s.evidence === after.evidence && s.imports === after.imports
      outcomes.push(`${t.env.CHAINTRAIL_FAULT ?? `delay ${t.delay} ms`}: ${r.signal ?? r.code} → ${isBefore ? 'before' : isAfter ? 'after' : 'MIXED'}`)
      expect(isBefore || isAfter, outcomes.join('\n')).toBe(true)
      if (t.env.CHAINTRAIL_FAULT === 'kill@after-commit') expect(isAfter).toBe(true)
      if (t.env.CHAINTRAIL_FAULT && t.env.CHAINTRAIL_FAULT !== 'kill@after-commit') expect(isBefore).toBe(true)
    }
    console.log(outcomes.join('\n'))
  }, 240_000)
})
