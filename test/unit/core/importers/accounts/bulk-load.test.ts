import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../../../src/core/core'
import { BULK } from '../../../../../src/core/importers/accounts/sink-transfers'
import { newCaseWithCore, stagePath } from '../../../../helpers/cases'
import { tmpDir } from '../../../../helpers/tmp'
import { caseDigest, importError, importFiles } from './helpers'

const HEADER = '"Txhash","Blockno","UnixTimestamp","DateTime (UTC)","From","To","ContractAddress","Value_IN(ETH)","Value_OUT(ETH)","CurrentValue @ $2264.03996675132/Eth","TxnFee(ETH)","TxnFee(USD)","Historical $Price/Eth","Status","ErrCode","Method"\n'
const addr = (i: number) => '0x' + createHash('sha256').update('a' + (i % 7)).digest('hex').slice(0, 40)
const hash = (i: number) => '0x' + createHash('sha256').update('tx' + i).digest('hex')

/** Rows `from`..`to` (then `more`) of a generated normal-transactions export; `value(i)` sets row i's ETH value. */
function csv(dir: string, name: string, from: number, to: number, value: (i: number) => string = (i) => `${i}.5`, more: number[] = []): string {
  let s = HEADER
  for (const i of [...Array.from({ length: to - from }, (_, k) => from + k), ...more]) {
    const t = 1_600_000_000 + i * 12
    const d = new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ')
    s += `"${hash(i)}","${10_000_000 + i}","${t}","${d}","${addr(i)}","${addr(i + 3)}","","${value(i)}","0","1","0.00042","1","1","${i % 9 === 0 ? 'Error(0)' : ''}","","Transfer"\n`
  }
  const p = join(dir, name)
  writeFileSync(p, s)
  return p
}

const indexes = (core: Core, caseId: string) =>
  core.state.caseById(caseId).db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'acct_transfers' ORDER BY name").pluck().all()

/** Everything the import decided, independent of row ids (a bulk replay stores overlapping rows last). */
async function outcome(core: Core, caseId: string) {
  const db = core.state.caseById(caseId).db
  return {
    transfers: db.prepare('SELECT tkey, match_key, amount, amount_key, attempted_amount, status, fee, from_addr, to_addr, evidence_id, locator, import_id FROM acct_transfers ORDER BY match_key').all(),
    sources: db.prepare('SELECT kind, key, evidence_id, locator, import_id FROM record_sources ORDER BY key, evidence_id').all(),
    conflicts: db.prepare('SELECT kind, key, field, existing_value, existing_locator, new_value, new_locator FROM conflicts ORDER BY key, field').all(),
    address: await core.invoke('explore.address', { caseId, address: addr(1) })
  }
}

async function scenario(dir: string) {
  const { core, caseId } = newCaseWithCore()
  const a = await importFiles(core, caseId, [csv(dir, 'a.csv', 0, 300)], { chain: 'eth' })
  // b.csv: 200 new rows. c.csv: 60 new rows (the bulk load starts), then 100 rows already in the case, every
  // fifth with a different value (a conflict), then one row twice in the file: those go through the exact replay.
  const more = [...Array.from({ length: 100 }, (_, k) => 100 + k), 555, 555]
  const b = await importFiles(core, caseId, [csv(dir, 'b.csv', 300, 500), csv(dir, 'c.csv', 500, 560, (i) => (i % 5 === 0 ? `${i}.25` : `${i}.5`), more)], { chain: 'eth' })
  return { core, caseId, counts: [a.results[0].counts, b.results[0].counts, b.results[1].counts], conflicts: b.results[1].conflicts.length, out: await outcome(core, caseId) }
}

