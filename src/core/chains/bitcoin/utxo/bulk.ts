import type { Db } from '../../../store/db'

/**
 * Bulk-load mode of a large import (TOOLCHAIN pitfall 7: loading with indexes present is ~10× slower).
 * Once an import has added as many transactions as the case held before it (and at least BULK_MIN), the
 * secondary indexes of the UTXO tables are dropped inside the import's transaction, rows are appended in key
 * order, and the indexes are rebuilt once, by sorting, at the end of the import — still inside the same
 * transaction, so a failed or killed import leaves the schema and the data exactly as before. The rebuild costs
 * time proportional to the whole case, which is why the switch waits until the import is at least as large
 * as the case: an import into a much bigger case keeps the indexes and takes the staged path.
 * The (network, txid) uniqueness index (btc_tx_key, migration 0010) is dropped too: while it is away, the keys
 * are held in memory (tx-keys.ts) and find duplicates as the file streams; rebuilding it at the end checks them
 * once more. A case too large for that table in memory keeps the index.
 */
export const BULK_MIN = 20_000

const TABLES = ['btc_tx', 'btc_input', 'btc_output']
/**
 * Kept while loading: a partial index over the few inputs whose value is unknown costs nothing to maintain for
 * the rest, while rebuilding it would scan every input once more.
 */
const KEEP = ['btc_input_unresolved']

/**
 * Should an import that has added `added` new txs to a case that held `before` switch to bulk mode?
 * CHAINTRAIL_BULK_MIN overrides BULK_MIN (tests drive small files through bulk mode with it).
 */
export function wantsBulk(added: number, before: number): boolean {
  const min = Number(process.env.CHAINTRAIL_BULK_MIN) > 0 ? Number(process.env.CHAINTRAIL_BULK_MIN) : BULK_MIN
  return added >= min && added >= before
}

/** Drop the secondary indexes of the UTXO tables; returns their CREATE statements for `buildIndexes`. */
export function dropSecondaryIndexes(db: Db, opts: { keepTxKey: boolean }): string[] {
  const keep = opts.keepTxKey ? [...KEEP, 'btc_tx_key'] : [...KEEP, '']
  const rows = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (?, ?, ?) AND name NOT IN (?, ?) ORDER BY name")
    .all(...TABLES, ...keep) as { name: string; sql: string }[]
  // Names come from sqlite_master (our own migrations), quoted anyway.
  for (const r of rows) db.exec('DROP INDEX "' + r.name.replace(/"/g, '""') + '"')
  return rows.map((r) => r.sql)
}
