import Database from 'better-sqlite3'
import { cpSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { verifyAudit } from '../../../../../src/core/audit/chain'
import { createCore } from '../../../../../src/core/core'
import { LOCAL_FIXTURES } from '../../../../helpers/fixtures'
import { caseDigest } from '../../../../helpers/case-digest'
import { dumpBitcoinCase } from '../../../../helpers/btc-dump'
import { tmpDir } from '../../../../helpers/tmp'
import { importFiles } from './helpers'

/**
 * Migration 0008 (compact UTXO tables) on a case frozen at schema 7: 45 real samples (raw hex, Esplora,
 * blockchain.com rawtx/multiaddr, BlockCypher, Blockchair incl. testnet) imported in several imports by the
 * schema-7 code (commit 50b6571), so it holds merged txs, partial txs, extra sources and both networks.
 * v7-btc-case.shown.json.gz is what that code showed through the contract (test/helpers/btc-dump.ts):
 * after the migration the current code must show exactly the same. The locker files are left out (nothing
 * here reads them).
 */
const ADDRESS_ROWS = 'SELECT network, address, type, tx_count, received, sent, in_count, out_count, first_seen, last_seen, evidence_id, locator FROM btc_address ORDER BY network, address'

function copyV7(): string {
  const root = tmpDir('ct-lib-')
  const dir = join(root, 'case')
  cpSync(join(LOCAL_FIXTURES, 'cases', 'v7-btc-case'), dir, { recursive: true })
  mkdirSync(join(dir, 'evidence'), { recursive: true })
  return dir
}

describe('migration 0008 (compact Bitcoin tables)', () => {
  it('converts a schema-7 case so every tx, address, source, conflict and transfer reads exactly as before', async () => {
    const dir = copyV7()
    const raw = new Database(join(dir, 'case.sqlite'), { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(7)
    const before = caseDigest(raw)
    const addressRows = raw.prepare(ADDRESS_ROWS).all()
    const counts = raw.prepare('SELECT (SELECT count(*) FROM btc_tx) AS tx, (SELECT count(*) FROM btc_input) AS ins, (SELECT count(*) FROM btc_output) AS outs').get()
    raw.close()
    const core = createCore({ casesRoot: join(dir, '..') })
    const h = core.state.openPath(dir)
    const caseId = h.meta().id
    const shown = await dumpBitcoinCase(core, caseId)
    const golden = JSON.parse(gunzipSync(readFileSync(join(LOCAL_FIXTURES, 'cases', 'v7-btc-case.shown.json.gz'))).toString('utf8')) as Record<string, unknown>
    expect(Object.keys(shown).length).toBe(332)
    expect(shown).toEqual(golden)

    const db = h.db
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(verifyAudit(db)).toMatchObject({ ok: true })
    expect(db.prepare('SELECT (SELECT count(*) FROM btc_tx) AS tx, (SELECT count(*) FROM btc_input) AS ins, (SELECT count(*) FROM btc_output) AS outs').get()).toEqual(counts)
    // Untouched tables stay byte for byte (audit_log gains the migration entry; cases records the version).
    const after = caseDigest(db)
    for (const t of ['record_sources', 'conflicts', 'evidence', 'imports']) expect([t, after[t]]).toEqual([t, before[t]])
    // Address rows: the same values, now with an id each.
    expect(db.prepare(ADDRESS_ROWS).all()).toEqual(addressRows)
    expect(addressRows).toHaveLength(189)
    // The compact form is really used: binary hashes, derived sources, scripts not stored twice.
    const stats = db
      .prepare(
        `SELECT (SELECT count(*) FROM btc_tx WHERE typeof(txid) <> 'blob') AS textTxids,
                (SELECT count(*) FROM btc_input WHERE locator IS NULL) AS derivedIn,
                (SELECT count(*) FROM btc_input WHERE locator IS NOT NULL) AS ownIn,
                (SELECT count(*) FROM btc_output WHERE locator IS NULL) AS derivedOut,
                (SELECT count(*) FROM btc_output WHERE typeof(script_hex) = 'blob') AS markedScripts`
      )
      .get() as Record<string, number>
    // 121 inputs: 51 at "<tx locator>/vin/<idx>" of the tx's own file; the rest name another file or another path
    // (blockchain.com "/inputs/<k>", merged sources). 166 outputs, 165 with a script: 152 of them standard.
    expect(stats).toEqual({ textTxids: 0, derivedIn: 51, ownIn: 70, derivedOut: 109, markedScripts: 152 })

    // The migrated case takes new imports: a sample it holds merges (no new tx), a new one adds a tx.
    const again = await importFiles(core, caseId, [join(LOCAL_FIXTURES, 'btc', 'esplora_tx_f4184fc5_block170.json')])
    expect(again[0].counts).toMatchObject({ 'transactions.existing': 1 })
    expect(again[0].counts['transactions.new']).toBeUndefined()
    core.close()
  })
})
