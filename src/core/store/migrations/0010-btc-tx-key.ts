import type { Migration } from './index'

/** btc_tx's (network, txid) uniqueness as a named index a bulk import can drop and rebuild (utxo/bulk.ts). */
export const BTC_TX_KEY_INDEX = 'CREATE UNIQUE INDEX btc_tx_key ON btc_tx(network, txid)'

/**
 * Until schema 9 the (network, txid) uniqueness of btc_tx was a constraint inside the table, so its index could
 * not be dropped: a million-transaction import inserted a random 32-byte key into that B-tree per transaction,
 * about a third of the importing thread's time. The same rule now lives in a separate unique index, which a bulk
 * import drops like the other secondary indexes while it finds duplicates in memory (utxo/tx-keys.ts), and
 * rebuilds by sorting at the end, still inside its transaction. SQLite cannot drop a table constraint, so btc_tx
 * is rebuilt: same columns in the same order, every row and id copied unchanged. Inputs and outputs keep
 * referring to btc_tx by name (foreign keys are off for this step and checked before it commits: index.ts).
 */
export const m0010: Migration = {
  version: 10,
  name: 'btc-tx-key',
  rebuildsParentOf: ['btc_input', 'btc_output'],
  up(db) {
    db.exec(`
      CREATE TABLE btc_tx_new (
        id INTEGER PRIMARY KEY,
        network TEXT NOT NULL,
        txid BLOB NOT NULL CHECK (length(txid) = 32),
        wtxid BLOB,
        block_height INTEGER,
        block_hash BLOB,
        block_time INTEGER,
        seen_time INTEGER,
        fee INTEGER,
        size INTEGER,
        vsize INTEGER,
        weight INTEGER,
        version INTEGER,
        locktime INTEGER,
        coinbase INTEGER NOT NULL DEFAULT 0,
        confirmed INTEGER NOT NULL DEFAULT 0,
        input_count INTEGER,
        output_count INTEGER,
        total_out INTEGER,
        complete INTEGER NOT NULL DEFAULT 1,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        locator TEXT NOT NULL
      );
      INSERT INTO btc_tx_new SELECT * FROM btc_tx ORDER BY id;
      DROP TABLE btc_tx;
      ALTER TABLE btc_tx_new RENAME TO btc_tx;
      CREATE INDEX btc_tx_by_time ON btc_tx(network, block_time);
    `)
    db.exec(BTC_TX_KEY_INDEX)
  }
}
