import type { Db } from '../../../store/db'
import type { SinkContext } from '../../../importers/types'
import { rebuildIndexes } from './bulk'
import { IN_EVIDENCE, IN_LOCATOR, OUT_EVIDENCE, OUT_LOCATOR } from './compact'
import { flushStaging } from './sink'

/**
 * End-of-import work for the UTXO model, inside the import's transaction:
 * 1. resolve inputs whose value is unknown (raw hex, blockchain.com) from the funding tx's output, when the
 *    case now holds it — the value's source is then that output row (its evidence and locator);
 * 2. bring the per-address aggregates (btc_address) up to date: incrementally from the rows this import added
 *    when it added only new transactions, otherwise by recomputing them all.
 */
interface ImportState {
  /** Highest btc_tx id before this import: rows above it are new. */
  maxBefore: number
  /** An existing tx was merged into or an old input was resolved: aggregates need a full recompute. */
  touchedExisting: boolean
  cacheBefore: number
  /** New txs added so far (decides the switch to bulk mode). */
  added: number
  /** In bulk mode: the CREATE statements of the indexes dropped for the load, rebuilt in finish. */
  dropped: string[] | null
}

const states = new WeakMap<Db, ImportState>()
const CACHE_MB = Math.min(4096, Math.max(8, Number(process.env.CHAINTRAIL_IMPORT_CACHE_MB) || 128))

/** Forget the state of an import that rolled back (its dropped indexes are back, its rows gone). */
export function discardImportState(db: Db): void {
  const s = states.get(db)
  if (!s) return
  states.delete(db)
  db.pragma('cache_size = ' + String(Math.trunc(s.cacheBefore)))
}

/** Per-import bookkeeping, created on the first stored tx (see sink.ts for how a rolled-back one is told apart). */
export function importState(db: Db): ImportState {
  let s = states.get(db)
  if (!s) {
    const max = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM btc_tx').get() as { m: number }).m
    s = { maxBefore: max, touchedExisting: false, cacheBefore: Number(db.pragma('cache_size', { simple: true })), added: 0, dropped: null }
    states.set(db, s)
    // Random-key index inserts (txids, addresses) thrash the default 2 MB page cache; a bounded cache (128 MB,
    // CHAINTRAIL_IMPORT_CACHE_MB to change) keeps a large import fast while memory stays flat in the file size.
    // Restored in finish.
    db.pragma('cache_size = ' + String(-1024 * CACHE_MB))
  }
  return s
}

// INDEXED BY: without it the planner walks the whole outpoint index (every input) to find the few unresolved.
const RESOLVE = `
  UPDATE btc_input INDEXED BY btc_input_unresolved SET value = o.value, address = coalesce(btc_input.address, o.address)
  FROM btc_tx t, btc_tx pt, btc_output o
  WHERE btc_input.value IS NULL AND btc_input.prev_txid IS NOT NULL
    AND t.id = btc_input.tx_id AND pt.network = t.network AND pt.txid = btc_input.prev_txid
    AND o.tx_id = pt.id AND o.vout = btc_input.prev_vout`

