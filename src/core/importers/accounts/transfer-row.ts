import { decimalToBaseUnits } from '../../../shared/domain/amount'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../../store/db'
import type { SinkContext, SourceLocation } from '../types'
import { KIND, type TransferRec } from './records'
import { resolveDecimals } from './sink-assets'
import { txKey } from './tx-key'
import { KIND_CODE, STATUS_CODE } from '../../store/migrations/0009-acct-narrow'

/**
 * Matching rule (one transfer however many files report it). CSV exports carry no log index and the API's
 * tokentx carries none either, so the key is the transfer's content, not a source index:
 *   native top-level value:  network | txid | native
 *   internal / token:        network | txid | kind | asset | from | to | n
 *   nft:                     network | txid | nft | asset | tokenId | from | to | n
 * where n counts earlier transfers with the same (kind, asset, from, to) in the same run of rows of one
 * transaction in the same file (sources list a transaction's transfers in log order). The amount is deliberately
 * NOT in the key: a rounded or rescaled amount must surface as a conflict on the same transfer, not become a
 * second transfer. Limit: when one source omits one of several identical-pair transfers inside one transaction,
 * the remaining ones pair by order, and a differing amount then shows as a conflict for the analyst to resolve.
 */
export function transferKey(t: TransferRec, n: number): string {
  if (t.kind === 'native') return `${t.network}|${t.txid}|native`
  if (t.kind === 'nft') return `${t.network}|${t.txid}|nft|${t.asset}|${t.tokenId ?? ''}|${t.from}|${t.to}|${n}`
  return `${t.network}|${t.txid}|${t.kind}|${t.asset}|${t.from}|${t.to}|${n}`
}

/** A transfer with its stored columns computed once (amounts exact, as BigInt text). */
export interface PreparedTransfer {
  t: TransferRec
  tkey: number
  amount: string
  attempted: string | null
  locator: string
  /** The line of a `line N` locator (stored as an integer, schema 9), else null and `locator` is stored as text. */
  line: number | null
}

/** The `line` column of a record at `loc`: its line when formatLocator writes exactly `line N`, else null. */
export function lineOf(loc: SourceLocation): number | null {
  const n = loc.line
  return loc.column === undefined && loc.pointer === undefined && n !== undefined && Number.isSafeInteger(n) && n > 0 ? n : null
}

const CANONICAL_UNITS = /^(0|[1-9][0-9]{0,77})$/

/** Base units (failed transfers move nothing; the attempted value is kept beside). */
export function prepareTransfer(db: Db, t: TransferRec, ctx: SinkContext, line: number | null): PreparedTransfer {
  // A canonical base-unit integer text is already what BigInt would print: skip the round trip (million-row files).
  if (t.amount !== null && t.status === 'ok' && CANONICAL_UNITS.test(t.amount)) {
    return { t, tkey: txKey(t.network, t.txid), amount: t.amount, attempted: null, locator: ctx.locator, line }
  }
  const moved = t.amount !== null ? BigInt(t.amount) : decimalToBaseUnits(t.amountText!, resolveDecimals(db, t.network, t.asset, ctx))
  if (moved < 0n) throw new RangeError(`negative amount ${moved}`)
  const amount = t.status === 'failed' ? 0n : moved
  return { t, tkey: txKey(t.network, t.txid), amount: amount.toString(), attempted: t.status === 'failed' ? moved.toString() : null, locator: ctx.locator, line }
}

/**
 * Occurrence counter `n` of the match key: counts restart with every run of rows of one transaction (the key a
 * run ends is passed in; streaming uses the txid, the bulk replay the txid plus its run number).
 */
export class Occurrences {
  private run = '\u0000'
  private counts = new Map<string, number>()
  next(t: TransferRec, run: string): number {
    if (run !== this.run) {
      this.run = run
      this.counts = new Map()
    }
    const k = `${t.kind}|${t.asset}|${t.tokenId ?? ''}|${t.from}|${t.to}`
    const n = this.counts.get(k) ?? 0
    this.counts.set(k, n + 1)
    return n
  }
}

interface Row {
  block: number | null
  time: number | null
  from_addr: string
  to_addr: string
  amount: string
  attempted_amount: string | null
  fee: string | null
  status: string
  evidence_id: number
  locator: string
  import_id: number
}

