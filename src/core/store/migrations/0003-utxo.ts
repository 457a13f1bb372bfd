import type { Migration } from './index'

/**
 * Bitcoin-family UTXO model (networks btc, btc-testnet, btc-regtest). Amounts are INTEGER satoshis.
 * Each fact's first source sits on its row (evidence_id + locator); further sources go to record_sources with
 * kind 'btc.tx' and key '<network>:<txid>', disagreements to conflicts (see chains/bitcoin/utxo/sink.ts).
 * Inputs/outputs hang off the tx's integer id (compact keys, fast bulk insert). Secondary indexes are kept to
 * what the queries need: tx by time, outputs and inputs by address, inputs by outpoint (spent-by and
 * resolution), plus a tiny partial index of inputs whose value is still unknown.
 * btc_address holds per-address aggregates recomputed at the end of each import from the rows above.
 */
export const m0003: Migration = {
  version: 3,
  name: 'utxo',
  up(db) {
    db.exec(`
      CREATE TABLE btc_tx (
        id INTEGER PRIMARY KEY,
        network TEXT NOT NULL,
        txid TEXT NOT NULL CHECK (length(txid) = 64),
        wtxid TEXT,
        block_height INTEGER,
        block_hash TEXT,
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
        locator TEXT NOT NULL,
        UNIQUE (network, txid)
      );
      CREATE INDEX btc_tx_by_time ON btc_tx(network, block_time);

      CREATE TABLE btc_input (
        tx_id INTEGER NOT NULL REFERENCES btc_tx(id),
        idx INTEGER NOT NULL,
        prev_txid TEXT,
        prev_vout INTEGER,
        prev_ref TEXT,
        address TEXT,
        value INTEGER,
        coinbase INTEGER NOT NULL DEFAULT 0,
        sequence INTEGER,
        scriptsig TEXT,
        witness TEXT,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        locator TEXT NOT NULL,
        PRIMARY KEY (tx_id, idx)
      ) WITHOUT ROWID;
      CREATE INDEX btc_input_by_prevout ON btc_input(prev_txid, prev_vout);
      CREATE INDEX btc_input_by_address ON btc_input(address) WHERE address IS NOT NULL;
      CREATE INDEX btc_input_unresolved ON btc_input(tx_id) WHERE value IS NULL AND prev_txid IS NOT NULL;

      CREATE TABLE btc_output (
        tx_id INTEGER NOT NULL REFERENCES btc_tx(id),
        vout INTEGER NOT NULL,
        address TEXT,
        script_type TEXT NOT NULL,
        script_hex TEXT,
        value INTEGER NOT NULL CHECK (value >= 0),
        spent_by_txid TEXT,
        spent_by_vin INTEGER,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        locator TEXT NOT NULL,
        PRIMARY KEY (tx_id, vout)
      ) WITHOUT ROWID;
      CREATE INDEX btc_output_by_address ON btc_output(address) WHERE address IS NOT NULL;

      CREATE TABLE btc_address (
        network TEXT NOT NULL,
        address TEXT NOT NULL,
        type TEXT NOT NULL,
        tx_count INTEGER NOT NULL DEFAULT 0,
        received INTEGER NOT NULL DEFAULT 0,
        sent INTEGER NOT NULL DEFAULT 0,
        in_count INTEGER NOT NULL DEFAULT 0,
        out_count INTEGER NOT NULL DEFAULT 0,
        first_seen INTEGER,
        last_seen INTEGER,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        locator TEXT NOT NULL,
        PRIMARY KEY (network, address)
      ) WITHOUT ROWID;
    `)
  }
}
