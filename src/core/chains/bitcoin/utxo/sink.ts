import type { Statement } from 'better-sqlite3'
import type { Db } from '../../../store/db'
import type { ImportRecord, Sink, SinkContext } from '../../../importers/types'
import { dropSecondaryIndexes, wantsBulk } from './bulk'
import { finishUtxoImport, importState, type ImportState } from './finish'
import { TxKeys } from './tx-keys'
import { BTC_TX_KEY_INDEX } from '../../../store/migrations/0010-btc-tx-key'
import { ensureStaging, flushStaging } from './staging'
import type { ChildRows } from './child-rows'
import type { AddressTotals } from './address-totals'
import { ADDRESS_OF_INPUT, ADDRESS_OF_OUTPUT, type AddressIds } from './addresses'
import { hashIn, HASH_COLUMNS, SCRIPT_MARKER, scriptIn, scriptOfAddress, subLocator, textRow, vinSuffix, voutSuffix } from './compact'
import { BTC_TX, BTC_WARNING, type BtcInputRecord, type BtcOutputRecord, type BtcTxRecord } from './records'

/**
 * Stores Bitcoin transactions. The same tx from several explorers is one row: a new source of a known tx goes
 * to record_sources; a field the case lacks is filled in (no conflict: nothing is overwritten); a field both
 * sources give with different values is a conflict (both kept, the row keeps its first value).
 */
interface Stmts {
  selTx: Statement
  selTxById: Statement
  insTx: Statement
  /** The same insert without the conflict clause, for bulk mode: the unique index it names is dropped then. */
  insTxBulk: Statement
  selIn: Statement
  selOut: Statement
}

