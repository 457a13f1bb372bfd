import type { Migration } from './index'
import { txKey } from '../../importers/accounts/tx-key'
import { unitsSortKey } from '../../../shared/domain/amount'

/** The secondary indexes of acct_transfers; the bulk import path drops and rebuilds exactly these. */
export const ACCT_TRANSFER_INDEXES = [
  'CREATE INDEX acct_transfers_tkey ON acct_transfers(tkey)',
  'CREATE INDEX acct_transfers_from ON acct_transfers(network, from_addr)',
  'CREATE INDEX acct_transfers_to ON acct_transfers(network, to_addr)'
] as const

/**
 * Million-row account imports: the UNIQUE text index on match_key (≈90-byte keys inserted at random places) was
 * the costliest part of every insert. acct_transfers is rebuilt with an integer `tkey` (hash of network|txid, see
 * tx-key.ts) indexed instead; match_key stays on every row as the exact identity (record_sources, conflicts) and
 * uniqueness is enforced by the transfer sink, which compares it in full. The tkey index also answers
 * per-transaction lookups (it replaces the match_key prefix range). Rows, ids and every other column are copied
 * unchanged, except amount_key, which takes the shorter length-prefixed form of unitsSortKey (same order, ~56
 * bytes a row less than the 78-digit zero pad).
 */
export const m0007: Migration = {
  version: 7,
  name: 'acct-bulk',
  up(db) {
    db.function('ct_tx_key', { deterministic: true }, (network: unknown, txid: unknown) => txKey(String(network), String(txid)))
    // Old keys are the amount zero-padded to 78 digits: the same number, rewritten in the new form.
    db.function('ct_amount_key', { deterministic: true }, (key: unknown) => unitsSortKey(String(key).replace(/^0+(?=[0-9])/, '')))
    db.exec(`
      CREATE TABLE acct_transfers_new (
        id INTEGER PRIMARY KEY,
        tkey INTEGER NOT NULL,
        match_key TEXT NOT NULL,
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
      INSERT INTO acct_transfers_new (id, tkey, match_key, network, txid, idx, block, time, from_addr, to_addr, asset, amount, amount_key, attempted_amount,
        amount_text, amount_lossy, fee, status, method, kind, token_id, evidence_id, locator, import_id)
      SELECT id, ct_tx_key(network, txid), match_key, network, txid, idx, block, time, from_addr, to_addr, asset, amount, ct_amount_key(amount_key), attempted_amount,
        amount_text, amount_lossy, fee, status, method, kind, token_id, evidence_id, locator, import_id FROM acct_transfers ORDER BY id;
      DROP TABLE acct_transfers;
      ALTER TABLE acct_transfers_new RENAME TO acct_transfers;
    `)
    for (const sql of ACCT_TRANSFER_INDEXES) db.exec(sql)
  }
}
