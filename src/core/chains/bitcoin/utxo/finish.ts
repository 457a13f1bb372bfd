import type { Db } from '../../../store/db'
import type { SinkContext } from '../../../importers/types'
import { buildIndexes } from '../../../store/index-build'
import { AddressIds } from './addresses'
import { AddressTotals } from './address-totals'
import { ChildRows } from './child-rows'
import { flushStaging } from './staging'
import type { TxKeys } from './tx-keys'

/**
 * End-of-import work for the UTXO model, inside the import's transaction:
 * 1. resolve inputs whose value is unknown (raw hex, blockchain.com) from the funding tx's output, when the
 *    case now holds it — the value's source is then that output row (its evidence and locator);
 * 2. bring the per-address aggregates (btc_address) up to date: incrementally from the rows this import added
 *    when it added only new transactions, otherwise by recomputing them all.
 */
export interface ImportState {
  /** Highest btc_tx id before this import: rows above it are new. */
  maxBefore: number
  /** An existing tx was merged into or an old input was resolved: aggregates need a full recompute. */
  touchedExisting: boolean
  cacheBefore: number
  /** New txs added so far (decides the switch to bulk mode). */
  added: number
  /** In bulk mode: the CREATE statements of the indexes dropped for the load, rebuilt in finish. */
  dropped: string[] | null
  /** Address ids seen by this import (addresses.ts). */
  addrs: AddressIds
  /** Input/output rows not yet written (child-rows.ts). */
  rows: ChildRows
  /** Address totals of the new txs, summed while streaming (address-totals.ts). */
  totals: AddressTotals
  /** In bulk mode with the unique (network, txid) index dropped: the keys in memory (tx-keys.ts). */
  keys: TxKeys | null
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

/** Write the live import's pending input/output rows (before anything reads those tables). */
export function flushChildRows(db: Db): void {
  states.get(db)?.rows.flush()
}

/** Per-import bookkeeping, created on the first stored tx (see sink.ts for how a rolled-back one is told apart). */
export function importState(db: Db): ImportState {
  let s = states.get(db)
  if (!s) {
    const max = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM btc_tx').get() as { m: number }).m
    s = { maxBefore: max, touchedExisting: false, cacheBefore: Number(db.pragma('cache_size', { simple: true })), added: 0, dropped: null, addrs: new AddressIds(db), rows: new ChildRows(db), totals: new AddressTotals(db), keys: null }
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
  UPDATE btc_input INDEXED BY btc_input_unresolved SET value = o.value, addr_id = coalesce(btc_input.addr_id, o.addr_id)
  FROM btc_tx t, btc_tx pt, btc_output o
  WHERE btc_input.value IS NULL AND btc_input.prev_txid IS NOT NULL
    AND t.id = btc_input.tx_id AND pt.network = t.network AND pt.txid = btc_input.prev_txid
    AND o.tx_id = pt.id AND o.vout = btc_input.prev_vout`

// One event per output (received) and per input (sent) with a known address, grouped per address id in one sort;
// a tx counts once per address (count DISTINCT). Address rows already exist (made when their first row was stored,
// addresses.ts), so this only adds to their totals. `o` and `i` choose the txs (fixed conditions below, never input).
const eventsOver = (o: string, i: string): string => `
  WITH ev AS (
    SELECT o.addr_id AS a, o.tx_id AS tx, o.value AS recv, 0 AS sent, 1 AS ic, 0 AS oc FROM btc_output o WHERE o.addr_id IS NOT NULL AND ${o}
    UNION ALL
    SELECT i.addr_id, i.tx_id, 0, coalesce(i.value, 0), 0, 1 FROM btc_input i WHERE i.addr_id IS NOT NULL AND ${i}
  ), agg AS (
    SELECT ev.a, count(DISTINCT ev.tx) AS g_txc, sum(ev.recv) AS g_recv, sum(ev.sent) AS g_sent, sum(ev.ic) AS g_ic, sum(ev.oc) AS g_oc,
           min(coalesce(t.block_time, t.seen_time)) AS g_first, max(coalesce(t.block_time, t.seen_time)) AS g_last
      FROM ev JOIN btc_tx t ON t.id = ev.tx GROUP BY ev.a
  )
  UPDATE btc_address SET
    tx_count = tx_count + g_txc, received = received + g_recv, sent = sent + g_sent, in_count = in_count + g_ic, out_count = out_count + g_oc,
    first_seen = CASE WHEN first_seen IS NULL OR g_first < first_seen THEN g_first ELSE first_seen END,
    last_seen = CASE WHEN last_seen IS NULL OR g_last > last_seen THEN g_last ELSE last_seen END
  FROM agg WHERE btc_address.id = agg.a`
/** Over the txs with ids above @after. */
const EVENTS = eventsOver('o.tx_id > @after', 'i.tx_id > @after')
/** Over the txs listed in temp.btc_deferred_tx. */
const EVENTS_DEFERRED = eventsOver('o.tx_id IN (SELECT id FROM temp.btc_deferred_tx)', 'i.tx_id IN (SELECT id FROM temp.btc_deferred_tx)')

const RESET = 'UPDATE btc_address SET tx_count = 0, received = 0, sent = 0, in_count = 0, out_count = 0, first_seen = NULL, last_seen = NULL'

/** Recompute every address's totals from all inputs and outputs (after a merge; tests compare streamed sums with it). */
export function recomputeAddressTotals(db: Db): void {
  db.prepare(RESET).run()
  db.prepare(EVENTS).run({ after: -1 })
}

/** Run at the end of every import (the pipeline calls each sink's finish). */
export function finishUtxoImport(db: Db, ctx: Pick<SinkContext, 'count' | 'warn'>): void {
  const s = states.get(db)
  if (!s) return
  flushStaging(db)
  states.delete(db)
  db.exec('DROP TABLE IF EXISTS temp.btc_import_live')
  if (s.dropped) buildIndexes(db, s.dropped)
  const oldUnresolved = (db.prepare('SELECT count(*) AS n FROM btc_input WHERE value IS NULL AND prev_txid IS NOT NULL AND tx_id <= ?').get(s.maxBefore) as { n: number }).n
  const resolved = db.prepare(RESOLVE).run().changes
  if (resolved) ctx.count('inputs.resolved', resolved)
  const stillOld = (db.prepare('SELECT count(*) AS n FROM btc_input WHERE value IS NULL AND prev_txid IS NOT NULL AND tx_id <= ?').get(s.maxBefore) as { n: number }).n
  if (s.touchedExisting || stillOld !== oldUnresolved) {
    recomputeAddressTotals(db)
  } else if (s.totals.empty) {
    db.prepare(EVENTS).run({ after: s.maxBefore })
  } else {
    // Txs that had inputs to resolve were left out of the streamed sums: EVENTS adds them.
    if (s.totals.deferredTxs.length) {
      db.exec('CREATE TEMP TABLE IF NOT EXISTS btc_deferred_tx (id INTEGER PRIMARY KEY); DELETE FROM temp.btc_deferred_tx')
      const ins = db.prepare('INSERT INTO temp.btc_deferred_tx (id) VALUES (?)')
      for (const id of s.totals.deferredTxs) ins.run(id)
      db.prepare(EVENTS_DEFERRED).run()
      db.exec('DROP TABLE temp.btc_deferred_tx')
    }
    s.totals.applyTo()
  }
  db.exec('DROP TABLE IF EXISTS temp.btc_address_totals')
  const open = (db.prepare('SELECT count(*) AS n FROM btc_input WHERE value IS NULL AND prev_txid IS NOT NULL').get() as { n: number }).n
  db.pragma('cache_size = ' + String(Math.trunc(s.cacheBefore)))
  if (open) ctx.warn(`${open} input(s) in the case have no known value yet: import the transactions they spend to resolve them`)
}
