import type { Db } from '../../../store/db'
import type { FlowQuery, FlowTransfer } from '../../../explore/providers'
import { NETWORKS } from '../../../../shared/domain/networks'
import { ADDRESS_OF_INPUT, ADDRESS_OF_OUTPUT } from './addresses'
import { hashOut, OUT_EVIDENCE, OUT_LOCATOR } from './compact'

/**
 * The derived transfer view of Bitcoin transactions for the flow graph and tracing.
 *
 * Attribution rule (UTXO has no "from → to" of its own; this is the documented convention):
 * - per transaction, inputs are grouped by address; each output's value is split across the input addresses
 *   pro rata to the value each contributed: share = floor(out × w_a / W); the few satoshis left by flooring go
 *   one each to the addresses with the largest remainders (ties: address order), so the shares of an output
 *   always sum exactly to its value;
 * - when any input value is unknown (unresolved raw/blockchain.com inputs), the weights are the input counts
 *   per address instead, and the transfers are marked kind "utxo-estimated";
 * - coinbase outputs come "from" the pseudo-address `coinbase` (kind "coinbase");
 * - inputs without an address count as the pseudo-address `unknown`; outputs without an address (OP_RETURN,
 *   bare multisig) and zero-value outputs yield no transfer; change back to an input address is kept (a→a);
 * - the fee is what inputs lose beyond the outputs and is not a transfer.
 * Each transfer carries the output row's evidence and locator; `index` is "<vout>:<n>" (n = nth input address).
 */
interface TxLite {
  id: number
  network: string
  txid: string
  block_height: number | null
  time: number | null
  confirmed: number
  coinbase: number
}
interface InLite {
  tx_id: number
  address: string | null
  value: bigint | null
}
interface OutLite {
  tx_id: number
  vout: number
  address: string | null
  value: bigint
  evidence_id: number
  locator: string
}

/** Split `value` over weights exactly (largest remainder, ties by key order). */
export function splitProRata(value: bigint, weights: [string, bigint][]): [string, bigint][] {
  const total = weights.reduce((t, [, w]) => t + w, 0n)
  if (total === 0n) return []
  const parts = weights.map(([k, w]) => ({ k, share: (value * w) / total, rem: (value * w) % total }))
  let left = value - parts.reduce((t, p) => t + p.share, 0n)
  const order = [...parts].sort((a, b) => (a.rem === b.rem ? (a.k < b.k ? -1 : 1) : a.rem > b.rem ? -1 : 1))
  for (const p of order) {
    if (left === 0n) break
    p.share++
    left--
  }
  return parts.map((p) => [p.k, p.share])
}

function transfersOf(tx: TxLite, ins: InLite[], outs: OutLite[]): FlowTransfer[] {
  const info = NETWORKS.get(tx.network)!
  const weights = new Map<string, bigint>()
  let estimated = false
  if (tx.coinbase) weights.set('coinbase', 1n)
  else {
    const known = ins.every((i) => i.value !== null)
    estimated = !known
    for (const i of ins) {
      const k = i.address ?? 'unknown'
      weights.set(k, (weights.get(k) ?? 0n) + (known ? (i.value as bigint) : 1n))
    }
  }
  const w = [...weights.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const out: FlowTransfer[] = []
  for (const o of outs) {
    if (!o.address || o.value === 0n) continue
    const shares = splitProRata(o.value, w)
    shares.forEach(([from, amount], n) => {
      if (amount === 0n) return
      out.push({
        network: tx.network,
        txid: tx.txid,
        index: `${o.vout}:${n}`,
        time: tx.time,
        block: tx.block_height,
        from,
        to: o.address!,
        asset: info.symbol,
        symbol: info.symbol,
        decimals: info.decimals,
        amount,
        kind: tx.coinbase ? 'coinbase' : estimated ? 'utxo-estimated' : 'utxo',
        status: tx.confirmed ? 'ok' : 'pending',
        evidenceId: o.evidence_id,
        locator: o.locator
      })
    })
  }
  return out
}

const BATCH = 1000
// Each output with its source (derived from the tx's when not stored, compact.ts).
const INS = `SELECT i.tx_id, a.address, i.value FROM btc_input i ${ADDRESS_OF_INPUT} WHERE i.tx_id BETWEEN ? AND ? ORDER BY i.tx_id, i.idx`
const OUTS = `SELECT o.tx_id, o.vout, a.address, o.value, ${OUT_EVIDENCE} AS evidence_id, ${OUT_LOCATOR} AS locator
  FROM btc_output o JOIN btc_tx t ON t.id = o.tx_id ${ADDRESS_OF_OUTPUT} WHERE o.tx_id BETWEEN ? AND ? ORDER BY o.tx_id, o.vout`

/** Stream the transfers of the case's Bitcoin transactions in tx order, in batches (constant memory). */
export function* utxoTransfers(db: Db, q: FlowQuery): Iterable<FlowTransfer> {
  const selTx = db
    .prepare(
      `SELECT id, network, txid, block_height, coalesce(block_time, seen_time) AS time, confirmed, coinbase FROM btc_tx
       WHERE id > @last AND (@net IS NULL OR network = @net) AND (@since IS NULL OR coalesce(block_time, seen_time) >= @since)
         AND (@until IS NULL OR coalesce(block_time, seen_time) <= @until) ORDER BY id LIMIT @lim`
    )
  const selIn = db.prepare(INS).safeIntegers(true)
  const selOut = db.prepare(OUTS).safeIntegers(true)
  const wanted = q.addresses ? new Set(q.addresses) : null
  let last = 0
  for (;;) {
    const txs = (selTx.all({ last, net: q.network ?? null, since: q.since ?? null, until: q.until ?? null, lim: BATCH }) as (Omit<TxLite, 'txid'> & { txid: Buffer })[]).map(
      (t) => ({ ...t, txid: hashOut(t.txid)! })
    )
    if (!txs.length) return
    const lo = txs[0].id
    const hi = txs[txs.length - 1].id
    last = hi
    const ins = group(selIn.all(lo, hi) as InLite[])
    const outs = group(selOut.all(lo, hi) as OutLite[])
    for (const tx of txs) {
      for (const t of transfersOf(tx, ins.get(tx.id) ?? [], (outs.get(tx.id) ?? []).map((o) => ({ ...o, vout: Number(o.vout), evidence_id: Number(o.evidence_id) })))) {
        if (!wanted || wanted.has(t.from) || wanted.has(t.to)) yield t
      }
    }
  }
}

function group<T extends { tx_id: number | bigint }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>()
  for (const r of rows) {
    const k = Number(r.tx_id)
    let l = m.get(k)
    if (!l) m.set(k, (l = []))
    l.push(r)
  }
  return m
}
