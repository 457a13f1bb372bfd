import { createHash } from 'node:crypto'
import { cpSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCase } from '../../../../../src/core/case/case-folder'
import { cliTimed } from '../../../../helpers/cli'
import { caseState, runCrashTrials } from '../../../../helpers/crash-trials'
import { tmpDir } from '../../../../helpers/tmp'

/**
 * Crash harness for account imports (RELIABILITY §1), as the Bitcoin one: the real CLI imports a 30,000-row
 * Etherscan CSV (past the transfer sink's bulk threshold, so the secondary indexes are dropped mid-import) and is
 * SIGKILLed at named fault points and after random delays; the reopened case must be intact and exactly the before
 * or the after state. Run in-process and with the parse worker forced on.
 */
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

const state = (dir: string) => caseState(dir, DATA_TABLES, ['acct_transfers'])

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
    expect((await cliTimed(['import', base, first, '--chain', 'eth'], {})).code).toBe(0)
    const before = state(base)
    const clean = join(work, 'clean')
    cpSync(base, clean, { recursive: true })
    const ok = await cliTimed(['import', clean, input, '--chain', 'eth'], modeEnv)
    expect(ok.code).toBe(0)
    const after = state(clean)
    expect(after.data).not.toBe(before.data)
    expect(after.indexes).toEqual(before.indexes)

    const outcomes = await runCrashTrials({
      work,
      base,
      args: (dir) => ['import', dir, input, '--chain', 'eth'],
      env: modeEnv,
      faults: ['kill@mid-import', 'kill@before-commit', 'kill@after-commit'],
      delays: 5,
      okMs: ok.ms,
      before,
      after,
      state
    })
    console.log(outcomes.join('\n'))
  }, 240_000)
})