const cache = new WeakMap<Db, Stmts>()
function stmts(db: Db): Stmts {
  let s = cache.get(db)
  if (s) return s
  const insert = `INSERT INTO btc_tx (network, txid, wtxid, block_height, block_hash, block_time, seen_time, fee, size, vsize, weight, version, locktime,
      coinbase, confirmed, input_count, output_count, total_out, complete, evidence_id, locator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  s = {
    selTx: db.prepare('SELECT * FROM btc_tx WHERE network = ? AND txid = ?').safeIntegers(true),
    selTxById: db.prepare('SELECT * FROM btc_tx WHERE id = ?').safeIntegers(true),
    insTx: db.prepare(insert + ' ON CONFLICT (network, txid) DO NOTHING'),
    insTxBulk: db.prepare(insert),
    selIn: db.prepare('SELECT i.*, a.address FROM btc_input i ' + ADDRESS_OF_INPUT + ' WHERE i.tx_id = ? AND i.idx = ?').safeIntegers(true),
    selOut: db.prepare('SELECT o.*, a.address FROM btc_output o ' + ADDRESS_OF_OUTPUT + ' WHERE o.tx_id = ? AND o.vout = ?').safeIntegers(true)
  }
  cache.set(db, s)
  return s
}

type Row = Record<string, unknown>

/** Header fields compared between sources: record field → column. */
const HEADER: [keyof BtcTxRecord, string][] = [
  ['wtxid', 'wtxid'],
  ['blockHeight', 'block_height'],
  ['blockHash', 'block_hash'],
  ['blockTime', 'block_time'],
  ['fee', 'fee'],
  ['size', 'size'],
  ['vsize', 'vsize'],
  ['weight', 'weight'],
  ['version', 'version'],
  ['locktime', 'locktime'],
  ['inputCount', 'input_count'],
  ['outputCount', 'output_count']
]
const INPUT: [keyof BtcInputRecord, string][] = [
  ['prevTxid', 'prev_txid'],
  ['prevVout', 'prev_vout'],
  ['address', 'address'],
  ['value', 'value'],
  ['sequence', 'sequence']
]
const OUTPUT: [keyof BtcOutputRecord, string][] = [
  ['address', 'address'],
  ['value', 'value'],
  ['scriptHex', 'script_hex'],
  ['spentByTxid', 'spent_by_txid'],
  ['spentByVin', 'spent_by_vin']
]

/** Whether the import being stored is in bulk mode (set per record from its state; one import at a time per process). */
let bulk = false

const b = (v: boolean | undefined): number => (v ? 1 : 0)
const n = <T>(v: T | undefined): T | null => (v === undefined ? null : v)

/** The tx row an input/output hangs off: its source is theirs too unless they say otherwise (compact.ts). */
interface TxSource {
  id: number | bigint
  network: string
  evidenceId: number
  locator: string
  addrs: AddressIds
  rows: ChildRows
  /** Where the rows' address totals are summed while streaming (a new tx whose inputs are all known), else null. */
  totals: AddressTotals | null
  /** The tx's time as EVENTS takes it (block time, else first seen). */
  time: number | null
  /** Generation of the address keys of a parse-worker record (records.ts BtcTxRecord.keys), else undefined. */
  keys: object | undefined
}

/**
 * Id of a child row's address: by its wire key when it has one (addresses.ts ofKey), else by its text. A new
 * address takes the row as its source: `loc` (null: the tx's own locator + `at`).
 */
function addressId(tx: TxSource, address: string, key: number | undefined, ctx: SinkContext, loc: string | null, at: string): number {
  if (tx.keys === undefined || key === undefined || key < 0) return tx.addrs.cached(tx.network, address) ?? tx.addrs.make(tx.network, address, ctx.evidenceId, loc ?? subLocator(ctx.locator, at))
  let id = tx.addrs.ofKey(tx.keys, key)
  if (id === 0) tx.addrs.keep(key, (id = tx.addrs.cached(tx.network, address) ?? tx.addrs.make(tx.network, address, ctx.evidenceId, loc ?? subLocator(ctx.locator, at))))
  return id
}

/**
 * scriptsig/witness are not copied into the tables: they are the bulk of an input's bytes, no view uses them,
 * and the locker file keeps them at the input's locator (the columns stay for a later opt-in).
 * The source columns are NULL when they are the tx's own plus "/vin/<idx>" (derived on read, compact.ts).
 */
function insertInput(tx: TxSource, i: BtcInputRecord, ctx: SinkContext): void {
  const own = isOwn(tx, ctx, i.at, vinSuffix(i.index))
  const loc = own ? null : subLocator(ctx.locator, i.at)
  const addr = i.address === null ? null : addressId(tx, i.address, i.addrKey, ctx, loc, i.at)
  if (addr !== null) tx.totals?.input(addr, i.value, tx.time)
  tx.rows.inputRow(bulk).push(tx.id, i.index, i.prevIn !== undefined ? i.prevIn : hashIn(i.prevTxid), i.prevVout, n(i.prevRef), addr, i.value, b(i.coinbase), n(i.sequence), null, null, own ? null : ctx.evidenceId, loc)
}

function insertOutput(tx: TxSource, o: BtcOutputRecord, ctx: SinkContext): void {
  const own = isOwn(tx, ctx, o.at, voutSuffix(o.vout))
  const loc = own ? null : subLocator(ctx.locator, o.at)
  const addr = o.address === null ? null : addressId(tx, o.address, o.addrKey, ctx, loc, o.at)
  const script = o.scriptIsAddress === undefined ? scriptIn(o.scriptHex, o.scriptType, o.address, tx.network) : o.scriptIsAddress ? SCRIPT_MARKER : n(o.scriptHex)
  if (addr !== null) tx.totals?.output(addr, o.value, tx.time)
  tx.rows.outputRow(bulk).push(tx.id, o.vout, addr, o.scriptType, script, o.value, o.spentIn !== undefined ? o.spentIn : hashIn(n(o.spentByTxid)), n(o.spentByVin), own ? null : ctx.evidenceId, loc)
}

/** Is a child's source the tx's own plus its standard suffix (stored as NULLs, compact.ts)? */
function isOwn(tx: TxSource, ctx: SinkContext, at: string, suffix: string): boolean {
  if (ctx.evidenceId !== tx.evidenceId) return false
  // Same tx locator on both sides (a new tx): the locators agree exactly when the suffixes do.
  if (ctx.locator === tx.locator) return at === suffix
  return subLocator(ctx.locator, at) === subLocator(tx.locator, suffix)
}

/** Compare one field: fill a gap, or report a disagreement. Returns the SQL assignment to make, if any. */
function reconcile(ctx: SinkContext, key: string, field: string, existing: unknown, incoming: unknown, row: Row): boolean {
  if (incoming === null || incoming === undefined) return false
  if (existing === null || existing === undefined) return true
  if (String(existing) !== String(incoming)) {
    ctx.conflict({
      kind: BTC_TX,
      key,
      field,
      existing: String(existing),
      incoming: String(incoming),
      existingEvidenceId: Number(row.evidence_id),
      existingLocator: String(row.locator)
    })
    ctx.count('conflicts')
  }
  return false
}

// Column names below come only from the fixed tables above, never from input.
const fillStmt = new WeakMap<Db, Map<string, Statement>>()
function fill(db: Db, table: 'btc_tx' | 'btc_input' | 'btc_output', col: string, where: string): Statement {
  let m = fillStmt.get(db)
  if (!m) fillStmt.set(db, (m = new Map()))
  const k = table + '.' + col
  let st = m.get(k)
  if (!st) {
    const c = col === 'address' ? 'addr_id' : col
    const sql = 'UPDATE ' + table + ' SET ' + c + ' = ? WHERE ' + where + ' AND ' + c + ' IS NULL'
    st = db.prepare(sql)
    m.set(k, st)
  }
  return st
}

/** A value filled into a column, in its stored form (hash columns as BLOBs, addresses as ids; a filled script stays text). */
function stored(col: string, v: unknown, network?: string, ctx?: SinkContext, at = ''): unknown {
  if (col === 'address' && ctx && network && typeof v === 'string') {
    const a = importState(ctx.db).addrs
    return a.cached(network, v) ?? a.make(network, v, ctx.evidenceId, subLocator(ctx.locator, at))
  }
  return HASH_COLUMNS.has(col) && typeof v === 'string' ? hashIn(v) : v
}

// Consecutive txs mostly share their block: its hash is converted once.
let lastBlock: { text: string; stored: Buffer | string } | null = null
function blockHashIn(h: string | null): Buffer | string | null {
  if (h === null) return null
  if (lastBlock?.text !== h) lastBlock = { text: h, stored: hashIn(h) }
  return lastBlock.stored
}

function storeTx(rec: BtcTxRecord, ctx: SinkContext): void {
  ensureStaging(ctx.db, ctx)
  const s = stmts(ctx.db)
  const st = importState(ctx.db)
  bulk = st.dropped !== null
  const totalOut = rec.outputs.reduce((t, o) => t + o.value, 0n)
  // A partial view (paged outputs, filtered multiaddr, one TSV row) is counted so the summary shows it.
  if (!rec.complete) ctx.count('transactions.partial')
  // Worked out by the parse worker for a record from its wire (records.ts), else here.
  const txid = rec.txidIn !== undefined ? rec.txidIn : hashIn(rec.txid)
  // In bulk mode the unique index is dropped and the in-memory keys find a known tx (tx-keys.ts).
  const known = st.keys ? st.keys.find(rec.network, txid) : 0
  if (known) return mergeTx(s, rec, textRow(s.selTxById.get(known) as Row), ctx, totalOut)
  // Otherwise insert first: a new tx (the common case) costs one probe of the (network, txid) index, not two. run()
  // and `changes`, not RETURNING: better-sqlite3 spends ~6 µs more per row on a RETURNING statement (bench/import-btc.ts).
  const ins = (st.keys ? s.insTxBulk : s.insTx).run(
    rec.network, txid, rec.wtxidIn !== undefined ? rec.wtxidIn : hashIn(n(rec.wtxid)), n(rec.blockHeight), blockHashIn(n(rec.blockHash)), n(rec.blockTime), n(rec.seenTime), n(rec.fee), n(rec.size), n(rec.vsize),
    n(rec.weight), n(rec.version), n(rec.locktime), b(rec.coinbase), b(rec.confirmed), n(rec.inputCount), n(rec.outputCount),
    rec.complete ? totalOut : null, b(rec.complete), ctx.evidenceId, ctx.locator
  )
  if (ins.changes) {
    if (st.keys) addKey(ctx.db, st, rec.network, txid, Number(ins.lastInsertRowid))
    // A tx with an input the end of the import may resolve is summed there (address-totals.ts), not here.
    const later = rec.inputs.some((i) => i.value === null && (i.prevIn !== undefined ? i.prevIn : i.prevTxid) !== null)
    if (later) st.totals.deferredTxs.push(Number(ins.lastInsertRowid))
    else st.totals.beginTx()
    const tx: TxSource = {
      id: ins.lastInsertRowid, network: rec.network, evidenceId: ctx.evidenceId, locator: ctx.locator, addrs: st.addrs, rows: st.rows,
      totals: later ? null : st.totals, time: rec.blockTime ?? rec.seenTime ?? null, keys: rec.keys
    }
    // Outputs first: an address first named here takes the output as its source (addresses.ts).
    for (const o of rec.outputs) insertOutput(tx, o, ctx)
    for (const i of rec.inputs) insertInput(tx, i, ctx)
    ctx.count('transactions.new')
    ctx.count('inputs.new', rec.inputs.length)
    ctx.count('outputs.new', rec.outputs.length)
    if (++st.added % 500 === 0 && !bulk && wantsBulk(st.added, st.maxBefore)) enterBulk(ctx.db, st)
    return
  }
  mergeTx(s, rec, textRow(s.selTx.get(rec.network, txid) as Row), ctx, totalOut)
}

/** Switch to bulk mode (bulk.ts): secondary indexes dropped, and the unique key too unless the case is too big to hold in memory. */
function enterBulk(db: Db, st: ImportState): void {
  const keys = TxKeys.load(db)
  st.keys = keys.full ? null : keys
  st.dropped = dropSecondaryIndexes(db, { keepTxKey: keys.full })
  flushStaging(db)
}

function addKey(db: Db, st: ImportState, network: string, txid: Buffer | string, id: number): void {
  st.keys!.add(network, txid, id)
  if (!st.keys!.full) return
  // Bounded memory: past its limit the in-memory table gives way to the unique index, rebuilt now by sorting.
  st.keys = null
  db.exec(BTC_TX_KEY_INDEX)
  st.dropped = st.dropped!.filter((sql) => sql !== BTC_TX_KEY_INDEX)
}

function mergeTx(s: Stmts, rec: BtcTxRecord, row: Row, ctx: SinkContext, totalOut: bigint): void {
  const db = ctx.db
  const key = `${rec.network}:${rec.txid}`
  const id = row.id as bigint
  // The wire leaves out a script that is its address's (wire.ts): compared with the existing row, it is that text.
  for (const o of rec.outputs) if (o.scriptIsAddress && o.scriptHex == null) o.scriptHex = scriptOfAddress(o.address, rec.network)
  const tx: TxSource = { id, network: rec.network, evidenceId: Number(row.evidence_id), locator: String(row.locator), addrs: importState(db).addrs, rows: importState(db).rows, totals: null, time: null, keys: rec.keys }
  // A child row with derived source columns takes the tx's (what a conflict note names as the existing source).
  const child = (r: Row, suffix: string): Row => {
    textRow(r, rec.network)
    if (r.locator === null) {
      r.evidence_id = row.evidence_id
      r.locator = subLocator(tx.locator, suffix)
    }
    return r
  }
  importState(db).touchedExisting = true
  flushStaging(db)
  ctx.addSource(BTC_TX, key)
  ctx.count('transactions.existing')
  for (const [f, col] of HEADER) if (reconcile(ctx, key, col, row[col], rec[f], row)) fill(db, 'btc_tx', col, 'id = ?').run(stored(col, rec[f]), id)
  if (rec.seenTime !== undefined && rec.seenTime !== null && row.seen_time === null) fill(db, 'btc_tx', 'seen_time', 'id = ?').run(rec.seenTime, id)
  if (rec.confirmed && !row.confirmed) db.prepare('UPDATE btc_tx SET confirmed = 1 WHERE id = ?').run(id)
  if (rec.coinbase && !row.coinbase) reconcile(ctx, key, 'coinbase', 0, 1, row)
  for (const i of rec.inputs) {
    const got = s.selIn.get(id, i.index) as Row | undefined
    const have = got && child(got, vinSuffix(i.index))
    if (!have) {
      insertInput(tx, i, ctx)
      ctx.count('inputs.new')
      continue
    }
    ctx.count('inputs.existing')
    for (const [f, col] of INPUT) {
      if (reconcile(ctx, key, `vin/${i.index}/${col}`, have[col], i[f], have)) fill(db, 'btc_input', col, 'tx_id = ? AND idx = ?').run(stored(col, i[f], rec.network, ctx, i.at), id, i.index)
    }
  }
  for (const o of rec.outputs) {
    const got = s.selOut.get(id, o.vout) as Row | undefined
    const have = got && child(got, voutSuffix(o.vout))
    if (!have) {
      insertOutput(tx, o, ctx)
      ctx.count('outputs.new')
      continue
    }
    ctx.count('outputs.existing')
    for (const [f, col] of OUTPUT) {
      if (reconcile(ctx, key, `vout/${o.vout}/${col}`, have[col], o[f], have)) fill(db, 'btc_output', col, 'tx_id = ? AND vout = ?').run(stored(col, o[f], rec.network, ctx, o.at), id, o.vout)
    }
    // "unknown" is what a source without script info says; a real type from another source is no conflict.
    if (have.script_type === 'unknown' && o.scriptType !== 'unknown') db.prepare('UPDATE btc_output SET script_type = ? WHERE tx_id = ? AND vout = ?').run(o.scriptType, id, o.vout)
    else if (o.scriptType !== 'unknown' && have.script_type !== o.scriptType) reconcile(ctx, key, `vout/${o.vout}/script_type`, have.script_type, o.scriptType, have)
  }
  if (rec.complete && !row.complete) {
    db.prepare('UPDATE btc_tx SET complete = 1, total_out = ? WHERE id = ?').run(totalOut, id)
  }
}

/** The sink for BTC_TX records. */
export const utxoSink: Sink = {
  kind: BTC_TX,
  store(record: ImportRecord, ctx: SinkContext) {
    storeTx(record.data as BtcTxRecord, ctx)
  },
  finish(db, ctx) {
    finishUtxoImport(db, ctx)
  }
}

/** Passes importer notes (paged tx, hasMore, double-spend flag) into the import summary. */
export const utxoWarningSink: Sink = {
  kind: BTC_WARNING,
  store(record: ImportRecord, ctx: SinkContext) {
    ctx.warn(`${ctx.locator}: ${String(record.data)}`)
  }
}
