import { decimalToBaseUnits, formatUnits, unitsSortKey } from '../../../shared/domain/amount'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../../store/db'
import type { ImportRecord, Sink, SinkContext } from '../types'
import { KIND, type TransferRec } from './records'
import { resolveDecimals } from './sink-assets'

/**
 * Matching rule (one transfer however many files report it). CSV exports carry no log index and the API's
 * tokentx carries none either, so the key is the transfer's content, not a source index:
 *   native top-level value:  network | txid | native
 *   internal / token:        network | txid | kind | asset | from | to | n
 *   nft:                     network | txid | nft | asset | tokenId | from | to | n
 * where n counts earlier transfers with the same (kind, asset, from, to) in the same transaction of the same file
 * (sources list a transaction's transfers in log order). The amount is deliberately NOT in the key: a rounded or
 * rescaled amount must surface as a conflict on the same transfer, not become a second transfer. Limit: when one
 * source omits one of several identical-pair transfers inside one transaction, the remaining ones pair by order,
 * and a differing amount then shows as a conflict for the analyst to resolve.
 */
export function transferKey(t: TransferRec, n: number): string {
  if (t.kind === 'native') return `${t.network}|${t.txid}|native`
  if (t.kind === 'nft') return `${t.network}|${t.txid}|nft|${t.asset}|${t.tokenId ?? ''}|${t.from}|${t.to}|${n}`
  return `${t.network}|${t.txid}|${t.kind}|${t.asset}|${t.from}|${t.to}|${n}`
}

interface Row {
  id: number
  network: string
  txid: string
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

interface Stmts {
  byKey: Statement<unknown[]>
  insert: Statement<unknown[]>
}
const cache = new WeakMap<Db, Stmts>()
function stmts(db: Db): Stmts {
  let s = cache.get(db)
  if (!s) {
    s = {
      byKey: db.prepare('SELECT id, network, txid, block, time, from_addr, to_addr, amount, attempted_amount, fee, status, evidence_id, locator, import_id FROM acct_transfers WHERE match_key = ?'),
      // New transfers are the common case: try the insert first and look the row up only when the key exists.
      insert: db.prepare(
        `INSERT INTO acct_transfers (match_key, network, txid, idx, block, time, from_addr, to_addr, asset, amount, amount_key, attempted_amount, amount_text,
           amount_lossy, fee, status, method, kind, token_id, evidence_id, locator, import_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(match_key) DO NOTHING`
      )
    }
    // Million-row imports update three indexes at random places; SQLite's default 2 MiB page cache then makes
    // every insert a disk read. A fixed 64 MiB cache keeps memory flat in file size while avoiding that.
    if (Number(db.pragma('cache_size', { simple: true })) > -65536) db.pragma('cache_size = -65536')
    cache.set(db, s)
  }
  return s
}

/**
 * Occurrence counting is per transaction and per file being imported (a SinkContext is made per file, so its
 * identity tells files apart even across cases whose import ids coincide); memory stays flat in file size.
 */
let occ: { ctx: SinkContext | null; txid: string; counts: Map<string, number> } = { ctx: null, txid: '', counts: new Map() }

function nextOccurrence(t: TransferRec, ctx: SinkContext): number {
  if (occ.ctx !== ctx || occ.txid !== t.txid) occ = { ctx, txid: t.txid, counts: new Map() }
  const k = `${t.kind}|${t.asset}|${t.tokenId ?? ''}|${t.from}|${t.to}`
  const n = occ.counts.get(k) ?? 0
  occ.counts.set(k, n + 1)
  return n
}

function baseUnits(db: Db, t: TransferRec, ctx: SinkContext): bigint {
  if (t.amount !== null) return BigInt(t.amount)
  const decimals = resolveDecimals(db, t.network, t.asset, ctx)
  return decimalToBaseUnits(t.amountText!, decimals)
}

/** Stores transfers, merging repeated reports of the same transfer and recording disagreements. */
export const transferSink: Sink = {
  kind: KIND.transfer,
  store(record: ImportRecord, ctx: SinkContext) {
    const t = record.data as TransferRec
    const s = stmts(ctx.db)
    const moved = baseUnits(ctx.db, t, ctx)
    const amount = t.status === 'failed' ? 0n : moved
    const attempted = t.status === 'failed' ? moved.toString() : null
    const amountText = amount.toString()
    const amountKey = unitsSortKey(amount)
    let existing: Row | undefined
    let key: string
    for (;;) {
      key = transferKey(t, t.kind === 'native' ? 0 : nextOccurrence(t, ctx))
      const added = s.insert.run(
        key, t.network, t.txid, t.idx, t.block, t.time, t.from, t.to, t.asset, amountText, amountKey, attempted,
        t.amountText, t.lossy ? 1 : 0, t.fee, t.status, t.method, t.kind, t.tokenId, ctx.evidenceId, ctx.locator, ctx.importId
      ).changes
      if (added) {
        ctx.count(`transfers.${t.kind}.new`)
        if (t.status === 'failed') ctx.count('transfers.failed')
        if (t.lossy) ctx.count('transfers.lossyAtSource')
        return
      }
      existing = s.byKey.get(key) as Row
      // The same file listing a transaction's transfers out of order: keep counting rather than merge with itself.
      if (existing.import_id !== ctx.importId || t.kind === 'native') break
    }
    ctx.count(`transfers.${t.kind}.existing`)
    if (existing.evidence_id === ctx.evidenceId && existing.locator === ctx.locator) return
    ctx.addSource(KIND.transfer, key)
    const compare: [string, unknown, unknown][] = [
      ['status', existing.status, t.status],
      ['amount', existing.amount, amountText],
      ['attempted_amount', existing.attempted_amount, attempted],
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
}

/** Whole-token text of base units for messages. */
export function describeAmount(units: bigint, decimals: number | null): string {
  return decimals === null ? `${units} base units` : formatUnits(units, decimals)
}
