import Database from 'better-sqlite3'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../src/core/core'
import { MIGRATIONS } from '../../../src/core/store/migrations/index'
import { newCaseWithCore } from '../../helpers/cases'
import { LOCAL_FIXTURES, sharedFixturesMissing } from '../../helpers/fixtures'
import { importFiles, sample } from './importers/accounts/helpers'

const A = '0xb8553d9ee35dd23bb96fbd679e651b929821969b'
const TX = '0x31c4bbc6df94798ac2635016e68d2a4152a03fd949c7207eed466bfcf2eb4c44'
const TRON = 'TM1zzNDZD2DPASbKcgdVoTYhfmYgtfwx9R'
const NFT_TX = '0x2b32d65d6e70247502a70969cad64930d8de886bea3f91f247bb12d27751ab4c'
/** Every column of the schema-7 acct_transfers table. */
const COLS7 = 'id, tkey, match_key, network, txid, idx, block, time, from_addr, to_addr, asset, amount, amount_key, attempted_amount, amount_text, amount_lossy, fee, status, method, kind, token_id, evidence_id, locator, import_id'

/** The acct_transfers DDL (table and indexes) as migrations 1–7 left it, read from a scratch database. */
function schema7Ddl(): string[] {
  const scratch = new Database(':memory:')
  for (const m of MIGRATIONS.filter((x) => x.version <= 7)) m.up(scratch)
  const ddl = scratch.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = 'acct_transfers' AND sql IS NOT NULL ORDER BY type DESC").pluck().all() as string[]
  scratch.close()
  return ddl
}

/** Put a case's account transfers back into the schema-7 shape (stored match_key, amount_key, locator) and mark it schema 7. */
function downgradeTo7(dir: string, tamper?: (db: Database.Database) => void): unknown[] {
  const db = new Database(join(dir, 'case.sqlite'))
  const ddl = schema7Ddl()
  expect(ddl[0]).toMatch(/match_key TEXT NOT NULL,/)
  db.exec('ALTER TABLE acct_transfers RENAME TO acct_transfers_v9')
  db.exec('DROP INDEX acct_transfers_tkey; DROP INDEX acct_transfers_from; DROP INDEX acct_transfers_to')
  for (const sql of ddl) db.exec(sql)
  db.exec('INSERT INTO acct_transfers (' + COLS7 + ') SELECT ' + COLS7 + ' FROM acct_transfers_v9')
  db.exec('DROP TABLE acct_transfers_v9')
  // 0008 (before this one) reshapes the Bitcoin tables, empty here: put them back as 0003 made them.
  db.exec('DROP TABLE btc_input; DROP TABLE btc_output; DROP TABLE btc_tx; DROP TABLE btc_address')
  MIGRATIONS.find((m) => m.version === 3)!.up(db)
  tamper?.(db)
  db.pragma('user_version = 7')
  const rows = db.prepare('SELECT ' + COLS7 + ' FROM acct_transfers ORDER BY id').all()
  db.close()
  return rows
}

/** An ERC-721/1155 CSV (NFT keys carry the token id), written to a scratch folder. */
function nftCsv(): string {
  const q = (...c: string[]) => c.map((x) => `"${x}"`).join(',')
  const p = join(mkdtempSync(join(tmpdir(), 'ct-nft-')), 'nft-2025.csv')
  const from = '0x532f27101965dd16442e59d40670faf5ebb142e4'
  const to = '0x13f5620fccb28af63e237cc1fdf1eba235a2c016'
  const c = '0xd10ffc8ff04c49f0034bf26126f5110caf7f7b34'
  writeFileSync(p, [
    q('Transaction Hash', 'Blockno', 'UnixTimestamp', 'DateTime (UTC)', 'From', 'To', 'ContractAddress', 'TokenName', 'TokenSymbol', 'Token ID', 'Type', 'Quantity'),
    q(NFT_TX, '32394127', '1751577601', '2025-07-03 21:20:01', from, to, c, 'Game Items', 'GI', '7', '1155', '3'),
    q(NFT_TX, '32394127', '1751577601', '2025-07-03 21:20:01', from, to, c, 'Game Items', 'GI', '7', '1155', '2')
  ].join('\n') + '\n')
  return p
}

/** A case holding every kind of account row: native, internal, token (CSV and API JSON: sources and dedup), NFT, Tron. */
async function realCase(): Promise<{ core: Core; caseId: string; dir: string; root: string }> {
  const c = newCaseWithCore()
  await importFiles(c.core, c.caseId, ['v2_account_txlist_chain1.json', 'v2_account_txlistinternal_chain1.json'].map((f) => sample(`etherscan-api/${f}`)), { address: A })
  await importFiles(c.core, c.caseId, [join(LOCAL_FIXTURES, 'acct', 'erc20-0xb8553d9e-from-api.csv')], { address: A })
  await importFiles(c.core, c.caseId, [sample('etherscan-api/v2_account_tokentx_chain1.json')], { address: A })
  await importFiles(c.core, c.caseId, [sample('tron/trongrid_v1-accounts-transactions_TM1zzNDZ_usdt-trigger.json')])
  await importFiles(c.core, c.caseId, [nftCsv()], { chain: 'base' })
  return c
}

