import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../../src/core/core'
import { txKey } from '../../../src/core/importers/accounts/tx-key'
import { MIGRATIONS } from '../../../src/core/store/migrations/index'
import { newCaseWithCore } from '../../helpers/cases'
import { LOCAL_FIXTURES, sharedFixturesMissing } from '../../helpers/fixtures'
import { importFiles, sample } from './importers/accounts/helpers'

const A = '0xb8553d9ee35dd23bb96fbd679e651b929821969b'
const TX = '0x31c4bbc6df94798ac2635016e68d2a4152a03fd949c7207eed466bfcf2eb4c44'
const COLS = 'id, match_key, network, txid, idx, block, time, from_addr, to_addr, asset, amount, amount_key, attempted_amount, amount_text, amount_lossy, fee, status, method, kind, token_id, evidence_id, locator, import_id'

/** The acct_transfers DDL (table and indexes) as migrations 1–6 left it, read from a scratch database. */
function schema6Ddl(): string[] {
  const scratch = new Database(':memory:')
  for (const m of MIGRATIONS.filter((x) => x.version <= 6)) m.up(scratch)
  const ddl = (scratch.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'acct_transfers' AND sql IS NOT NULL ORDER BY type DESC").pluck().all() as string[])
  scratch.close()
  return ddl
}

/** Put a case's account transfers back into the schema-6 shape (UNIQUE match_key, no tkey) and mark it schema 6. */
function downgradeTo6(dir: string): void {
  const db = new Database(join(dir, 'case.sqlite'))
  const ddl = schema6Ddl()
  expect(ddl[0]).toMatch(/match_key TEXT NOT NULL UNIQUE/)
  db.exec('ALTER TABLE acct_transfers RENAME TO acct_transfers_v8')
  db.exec('DROP INDEX acct_transfers_tkey; DROP INDEX acct_transfers_from; DROP INDEX acct_transfers_to')
  for (const sql of ddl) db.exec(sql)
  // Schema 6 wrote amount_key as the amount zero-padded to 78 digits (0007 shortens it).
  db.exec('INSERT INTO acct_transfers (' + COLS + ') SELECT ' + COLS.replace(', amount_key,', ", substr(printf('%078d', 0) || amount, -78),") + ' FROM acct_transfers_v8')
  db.exec('DROP TABLE acct_transfers_v8')
  // Later migrations reshape other tables too (0008: the Bitcoin tables, empty here): put them back as 0003 made them.
  db.exec('DROP TABLE btc_input; DROP TABLE btc_output; DROP TABLE btc_tx; DROP TABLE btc_address')
  MIGRATIONS.find((m) => m.version === 3)!.up(db)
  db.pragma('user_version = 6')
  db.close()
}

describe.skipIf(!!sharedFixturesMissing)('migration 0007 (integer tkey instead of the UNIQUE match_key index)', () => {
  it('a case with account data on schema 6 migrates with every row intact and the same per-asset totals', async () => {
    const { core, caseId, dir, root } = newCaseWithCore()
    await importFiles(core, caseId, ['v2_account_txlist_chain1.json', 'v2_account_txlistinternal_chain1.json'].map((f) => sample(`etherscan-api/${f}`)), { address: A })
    await importFiles(core, caseId, [join(LOCAL_FIXTURES, 'acct', 'erc20-0xb8553d9e-from-api.csv')], { address: A })
    await importFiles(core, caseId, [sample('etherscan-api/v2_account_tokentx_chain1.json')], { address: A })
    const before = {
      address: await core.invoke('explore.address', { caseId, address: A }),
      tx: await core.invoke('explore.tx', { caseId, txid: TX }),
      rows: core.state.caseById(caseId).db.prepare('SELECT ' + COLS + ' FROM acct_transfers ORDER BY id').all()
    }
    expect(before.tx.sources.length).toBeGreaterThanOrEqual(2)
    core.close()
    downgradeTo6(dir)

    const again = createCore({ casesRoot: root })
    const h = again.state.openPath(dir)
    const db = again.state.caseById(caseId).db
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1].version)
    expect(db.prepare('SELECT ' + COLS + ' FROM acct_transfers ORDER BY id').all()).toEqual(before.rows)
    expect(db.prepare("SELECT count(*) FROM acct_transfers WHERE amount_key <> printf('%02d', length(amount)) || amount").pluck().get()).toBe(0)
    for (const r of db.prepare('SELECT network, txid, tkey FROM acct_transfers').all() as { network: string; txid: string; tkey: number }[]) expect(r.tkey).toBe(txKey(r.network, r.txid))
    expect(await again.invoke('explore.address', { caseId, address: A })).toEqual(before.address)
    expect(await again.invoke('explore.tx', { caseId, txid: TX })).toEqual(before.tx)
    // Re-importing a file already in the case still finds every transfer (dedup works on the migrated rows).
    const r = await importFiles(again, caseId, [sample('etherscan-api/v2_account_tokentx_chain1.json')], { address: A })
    expect(r.results[0].counts['transfers.token.new']).toBeUndefined()
    expect(r.results[0].counts['transfers.token.existing']).toBeGreaterThan(0)
    expect(h).toBeDefined()
    again.close()
  })
})
