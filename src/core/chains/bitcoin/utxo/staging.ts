import type { Db } from '../../../store/db'
import type { SinkContext } from '../../../importers/types'
import { discardImportState, flushChildRows } from './finish'

// Keyed by the per-file context object: an import id can repeat after a rollback, the context cannot.
const stagedFor = new WeakMap<Db, SinkContext>()

/**
 * Before bulk mode (see bulk.ts), new inputs/outputs are appended to TEMP staging tables (no keys, no indexes)
 * while the file streams, then moved into btc_input/btc_output sorted by key in one INSERT … SELECT per table
 * (RELIABILITY D2: still the same transaction). Maintaining all six indexes row by row, interleaved across three
 * tables, thrashes the page cache once a case outgrows it; moving per table keeps each table's indexes hot in turn.
 * Staged rows are moved before any lookup of existing rows (merge path) and in finish.
 */
export function ensureStaging(db: Db, ctx: SinkContext): void {
  if (stagedFor.get(db) === ctx) return
  // The marker table is created inside the import's transaction and dropped by finish, so it exists only while
  // an import is live: a state left by an import that rolled back (indexes restored, rows gone) is discarded.
  if (!db.prepare("SELECT 1 FROM sqlite_temp_master WHERE name = 'btc_import_live'").get()) discardImportState(db)
  db.exec(
    'CREATE TEMP TABLE IF NOT EXISTS btc_import_live (x);' +
      'CREATE TEMP TABLE IF NOT EXISTS btc_input_stage (tx_id, idx, prev_txid, prev_vout, prev_ref, addr_id, value, coinbase, sequence, scriptsig, witness, evidence_id, locator);' +
      'CREATE TEMP TABLE IF NOT EXISTS btc_output_stage (tx_id, vout, addr_id, script_type, script_hex, value, spent_by_txid, spent_by_vin, evidence_id, locator)'
  )
  stagedFor.set(db, ctx)
}

/** Move staged rows into the real tables (sorted by primary key). */
export function flushStaging(db: Db): void {
  flushChildRows(db)
  if (!stagedFor.has(db)) return
  const exists = db.prepare("SELECT count(*) AS n FROM sqlite_temp_master WHERE name = 'btc_input_stage'").get() as { n: number }
  if (!exists.n) return
  db.exec(
    'INSERT INTO btc_input SELECT * FROM temp.btc_input_stage ORDER BY tx_id, idx; DELETE FROM temp.btc_input_stage;' +
      'INSERT INTO btc_output SELECT * FROM temp.btc_output_stage ORDER BY tx_id, vout; DELETE FROM temp.btc_output_stage'
  )
}