describe('bulk load of large account files', () => {
  const saved = { ...BULK }
  beforeEach(() => Object.assign(BULK, { minRows: 50, existingPerRow: 1e9 }))
  afterEach(() => Object.assign(BULK, saved))

  it('stores the same transfers, sources, conflicts, counts and totals as the row-by-row path', async () => {
    const dir = tmpDir()
    const bulk = await scenario(dir)
    expect(indexes(bulk.core, bulk.caseId)).toEqual(['acct_transfers_from', 'acct_transfers_tkey', 'acct_transfers_to'])
    Object.assign(BULK, { minRows: 1e9 })
    const rows = await scenario(dir)
    expect(bulk.counts).toEqual(rows.counts)
    expect(bulk.counts[0]).toMatchObject({ 'transfers.native.new': 300, 'transfers.failed': 34 })
    expect(bulk.counts[2]).toMatchObject({ 'transfers.native.new': 60, 'transfers.native.existing': 102 })
    expect(bulk.conflicts).toBeGreaterThanOrEqual(20)
    expect(bulk.out).toEqual(rows.out)
  })

  it('token rows: a transaction met again later in the file, and a row repeated, are stored as the row-by-row path stores them', async () => {
    const dir = tmpDir()
    const usdc = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'
    const row = (i: number, v: string) => `"${hash(i)}","${10_000_000 + i}","${1_600_000_000 + i * 12}","${new Date((1_600_000_000 + i * 12) * 1000).toISOString().slice(0, 19).replace('T', ' ')}","${addr(i)}","${addr(i + 3)}","${v}","N/A","${usdc}","USDC","USDC"`
    let text = '"Txhash","Blockno","UnixTimestamp","DateTime (UTC)","From","To","TokenValue","USDValueDayOfTx","ContractAddress","TokenName","TokenSymbol"\n'
    // Two transfers with the same pair in each transaction (occurrences 0 and 1) ...
    for (let i = 0; i < 120; i++) text += row(i, `${i}.5`) + '\n' + row(i, `${i}.25`) + '\n'
    // ... then transaction 70 again after others (its keys restart: the same file counts on, never merges with itself),
    // transaction 90's first row again with another value, and transaction 110's rows in one run of four.
    text += row(70, '1') + '\n' + row(90, '2') + '\n' + row(110, '3') + '\n' + row(110, '4') + '\n'
    const file = join(dir, 'tok.csv')
    writeFileSync(file, text)
    const run = async () => {
      const { core, caseId } = newCaseWithCore()
      const r = await importFiles(core, caseId, [file], { chain: 'eth', decimals: `${usdc}:6` })
      const db = core.state.caseById(caseId).db
      return { counts: r.results[0].counts, out: await outcome(core, caseId), keys: db.prepare("SELECT match_key FROM acct_transfers WHERE txid IN (?, ?, ?) ORDER BY match_key").pluck().all(hash(70), hash(90), hash(110)) as string[] }
    }
    const bulk = await run()
    Object.assign(BULK, { minRows: 1e9 })
    const rows = await run()
    expect(bulk).toEqual(rows)
    expect(bulk.counts['transfers.token.new']).toBe(244)
    expect(bulk.keys.filter((k) => k.includes(hash(110).slice(2, 10)))).toHaveLength(4)
  })

  it('a dry run and a file refused after the bulk load began leave the case, its indexes included, as it was', async () => {
    const dir = tmpDir()
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, [csv(dir, 'a.csv', 0, 100)], { chain: 'eth' })
    const before = caseDigest(core, caseId)
    const r = await core.invoke('imports.run', { caseId, files: [stagePath(core, csv(dir, 'b.csv', 100, 300))], options: { chain: 'eth' }, dryRun: true })
    expect(r.results[0].counts['transfers.native.new']).toBe(200)
    expect(caseDigest(core, caseId)).toBe(before)
    const e = await importError(core, caseId, [csv(dir, 'bad.csv', 100, 300, (i) => (i === 250 ? '-1' : '1'))], { chain: 'eth' })
    expect(e).toMatchObject({ line: 152, column: 8 })
    expect(e.message).toMatch(/negative/)
    expect(caseDigest(core, caseId)).toBe(before)
    expect(indexes(core, caseId)).toEqual(['acct_transfers_from', 'acct_transfers_tkey', 'acct_transfers_to'])
  })
})

describe('the parse worker (large Etherscan CSV files parsed on a second thread)', () => {
  const saved = { ...BULK }
  beforeEach(() => Object.assign(BULK, { minRows: 50, existingPerRow: 1e9 }))
  afterEach(() => {
    Object.assign(BULK, saved)
    delete process.env.CHAINTRAIL_PARSE_WORKER
  })

  it('stores the same transfers, sources, conflicts, counts and totals as parsing in-process', async () => {
    const dir = tmpDir()
    process.env.CHAINTRAIL_PARSE_WORKER = '0'
    const here = await scenario(dir)
    process.env.CHAINTRAIL_PARSE_WORKER = '1'
    const worker = await scenario(dir)
    expect(worker.counts).toEqual(here.counts)
    expect(worker.conflicts).toBe(here.conflicts)
    expect(worker.out).toEqual(here.out)
    expect(indexes(worker.core, worker.caseId)).toEqual(['acct_transfers_from', 'acct_transfers_tkey', 'acct_transfers_to'])
  })

  it('a bad row deep in a big file fails as file:line:col and changes nothing; the next import works', async () => {
    const dir = tmpDir()
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, [csv(dir, 'a.csv', 0, 100)], { chain: 'eth' })
    const before = caseDigest(core, caseId)
    process.env.CHAINTRAIL_PARSE_WORKER = '1'
    // 6,000 rows: a dozen worker batches are stored (bulk load begun, indexes dropped) before row 5,800 fails.
    const e = await importError(core, caseId, [csv(dir, 'big.csv', 100, 6100, (i) => (i === 5800 ? '1.2.3' : '1'))], { chain: 'eth' })
    expect(e).toMatchObject({ file: 'big.csv', line: 5702, column: 8 })
    expect(caseDigest(core, caseId)).toBe(before)
    expect(indexes(core, caseId)).toEqual(['acct_transfers_from', 'acct_transfers_tkey', 'acct_transfers_to'])
    const r = await importFiles(core, caseId, [csv(dir, 'ok.csv', 100, 6100)], { chain: 'eth' })
    expect(r.results[0].counts).toMatchObject({ 'transfers.native.new': 6000 })
    const db = core.state.caseById(caseId).db
    expect(db.prepare('SELECT count(*) FROM acct_transfers').pluck().get()).toBe(6100)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})