// One event per output (received) and per input (sent) with a known address, grouped per address in one sort;
// a tx counts once per address (count DISTINCT). The address's first source is a row of its earliest tx,
// looked up after grouping (one index probe per address rather than a string per row).
const EVENTS = `
  WITH ev AS (
    SELECT t.network AS network, o.address AS address, t.id AS tx, o.value AS recv, 0 AS sent, 1 AS ic, 0 AS oc,
           coalesce(t.block_time, t.seen_time) AS time
      FROM btc_output o JOIN btc_tx t ON t.id = o.tx_id WHERE o.address IS NOT NULL AND o.tx_id > @after
    UNION ALL
    SELECT t.network, i.address, t.id, 0, coalesce(i.value, 0), 0, 1, coalesce(t.block_time, t.seen_time)
      FROM btc_input i JOIN btc_tx t ON t.id = i.tx_id WHERE i.address IS NOT NULL AND i.tx_id > @after
  ), agg AS (
    SELECT network, address, count(DISTINCT tx) AS txc, sum(recv) AS recv, sum(sent) AS sent, sum(ic) AS ic, sum(oc) AS oc,
           min(time) AS first, max(time) AS last, min(tx) AS first_tx
      FROM ev GROUP BY network, address
  ), src AS (
    SELECT agg.*, coalesce(
        (SELECT ${OUT_EVIDENCE} || ' ' || ${OUT_LOCATOR} FROM btc_output o JOIN btc_tx t ON t.id = o.tx_id WHERE o.tx_id = agg.first_tx AND o.address = agg.address LIMIT 1),
        (SELECT ${IN_EVIDENCE} || ' ' || ${IN_LOCATOR} FROM btc_input i JOIN btc_tx t ON t.id = i.tx_id WHERE i.tx_id = agg.first_tx AND i.address = agg.address LIMIT 1)) AS s
      FROM agg
  )
  INSERT INTO btc_address (network, address, type, tx_count, received, sent, in_count, out_count, first_seen, last_seen, evidence_id, locator)
  SELECT network, address,
         CASE WHEN address GLOB '[1mn]*' THEN 'p2pkh' WHEN address GLOB '[23]*' THEN 'p2sh'
              WHEN address GLOB '*1p*' AND length(address) IN (62, 64) THEN 'p2tr'
              WHEN address GLOB '*1q*' AND length(address) IN (42, 43, 44) THEN 'p2wpkh'
              WHEN address GLOB '*1q*' THEN 'p2wsh' ELSE 'other' END,
         txc, recv, sent, ic, oc, first, last,
         CAST(substr(s, 1, instr(s, ' ') - 1) AS INTEGER), substr(s, instr(s, ' ') + 1)
    FROM src WHERE true
  ON CONFLICT (network, address) DO UPDATE SET
    tx_count = tx_count + excluded.tx_count, received = received + excluded.received, sent = sent + excluded.sent,
    in_count = in_count + excluded.in_count, out_count = out_count + excluded.out_count,
    first_seen = CASE WHEN first_seen IS NULL OR excluded.first_seen < first_seen THEN excluded.first_seen ELSE first_seen END,
    last_seen = CASE WHEN last_seen IS NULL OR excluded.last_seen > last_seen THEN excluded.last_seen ELSE last_seen END`

/** Run at the end of every import (the pipeline calls each sink's finish). */
export function finishUtxoImport(db: Db, ctx: Pick<SinkContext, 'count' | 'warn'>): void {
  const s = states.get(db)
  if (!s) return
  states.delete(db)
  flushStaging(db)
  db.exec('DROP TABLE IF EXISTS temp.btc_import_live')
  if (s.dropped) rebuildIndexes(db, s.dropped)
  const oldUnresolved = (db.prepare('SELECT count(*) AS n FROM btc_input WHERE value IS NULL AND prev_txid IS NOT NULL AND tx_id <= ?').get(s.maxBefore) as { n: number }).n
  const resolved = db.prepare(RESOLVE).run().changes
  if (resolved) ctx.count('inputs.resolved', resolved)
  const stillOld = (db.prepare('SELECT count(*) AS n FROM btc_input WHERE value IS NULL AND prev_txid IS NOT NULL AND tx_id <= ?').get(s.maxBefore) as { n: number }).n
  if (s.touchedExisting || stillOld !== oldUnresolved) {
    db.prepare('DELETE FROM btc_address').run()
    db.prepare(EVENTS).run({ after: -1 })
  } else {
    db.prepare(EVENTS).run({ after: s.maxBefore })
  }
  const open = (db.prepare('SELECT count(*) AS n FROM btc_input WHERE value IS NULL AND prev_txid IS NOT NULL').get() as { n: number }).n
  db.pragma('cache_size = ' + String(Math.trunc(s.cacheBefore)))
  if (open) ctx.warn(`${open} input(s) in the case have no known value yet: import the transactions they spend to resolve them`)
}
