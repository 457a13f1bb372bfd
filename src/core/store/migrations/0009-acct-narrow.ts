import type { Migration } from './index'
import type { Db } from '../db'
import { ACCT_TRANSFER_INDEXES } from './0007-acct-bulk'

/**
 * The text columns of acct_transfers that repeat other columns of the same row, as SQL. match_key is
 * `network|txid|native`, `network|txid|kind|asset|from|to|n` or `network|txid|nft|asset|tokenId|from|to|n`
 * (transfer-row.ts); amount_key is the digit count as two digits, then the digits (unitsSortKey); locator is
 * `line N` for a row of a text file. A row whose stored text was not of the derived form keeps it verbatim in
 * key_text / amount_key_text / loc, so every value reads back exactly as before.
 */
const MATCH_KEY_SQL =
  "coalesce(key_text, network || '|' || txid || '|' || CASE kind WHEN 'native' THEN 'native' " +
  "WHEN 'nft' THEN 'nft|' || asset || '|' || coalesce(token_id, '') || '|' || from_addr || '|' || to_addr || '|' || occ " +
  "ELSE kind || '|' || asset || '|' || from_addr || '|' || to_addr || '|' || occ END)"
const AMOUNT_KEY_SQL = "coalesce(amount_key_text, printf('%02d', length(amount)) || amount)"
const LOCATOR_SQL = "coalesce(loc, 'line ' || line)"
/** status and kind are stored as small integers (an integer binds and stores for less than a short text). */
const STATUS_SQL = "CASE status_n WHEN 0 THEN 'ok' WHEN 1 THEN 'failed' END"
const KIND_SQL = "CASE kind_n WHEN 0 THEN 'native' WHEN 1 THEN 'internal' WHEN 2 THEN 'token' WHEN 3 THEN 'nft' END"

/** The commonest asset and source index are stored as NULL: 'native' (the chain's coin) and 'tx' (a top-level transaction). */
const ASSET_SQL = "coalesce(asset_text, 'native')"
const IDX_SQL = "coalesce(idx_text, 'tx')"

/** The stored integer of each status, and of each kind (schema 9: status_n, kind_n). */
export const STATUS_CODE = { ok: 0, failed: 1 } as const
export const KIND_CODE = { native: 0, internal: 1, token: 2, nft: 3 } as const

/** The line number a `line N` locator names, or null for any other locator (stored verbatim in `loc`). */
export function locatorLine(locator: string): number | null {
  const m = /^line ([1-9][0-9]{0,14})$/.exec(locator)
  return m ? Number(m[1]) : null
}

/**
 * The occurrence number `n` of a stored match key when the key is exactly the form derived from the row's
 * columns (null for a native key, which has none), or -1 when it is not (the key is then kept verbatim).
 */
export function keyOccurrence(key: string, network: string, txid: string, kind: string, asset: string, tokenId: string | null, from: string, to: string): number | null {
  if (kind === 'native') return key === network + '|' + txid + '|native' ? null : -1
  const prefix = kind === 'nft' ? network + '|' + txid + '|nft|' + asset + '|' + (tokenId ?? '') + '|' + from + '|' + to + '|' : network + '|' + txid + '|' + kind + '|' + asset + '|' + from + '|' + to + '|'
  if (!key.startsWith(prefix)) return -1
  const n = key.slice(prefix.length)
  return /^(0|[1-9][0-9]{0,14})$/.test(n) ? Number(n) : -1
}

function defineFunctions(db: Db): void {
  db.function('ct_key_occ', { deterministic: true, varargs: true }, (...a: unknown[]) =>
    keyOccurrence(String(a[0]), String(a[1]), String(a[2]), String(a[3]), String(a[4]), a[5] === null ? null : String(a[5]), String(a[6]), String(a[7]))
  )
  db.function('ct_locator_line', { deterministic: true }, (locator: unknown) => locatorLine(String(locator)))
}

/**
 * Narrower account transfer rows for million-row imports: match_key (~77 bytes for a native transfer, ~170 for a
 * token one), amount_key (~22) and locator (`line N`) repeated what the row already holds, and were most of the
 * bytes SQLite wrote per transfer. They become VIRTUAL generated columns computed from the row (plus an integer
 * occurrence `occ` and an integer `line`), as do status and kind (from small integers) and asset and idx (NULL for
 * the commonest 'native' and 'tx'; a short text bind costs about 0.2 µs a row), so every query,
 * record_sources and conflicts keep reading the very same text, and nothing that refers to a key needs rewriting. The migration checks every converted row reads back
 * identical (match_key, amount_key, locator and every other column) before it drops the old table.
 */
