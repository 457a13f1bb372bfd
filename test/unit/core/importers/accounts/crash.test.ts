import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { createCase, openCase } from '../../../../../src/core/case/case-folder'
import { verifyAudit } from '../../../../../src/core/audit/chain'
import { caseDigest } from '../../../../helpers/case-digest'
import { REPO_ROOT } from '../../../../helpers/fixtures'
import { tmpDir } from '../../../../helpers/tmp'

/**
 * Crash harness for account imports (RELIABILITY §1), as the Bitcoin one: the real CLI imports a 30,000-row
 * Etherscan CSV (past the transfer sink's bulk threshold, so the secondary indexes are dropped mid-import) and is
 * SIGKILLed at named fault points and after random delays; the reopened case must be intact and exactly the before
 * or the after state. Run in-process and with the parse worker forced on.
 */
const CLI = join(REPO_ROOT, 'src', 'cli', 'index.ts')
const DATA_TABLES = ['acct_transfers', 'acct_accounts', 'acct_assets', 'record_sources', 'conflicts']
const HEADER = '"Txhash","Blockno","UnixTimestamp","DateTime (UTC)","From","To","ContractAddress","Value_IN(ETH)","Value_OUT(ETH)","CurrentValue @ $2264.03996675132/Eth","TxnFee(ETH)","TxnFee(USD)","Historical $Price/Eth","Status","ErrCode","Method"\n'
const addr = (i: number) => '0x' + createHash('sha256').update('a' + (i % 50)).digest('hex').slice(0, 40)

function csv(path: string, from: number, to: number): void {
  const lines = [HEADER]
  for (let i = from; i < to; i++) {
    const t = 1_600_000_000 + i * 12
    const d = new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ')
    const hash = '0x' + createHash('sha256').update('tx' + i).digest('hex')
    lines.push(`"${hash}","${10_000_000 + i}","${t}","${d}","${addr(i)}","${addr(i + 3)}","","${i % 100}.25","0","1","0.00042","1","1","","","Transfer"\n`)
  }
  writeFileSync(path, lines.join(''))
}

function runCli(args: string[], env: Record<string, string>, killAfterMs?: number): Promise<{ code: number | null; signal: string | null; ms: number }> {
  return new Promise((resolve) => {
    const t = Date.now()
    const p = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, CHAINTRAIL_EXAMINER: 'crash', ...env }, stdio: 'ignore' })
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => p.kill('SIGKILL'), killAfterMs)
    p.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, ms: Date.now() - t })
    })
  })
}

function state(dir: string) {
  const db = new Database(join(dir, 'case.sqlite'), { readonly: true })
  try {
    const all = caseDigest(db)
    const count = (t: string) => (db.prepare('SELECT count(*) AS n FROM ' + t).get() as { n: number }).n
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'acct_transfers' ORDER BY name").pluck().all()
    return { data: JSON.stringify(Object.fromEntries(DATA_TABLES.map((t) => [t, all[t]]))), evidence: count('evidence'), imports: count('imports'), indexes }
  } finally {
    db.close()
  }
}

const MODES: [string, Record<string, string>][] = [
  ['in-process', { CHAINTRAIL_PARSE_WORKER: '0' }],
  ['parse worker', { CHAINTRAIL_PARSE_WORKER: '1' }]
]

describe.each(MODES)('account import crash harness (child process, SIGKILL), %s', (_mode, modeEnv) => {
  it('leaves the case at exactly the before or the after state, ~8 trials', async () => {
    const work = tmpDir('ct-crash-acct-')
    const base = join(work, 'base')
    createCase(base, { title: 'crash', caseNumber: 'C-1', examiner: 'crash' }).close()
    const first = join(work, 'first.csv')
    const input = join(work, 'input.csv')
    csv(first, 0, 50)
    csv(input, 50, 30_050)
    expect((await runCli(['import', base, first, '--chain', 'eth'], {})).code).toBe(0)
    const before = state(base)
    const clean = join(work, 'clean')
    cpSync(base, clean, { recursive: true })
    const ok = await runCli(['import', clean, input, '--chain', 'eth'], modeEnv)
    expect(ok.code).toBe(0)
    const after = state(clean)
    expect(after.data).not.toBe(before.data)
    expect(after.indexes).toEqual(before.indexes)

    const trials: { env: Record<string, string>; delay?: number }[] = [
      { env: { CHAINTRAIL_FAULT: 'kill@mid-import' } },
      { env: { CHAINTRAIL_FAULT: 'kill@before-commit' } },
      { env: { CHAINTRAIL_FAULT: 'kill@after-commit' } },
      ...Array.from({ length: 5 }, (_, i) => ({ env: {}, delay: Math.round(((i + 0.5) / 5) * ok.ms * 1.1) }))
    ]
    const outcomes: string[] = []
    for (const [i, t] of trials.entries()) {
      const dir = join(work, `trial${i}`)
      cpSync(base, dir, { recursive: true })
      const r = await runCli(['import', dir, input, '--chain', 'eth'], { ...modeEnv, ...t.env }, t.delay)
      const h = openCase(dir)
      expect(h.db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(h.db.pragma('foreign_key_check')).toEqual([])
      expect(verifyAudit(h.db).ok).toBe(true)
      h.close()
      const s = state(dir)
      const isBefore = s.data === before.data && s.evidence === before.evidence && s.imports === before.imports
      const isAfter = s.data === after.data && s.evidence === after.evidence && s.imports === after.imports
      outcomes.push(`${t.env.CHAINTRAIL_FAULT ?? `delay ${t.delay} ms`}: ${r.signal ?? r.code} → ${isBefore ? 'before' : isAfter ? 'after' : 'MIXED'}`)
      expect(isBefore || isAfter, outcomes.join('\n')).toBe(true)
      // The indexes dropped for the bulk load are back whichever state the case is in.
      expect(s.indexes).toEqual(before.indexes)
      if (t.env.CHAINTRAIL_FAULT === 'kill@after-commit') expect(isAfter).toBe(true)
      if (t.env.CHAINTRAIL_FAULT && t.env.CHAINTRAIL_FAULT !== 'kill@after-commit') expect(isBefore).toBe(true)
    }
    console.log(outcomes.join('\n'))
  }, 240_000)
})
