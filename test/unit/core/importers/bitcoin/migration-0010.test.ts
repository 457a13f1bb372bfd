import Database from 'better-sqlite3'
import { cpSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDb } from '../../../../../src/core/store/db'
import { migrate, MIGRATIONS } from '../../../../../src/core/store/migrations/index'
import { LOCAL_FIXTURES } from '../../../../helpers/fixtures'
import { tmpDir } from '../../../../helpers/tmp'

/**
 * Migration 0010 moves btc_tx's (network, txid) uniqueness from the table into the named index btc_tx_key, by
 * rebuilding btc_tx with foreign keys off. (migration-0008.test.ts checks that a migrated real case shows exactly
 * what it showed before; this checks the rule itself and the foreign-key guard.)
 */
const TX_ROWS = 'SELECT * FROM btc_tx ORDER BY id'

function v7Copy(): string {
  const dir = join(tmpDir('ct-m10-'), 'case')
  cpSync(join(LOCAL_FIXTURES, 'cases', 'v7-btc-case'), dir, { recursive: true })
  mkdirSync(join(dir, 'evidence'), { recursive: true })
  return join(dir, 'case.sqlite')
}

/** A database at schema 9 (every migration before 0010 applied). */

describe('migration 0010 (btc_tx key as a named index)', () => {
  it('keeps every tx row and id, enforces (network, txid) through btc_tx_key, and leaves foreign keys on', () => {
    const file = v7Copy()
    // Rows as schema 7 had them (0008 only changed how hashes are stored: compare as hex text).
    const raw = new Database(file, { readonly: true })
    const before = raw.prepare('SELECT id, network, lower(CASE WHEN typeof(txid) = \'blob\' THEN hex(txid) ELSE txid END) AS txid, evidence_id, locator FROM btc_tx ORDER BY id').all()
    raw.close()
    const db = openDb(file)
    expect(migrate(db).to).toBe(MIGRATIONS[MIGRATIONS.length - 1].version)
    expect(db.prepare("SELECT id, network, lower(hex(txid)) AS txid, evidence_id, locator FROM btc_tx ORDER BY id").all()).toEqual(before)
    expect(before.length).toBeGreaterThan(10)
    const table = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'btc_tx'").get() as { sql: string }).sql
    expect(table).not.toMatch(/UNIQUE/i)
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'btc_tx_key'").get()).toEqual({ sql: 'CREATE UNIQUE INDEX btc_tx_key ON btc_tx(network, txid)' })
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
    // Inputs and outputs still refer to btc_tx.
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'btc_input'").get()).toMatchObject({ sql: expect.stringMatching(/REFERENCES "?btc_tx"?\(id\)/) })
    const first = db.prepare(TX_ROWS).get() as Record<string, unknown>
    const copy = { ...first, id: null }
    const cols = Object.keys(copy)
    expect(() => db.prepare('INSERT INTO btc_tx (' + cols.join(', ') + ') VALUES (' + cols.map(() => '?').join(', ') + ')').run(...Object.values(copy))).toThrow(/UNIQUE constraint failed: btc_tx.network, btc_tx.txid/)
    // A tx row cannot be deleted from under its inputs.
    expect(() => db.prepare('DELETE FROM btc_tx WHERE id = (SELECT tx_id FROM btc_input LIMIT 1)').run()).toThrow(/FOREIGN KEY/)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('refuses a case whose inputs refer to a missing tx, and leaves it at schema 9', () => {
    const file = v7Copy()
    // Bring it to schema 9 with the earlier steps only, then break a reference behind the foreign keys' back.
    const db = openDb(file)
    for (const m of MIGRATIONS.filter((x) => x.version > 7 && x.version <= 9)) {
      db.transaction(() => {
        m.up(db)
        db.pragma('user_version = ' + m.version)
      })()
    }
    db.pragma('foreign_keys = OFF')
    db.prepare('UPDATE btc_input SET tx_id = 999999 WHERE (tx_id, idx) = (SELECT tx_id, idx FROM btc_input ORDER BY tx_id, idx LIMIT 1)').run()
    db.pragma('foreign_keys = ON')
    const before = db.prepare(TX_ROWS).all()
    expect(() => migrate(db)).toThrow(/migration 10 \(btc-tx-key\): 1 foreign key reference\(s\) would break/)
    expect(db.pragma('user_version', { simple: true })).toBe(9)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect((db.prepare("SELECT sql FROM sqlite_master WHERE name = 'btc_tx'").get() as { sql: string }).sql).toMatch(/UNIQUE \(network, txid\)/)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'btc_tx_key'").get()).toBeUndefined()
    expect(db.prepare(TX_ROWS).all()).toEqual(before)
    db.close()
  })
})