export const m0009: Migration = {
  version: 9,
  name: 'acct-narrow',
  up(db) {
    defineFunctions(db)
    db.exec(
      'CREATE TABLE acct_transfers_new (' +
        "id INTEGER PRIMARY KEY, tkey INTEGER NOT NULL, occ INTEGER, network TEXT NOT NULL, txid TEXT NOT NULL, idx_text TEXT CHECK (idx_text <> 'tx'), block INTEGER, time INTEGER, " +
        "from_addr TEXT NOT NULL, to_addr TEXT NOT NULL, asset_text TEXT CHECK (asset_text <> 'native'), amount TEXT NOT NULL, attempted_amount TEXT, amount_text TEXT, " +
        'amount_lossy INTEGER NOT NULL DEFAULT 0, fee TEXT, ' +
        'status_n INTEGER NOT NULL CHECK (status_n IN (0, 1)), method TEXT, kind_n INTEGER NOT NULL CHECK (kind_n BETWEEN 0 AND 3), token_id TEXT, ' +
        'evidence_id INTEGER NOT NULL REFERENCES evidence(id), line INTEGER, loc TEXT, import_id INTEGER NOT NULL REFERENCES imports(id), ' +
        'key_text TEXT, amount_key_text TEXT, ' +
        'idx TEXT GENERATED ALWAYS AS (' + IDX_SQL + ') VIRTUAL, ' +
        'asset TEXT GENERATED ALWAYS AS (' + ASSET_SQL + ') VIRTUAL, ' +
        'status TEXT GENERATED ALWAYS AS (' + STATUS_SQL + ') VIRTUAL, ' +
        'kind TEXT GENERATED ALWAYS AS (' + KIND_SQL + ') VIRTUAL, ' +
        'match_key TEXT GENERATED ALWAYS AS (' + MATCH_KEY_SQL + ') VIRTUAL, ' +
        'amount_key TEXT GENERATED ALWAYS AS (' + AMOUNT_KEY_SQL + ') VIRTUAL, ' +
        'locator TEXT GENERATED ALWAYS AS (' + LOCATOR_SQL + ') VIRTUAL, ' +
        "CHECK (key_text IS NOT NULL OR kind = 'native' OR occ IS NOT NULL), CHECK ((line IS NULL) <> (loc IS NULL)))"
    )
    db.exec(`
      INSERT INTO acct_transfers_new (id, tkey, occ, network, txid, idx_text, block, time, from_addr, to_addr, asset_text, amount, attempted_amount, amount_text,
        amount_lossy, fee, status_n, method, kind_n, token_id, evidence_id, line, loc, import_id, key_text, amount_key_text)
      SELECT id, tkey, CASE WHEN o >= 0 THEN o END, network, txid, nullif(idx, 'tx'), block, time, from_addr, to_addr, nullif(asset, 'native'), amount, attempted_amount, amount_text,
        amount_lossy, fee, CASE status WHEN 'ok' THEN 0 WHEN 'failed' THEN 1 END, method,
        CASE kind WHEN 'native' THEN 0 WHEN 'internal' THEN 1 WHEN 'token' THEN 2 WHEN 'nft' THEN 3 END, token_id, evidence_id, l, CASE WHEN l IS NULL THEN locator END, import_id,
        CASE WHEN o = -1 THEN match_key END, CASE WHEN amount_key IS NOT printf('%02d', length(amount)) || amount THEN amount_key END
      FROM (SELECT *, ct_key_occ(match_key, network, txid, kind, asset, token_id, from_addr, to_addr) AS o, ct_locator_line(locator) AS l FROM acct_transfers)
      ORDER BY id;
    `)
    const cols = 'tkey, network, txid, idx, block, time, from_addr, to_addr, asset, amount, attempted_amount, amount_text, amount_lossy, fee, status, method, kind, token_id, evidence_id, import_id, match_key, amount_key, locator'
    const differ = db
      .prepare('SELECT count(*) FROM (SELECT id, ' + cols + ' FROM acct_transfers EXCEPT SELECT id, ' + cols + ' FROM acct_transfers_new)')
      .pluck()
      .get() as number
    const counts = db.prepare('SELECT (SELECT count(*) FROM acct_transfers) - (SELECT count(*) FROM acct_transfers_new)').pluck().get() as number
    // Cannot happen by construction; if it ever did, the case must stay as it was rather than change a key.
    if (differ || counts) throw new Error(`migration 0009: ${differ || counts} account transfers would not read back identically; the case was left unchanged`)
    db.exec('DROP TABLE acct_transfers')
    db.exec('ALTER TABLE acct_transfers_new RENAME TO acct_transfers')
    for (const sql of ACCT_TRANSFER_INDEXES) db.exec(sql)
  }
}
