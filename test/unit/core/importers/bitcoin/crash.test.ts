import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeEsploraFile } from '../../../../../bench/lib/esplora-gen'
import { createCase } from '../../../../../src/core/case/case-folder'
import { cliTimed } from '../../../../helpers/cli'
import { caseState, runCrashTrials } from '../../../../helpers/crash-trials'
import { tmpDir } from '../../../../helpers/tmp'

/**
 * Crash harness (RELIABILITY §1): run the real CLI import as a child process and SIGKILL it — at named fault
 * points and after random delays — then reopen the case and require integrity, foreign keys, an intact audit
 * chain, and data that is exactly the before or the after state, never a mix.
 */
const DATA_TABLES = ['btc_tx', 'btc_input', 'btc_output', 'btc_address', 'record_sources', 'conflicts']

const state = (dir: string) => caseState(dir, DATA_TABLES, ['btc_tx', 'btc_input', 'btc_output'])

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
    expect((await cliTimed(['import', base, first], {})).code).toBe(0)
    const before = state(base)
    // The after state from a clean run on a copy.
    const clean = join(work, 'clean')
    cpSync(base, clean, { recursive: true })
    const ok = await cliTimed(['import', clean, input], modeEnv)
    expect(ok.code).toBe(0)
    const after = state(clean)
    expect(after.tables.btc_tx).not.toBe(before.tables.btc_tx)

    const outcomes = await runCrashTrials({
      work,
      base,
      args: (dir) => ['import', dir, input],
      env: modeEnv,
      faults: ['kill@after-evidence-fsync', 'kill@mid-import', 'kill@before-commit', 'kill@after-commit'],
      delays: 6,
      okMs: ok.ms,
      before,
      after,
      state
    })
    console.log(outcomes.join('\n'))
  }, 240_000)
})