async function views(core: Core, caseId: string) {
  return {
    address: await core.invoke('explore.address', { caseId, address: A }),
    tron: await core.invoke('explore.address', { caseId, address: TRON }),
    tx: await core.invoke('explore.tx', { caseId, txid: TX }),
    nft: await core.invoke('explore.tx', { caseId, txid: NFT_TX }),
    conflicts: await core.invoke('imports.conflicts', { caseId }),
    sources: core.state.caseById(caseId).db.prepare('SELECT * FROM record_sources ORDER BY kind, key, evidence_id, locator').all()
  }
}

describe.skipIf(!!sharedFixturesMissing)('migration 0009 (match_key, amount_key and locator generated from the row)', () => {
  it('a case on schema 7 migrates with every row, key, locator, source, conflict and per-asset total unchanged', async () => {
    const { core, caseId, dir, root } = await realCase()
    const before = await views(core, caseId)
    expect(before.tx.sources.length).toBeGreaterThanOrEqual(2)
    expect(before.sources.length).toBeGreaterThan(0)
    core.close()
    const rows7 = downgradeTo7(dir) as { kind: string; locator: string }[]
    // The case really holds every key and locator form the migration must carry over.
    expect(new Set(rows7.map((r) => r.kind))).toEqual(new Set(['native', 'internal', 'token', 'nft']))
    expect(rows7.some((r) => r.locator.startsWith('line '))).toBe(true)
    expect(rows7.some((r) => / \/(data|result)\//.test(r.locator))).toBe(true)

    const again = createCore({ casesRoot: root })
    again.state.openPath(dir)
    const db = again.state.caseById(caseId).db
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1].version)
    expect(db.prepare('SELECT ' + COLS7 + ' FROM acct_transfers ORDER BY id').all()).toEqual(rows7)
    // Derived, not stored: no row needed its old text kept aside.
    expect(db.prepare('SELECT count(*) FROM acct_transfers WHERE key_text IS NOT NULL OR amount_key_text IS NOT NULL').pluck().get()).toBe(0)
    expect(db.prepare("SELECT count(*) FROM acct_transfers WHERE loc IS NOT NULL AND loc NOT LIKE '% /%'").pluck().get()).toBe(0)
    expect(await views(again, caseId)).toEqual(before)
    // A case keeps the page size it was made with (new cases get 16 KiB pages).
    expect(db.pragma('page_size', { simple: true })).toBe(16384)
    // Dedup works on the migrated rows: re-importing the JSON and the CSV finds every transfer.
    for (const f of [sample('etherscan-api/v2_account_tokentx_chain1.json'), join(LOCAL_FIXTURES, 'acct', 'erc20-0xb8553d9e-from-api.csv')]) {
      const r = await importFiles(again, caseId, [f], { address: A })
      expect(r.results[0].counts['transfers.token.new']).toBeUndefined()
      expect(r.results[0].counts['transfers.token.existing']).toBeGreaterThan(0)
    }
    again.close()
  })

  it('keeps a stored key, sort key or locator that is not of the derived form verbatim', async () => {
    const { core, dir, root, caseId } = await realCase()
    core.close()
    const rows7 = downgradeTo7(dir, (db) => {
      // Forms older code could have written: the migration must not "correct" them.
      db.exec("UPDATE acct_transfers SET match_key = 'legacy:' || match_key WHERE id = (SELECT min(id) FROM acct_transfers WHERE kind = 'token')")
      db.exec("UPDATE acct_transfers SET match_key = match_key || '|x' WHERE id = (SELECT min(id) FROM acct_transfers WHERE kind = 'native')")
      db.exec("UPDATE acct_transfers SET amount_key = substr(printf('%078d', 0) || amount, -78) WHERE id = (SELECT max(id) FROM acct_transfers)")
      db.exec("UPDATE acct_transfers SET locator = 'line 3:7' WHERE id = (SELECT min(id) FROM acct_transfers WHERE kind = 'nft')")
    })
    const again = createCore({ casesRoot: root })
    again.state.openPath(dir)
    const db = again.state.caseById(caseId).db
    expect(db.prepare('SELECT ' + COLS7 + ' FROM acct_transfers ORDER BY id').all()).toEqual(rows7)
    expect(db.prepare('SELECT count(*) FROM acct_transfers WHERE key_text IS NOT NULL').pluck().get()).toBe(2)
    expect(db.prepare('SELECT count(*) FROM acct_transfers WHERE amount_key_text IS NOT NULL').pluck().get()).toBe(1)
    expect(db.prepare("SELECT loc FROM acct_transfers WHERE kind = 'nft' AND loc IS NOT NULL").pluck().all()).toEqual(['line 3:7'])
    again.close()
  })
})
