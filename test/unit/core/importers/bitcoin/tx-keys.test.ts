import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { TxKeys } from '../../../../../src/core/chains/bitcoin/utxo/tx-keys'

/** The in-memory (network, txid) → id table of a bulk import, against a btc_tx table it reads candidates from. */
function table(): Database.Database {
  const db = new Database(':memory:')
  db.exec('CREATE TABLE btc_tx (id INTEGER PRIMARY KEY, network TEXT NOT NULL, txid BLOB NOT NULL)')
  return db
}

afterEach(() => {
  delete process.env.CHAINTRAIL_TX_KEYS_MAX_SLOTS
})

describe('TxKeys', () => {
  it('finds every stored key by network and txid, and nothing else', () => {
    const db = table()
    const ins = db.prepare('INSERT INTO btc_tx (network, txid) VALUES (?, ?)')
    const rows: { id: number; network: string; txid: Buffer | string }[] = []
    db.transaction(() => {
      for (let i = 0; i < 50_000; i++) {
        const txid = randomBytes(32)
        rows.push({ id: Number(ins.run('btc', txid).lastInsertRowid), network: 'btc', txid })
        // The same bytes on another network are another transaction.
        if (i % 50 === 0) rows.push({ id: Number(ins.run('btc-testnet', txid).lastInsertRowid), network: 'btc-testnet', txid })
      }
      // A txid some source gave as text that is not lower-case hex is kept as text (compact.ts) and found as such.
      rows.push({ id: Number(ins.run('btc', 'ABCDEF').lastInsertRowid), network: 'btc', txid: 'ABCDEF' })
    })()
    const keys = TxKeys.load(db)
    expect(keys.full).toBe(false)
    for (const r of rows) expect(keys.find(r.network, r.txid)).toBe(r.id)
    for (let i = 0; i < 10_000; i++) expect(keys.find('btc', randomBytes(32))).toBe(0)
    expect(keys.find('btc-regtest', rows[0].txid)).toBe(0)
    expect(keys.find('btc', 'abcdef')).toBe(0)
    // Keys added after loading (the import's own new rows) are found too.
    const late = randomBytes(32)
    const id = Number(ins.run('btc', late).lastInsertRowid)
    keys.add('btc', late, id)
    expect(keys.find('btc', late)).toBe(id)
  })

  it('takes a fingerprint match only when the stored row has the same key', () => {
    const db = table()
    const a = randomBytes(32)
    const b = randomBytes(32)
    const idB = Number(db.prepare('INSERT INTO btc_tx (network, txid) VALUES (?, ?)').run('btc', b).lastInsertRowid)
    const keys = new TxKeys(db)
    // a's fingerprint pointing at b's row: the probe must read the row back and refuse it.
    keys.add('btc', a, idB)
    expect(keys.find('btc', a)).toBe(0)
    keys.add('btc', b, idB)
    expect(keys.find('btc', b)).toBe(idB)
  })

  it('says it is full instead of growing past its memory bound', () => {
    process.env.CHAINTRAIL_TX_KEYS_MAX_SLOTS = '1024'
    const db = table()
    const keys = new TxKeys(db)
    const stored: Buffer[] = []
    while (!keys.full && stored.length < 10_000) {
      const txid = randomBytes(32)
      db.prepare('INSERT INTO btc_tx (network, txid) VALUES (?, ?)').run('btc', txid)
      stored.push(txid)
      keys.add('btc', txid, stored.length)
    }
    // At most half the slots are used: the 513th key finds it full and is not kept; the rest still are.
    expect(stored.length).toBe(513)
    for (let i = 0; i < 512; i++) expect(keys.find('btc', stored[i])).toBe(i + 1)
  })
})
