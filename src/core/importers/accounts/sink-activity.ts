import type { ImportRecord, Sink, SinkContext } from '../types'
import { KIND, type EventRec, type ExchangeRec } from './records'

let occ: { ctx: SinkContext | null; counts: Map<string, number> } = { ctx: null, counts: new Map() }

/**
 * Exchange statement lines. Key: the statement's own row id when it has one; otherwise the line's content
 * (time, type, asset, amount) plus its occurrence number within the file, because Binance writes one trade as
 * several identical-looking lines.
 */
function exchangeKey(e: ExchangeRec, ctx: SinkContext): string {
  if (e.ref) return `${e.exchange}|${e.account}|ref|${e.ref}|${e.type}|${e.asset}`
  if (occ.ctx !== ctx) occ = { ctx, counts: new Map() }
  const base = `${e.exchange}|${e.account}|${e.time ?? ''}|${e.type}|${e.asset}|${e.amount}`
  const n = occ.counts.get(base) ?? 0
  occ.counts.set(base, n + 1)
  return `${base}|${n}`
}

/** Stores exchange-account activity; the same line from a second copy of a statement becomes a further source. */
export const exchangeSink: Sink = {
  kind: KIND.exchange,
  store(record: ImportRecord, ctx: SinkContext) {
    const e = record.data as ExchangeRec
    const key = exchangeKey(e, ctx)
    const row = ctx.db.prepare('SELECT id, amount, txid, evidence_id, locator FROM exchange_activity WHERE match_key = ?').get(key) as
      | { id: number; amount: string; txid: string | null; evidence_id: number; locator: string }
      | undefined
    if (!row) {
      ctx.db
        .prepare(
          `INSERT INTO exchange_activity (match_key, exchange, account, time, type, asset, amount, fee, fee_asset, network, txid, address, ref, note, evidence_id, locator)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(key, e.exchange, e.account, e.time, e.type, e.asset, e.amount, e.fee, e.feeAsset, e.network, e.txid, e.address, e.ref, e.note, ctx.evidenceId, ctx.locator)
      ctx.count('exchange.lines')
      if (e.txid) ctx.count('exchange.linkedTxids')
      return
    }
    ctx.count('exchange.existing')
    ctx.addSource(KIND.exchange, key)
    if (row.amount !== e.amount) ctx.conflict({ kind: KIND.exchange, key, field: 'amount', existing: row.amount, incoming: e.amount, existingEvidenceId: row.evidence_id, existingLocator: row.locator })
  }
}

/** Stores non-value events (freeze, vote, staking). */
export const eventSink: Sink = {
  kind: KIND.event,
  store(record: ImportRecord, ctx: SinkContext) {
    const e = record.data as EventRec
    const key = `${e.network}|${e.txid}|${e.type}|${e.idx}`
    const done = ctx.db
      .prepare(
        `INSERT OR IGNORE INTO acct_events (match_key, network, txid, type, address, amount, asset, detail, status, block, time, evidence_id, locator)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(key, e.network, e.txid, e.type, e.address, e.amount, e.asset, JSON.stringify(e.detail), e.status, e.block, e.time, ctx.evidenceId, ctx.locator)
    if (done.changes) ctx.count('events.new')
    else {
      ctx.count('events.existing')
      ctx.addSource(KIND.event, key)
    }
  }
}
