import type { Migration } from './index'

/**
 * Account-model data (EVM chains, Tron) and exchange statements. Amounts are base-unit integers as decimal TEXT
 * (wei exceeds 64 bits) plus a 78-digit zero-padded `amount_key` that sorts like the number; sums are done in JS
 * with BigInt. Every row carries its first source (evidence_id + locator); further sources go to record_sources
 * under kind 'acct.transfer' / 'acct.exchange' with the row's match_key.
 */
export const m0004: Migration = {
  version: 4,
  name: 'accounts',
  up(db) {
    db.exec(`
      -- Assets per network: 'native' or the token contract (EVM lower-case hex, Tron T…, TRC-10 'trc10:<id>').
      CREATE TABLE acct_assets (
        network TEXT NOT NULL,
        contract TEXT NOT NULL,
        symbol TEXT,
        name TEXT,
        decimals INTEGER CHECK (decimals IS NULL OR decimals BETWEEN 0 AND 255),
        -- where decimals came from: file | network | builtin | option | assumed (provisional until a source tells)
        decimals_source TEXT,
        evidence_id INTEGER REFERENCES evidence(id),
        locator TEXT,
        PRIMARY KEY (network, contract)
      ) WITHOUT ROWID;

      -- One value movement. Failed transactions are kept with amount '0' (the attempted value is in
      -- attempted_amount) so no sum can count value that never moved; the fee still counts.
      CREATE TABLE acct_transfers (
        id INTEGER PRIMARY KEY,
        match_key TEXT NOT NULL UNIQUE,
        network TEXT NOT NULL,
        txid TEXT NOT NULL,
        idx TEXT NOT NULL,
        block INTEGER,
        time INTEGER,
        from_addr TEXT NOT NULL,
        to_addr TEXT NOT NULL,
        asset TEXT NOT NULL,
        amount TEXT NOT NULL,
        amount_key TEXT NOT NULL,
        attempted_amount TEXT,
        amount_text TEXT,
        amount_lossy INTEGER NOT NULL DEFAULT 0,
        fee TEXT,
        status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
        method TEXT,
        kind TEXT NOT NULL CHECK (kind IN ('native', 'internal', 'token', 'nft')),
        token_id TEXT,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        locator TEXT NOT NULL,
        import_id INTEGER NOT NULL REFERENCES imports(id)
      );
      CREATE INDEX acct_transfers_from ON acct_transfers(network, from_addr);
      CREATE INDEX acct_transfers_to ON acct_transfers(network, to_addr);
      -- No separate (network, txid) index: match_key starts with "network|txid|", so its UNIQUE index answers
      -- per-transaction lookups as a range, and one index fewer keeps million-row imports fast.

      -- What the data says about an account (contract vs externally owned), with its source.
      CREATE TABLE acct_accounts (
        network TEXT NOT NULL,
        address TEXT NOT NULL,
        is_contract INTEGER CHECK (is_contract IN (0, 1)),
        how TEXT NOT NULL,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        locator TEXT NOT NULL,
        PRIMARY KEY (network, address)
      ) WITHOUT ROWID;

      -- Exchange statements (subpoena returns): signed exact amounts, linked to chain txids/addresses when given.
      CREATE TABLE exchange_activity (
        id INTEGER PRIMARY KEY,
        match_key TEXT NOT NULL UNIQUE,
        exchange TEXT NOT NULL,
        account TEXT NOT NULL,
        time INTEGER,
        type TEXT NOT NULL,
        asset TEXT NOT NULL,
        amount TEXT NOT NULL,
        fee TEXT,
        fee_asset TEXT,
        network TEXT,
        txid TEXT,
        address TEXT,
        ref TEXT,
        note TEXT,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        locator TEXT NOT NULL
      );
      CREATE INDEX exchange_activity_txid ON exchange_activity(txid);
      CREATE INDEX exchange_activity_address ON exchange_activity(address);

      -- Things that happen on an account without moving value to a counterparty (Tron freeze, vote, staking).
      CREATE TABLE acct_events (
        id INTEGER PRIMARY KEY,
        match_key TEXT NOT NULL UNIQUE,
        network TEXT NOT NULL,
        txid TEXT NOT NULL,
        type TEXT NOT NULL,
        address TEXT NOT NULL,
        amount TEXT,
        asset TEXT,
        detail TEXT NOT NULL DEFAULT '{}',
        status TEXT NOT NULL,
        block INTEGER,
        time INTEGER,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        locator TEXT NOT NULL
      );

      -- Column mappings for generic CSV/XLSX, keyed by the header signature so the next file with the same
      -- header is offered the same mapping.
      CREATE TABLE csv_mappings (
        signature TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        mapping TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        examiner TEXT NOT NULL
      ) WITHOUT ROWID;
    `)
  }
}