/**
 * Column list and placeholders of an acct_transfers insert (shared with the bulk path). match_key, amount_key and
 * locator are generated from these columns (migration 0009): the key's occurrence number goes in `occ`, a
 * `line N` locator in `line`, any other locator in `loc`; status and kind go in as their integer codes, and
 * asset 'native' and idx 'tx' as NULL.
 */
export const INSERT_TRANSFER = `INSERT INTO acct_transfers (tkey, occ, network, txid, idx_text, block, time, from_addr, to_addr, asset_text, amount, attempted_amount,
  amount_text, amount_lossy, fee, status_n, method, kind_n, token_id, evidence_id, line, loc, import_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

/** Number of parameters of INSERT_TRANSFER. */
export const INSERT_COLUMNS = 23

/** Append the parameters of INSERT_TRANSFER for one prepared transfer with occurrence `occ` (null: native) to `out`. */
export function pushInsertArgs(out: unknown[], p: PreparedTransfer, occ: number | null, ctx: SinkContext): void {
  const t = p.t
  out.push(p.tkey, occ, t.network, t.txid, t.idx === 'tx' ? null : t.idx, t.block, t.time, t.from, t.to, t.asset === 'native' ? null : t.asset, p.amount, p.attempted, t.amountText, t.lossy ? 1 : 0, t.fee, STATUS_CODE[t.status], t.method, KIND_CODE[t.kind], t.tokenId, ctx.evidenceId, p.line, p.line === null ? p.locator : null, ctx.importId)
}

interface Stmts {
  byKey: Statement<unknown[]>
  insert: Statement<unknown[]>
}
const cache = new WeakMap<Db, Stmts>()
function stmts(db: Db): Stmts {
  let s = cache.get(db)
  if (!s) {
    s = {
      byKey: db.prepare('SELECT block, time, from_addr, to_addr, amount, attempted_amount, fee, status, evidence_id, locator, import_id FROM acct_transfers WHERE tkey = ? AND match_key = ?'),
      insert: db.prepare(INSERT_TRANSFER)
    }
    cache.set(db, s)
  }
  return s
}

/**
 * Store one transfer the exact, one-row-at-a-time way: a new key is inserted; a key the case already holds gets
 * this file as a further source, and every field that disagrees becomes a conflict (nothing is overwritten).
 * Used for small files, for files that overlap the case, and to replay the overlapping rows of a bulk load.
 */
export function storeTransferRow(p: PreparedTransfer, ctx: SinkContext, occ: Occurrences, run: string): void {
  const t = p.t
  const s = stmts(ctx.db)
  // Buffered and replayed rows are stored after the pipeline has moved on: sources and conflicts name this row.
  ctx.locator = p.locator
  let existing: Row | undefined
  let key: string
  for (;;) {
    const n = t.kind === 'native' ? null : occ.next(t, run)
    key = transferKey(t, n ?? 0)
    existing = s.byKey.get(p.tkey, key) as Row | undefined
    if (!existing) {
      const args: unknown[] = []
      pushInsertArgs(args, p, n, ctx)
      s.insert.run(args)
      ctx.count(`transfers.${t.kind}.new`)
      if (t.status === 'failed') ctx.count('transfers.failed')
      if (t.lossy) ctx.count('transfers.lossyAtSource')
      return
    }
    // The same file listing a transaction's transfers out of order: keep counting rather than merge with itself.
    if (existing.import_id !== ctx.importId || t.kind === 'native') break
  }
  ctx.count(`transfers.${t.kind}.existing`)
  if (existing.evidence_id === ctx.evidenceId && existing.locator === p.locator) return
  ctx.addSource(KIND.transfer, key)
  const compare: [string, unknown, unknown][] = [
    ['status', existing.status, t.status],
    ['amount', existing.amount, p.amount],
    ['attempted_amount', existing.attempted_amount, p.attempted],
    ['from', existing.from_addr, t.from],
    ['to', existing.to_addr, t.to],
    ['block', existing.block, t.block],
    ['time', existing.time, t.time],
    ['fee', existing.fee, t.fee]
  ]
  for (const [field, a, b] of compare) {
    if (a === null || a === undefined || b === null || b === undefined || String(a) === String(b)) continue
    ctx.conflict({ kind: KIND.transfer, key, field, existing: String(a), incoming: String(b), existingEvidenceId: existing.evidence_id, existingLocator: existing.locator })
  }
}
