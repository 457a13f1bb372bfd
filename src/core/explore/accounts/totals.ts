import type { AssetTotals } from '../../../shared/api/areas/explore'
import { network as networkInfo } from '../../../shared/domain/networks'
import type { Db } from '../../store/db'

interface Leg {
  asset: string
  amount: string
  from_addr: string
  to_addr: string
  fee: string | null
  status: string
}

/** Symbol and decimals of an asset (native from the network registry). */
export function assetInfo(db: Db, network: string, asset: string): { symbol: string; decimals: number } {
  if (asset === 'native') {
    const n = networkInfo(network)
    return { symbol: n.symbol, decimals: n.decimals }
  }
  const r = db.prepare('SELECT symbol, decimals FROM acct_assets WHERE network = ? AND contract = ?').get(network, asset) as { symbol: string | null; decimals: number | null } | undefined
  return { symbol: r?.symbol ?? asset, decimals: r?.decimals ?? 0 }
}

/**
 * Per-asset totals of one address, summed in BigInt from the stored base-unit text. `sent` is value sent (fees
 * excluded); the native `balance` is received − sent − fees paid by the address. A failed transaction's amount is
 * stored as 0, so it adds nothing, while its fee still counts. A self-transfer counts as both received and sent.
 */
export function addressTotals(db: Db, network: string, address: string): AssetTotals[] {
  const legs = db
    .prepare(
      `SELECT asset, amount, from_addr, to_addr, fee, status FROM acct_transfers WHERE network = ? AND from_addr = ?
       UNION ALL SELECT asset, amount, from_addr, to_addr, fee, status FROM acct_transfers WHERE network = ? AND to_addr = ? AND from_addr <> ?`
    )
    .all(network, address, network, address, address) as Leg[]
  const by = new Map<string, { received: bigint; sent: bigint; fees: bigint; inCount: number; outCount: number }>()
  const get = (a: string) => {
    let t = by.get(a)
    if (!t) by.set(a, (t = { received: 0n, sent: 0n, fees: 0n, inCount: 0, outCount: 0 }))
    return t
  }
  for (const l of legs) {
    const t = get(l.asset)
    const v = BigInt(l.amount)
    if (l.to_addr === address) {
      t.received += v
      if (l.status === 'ok') t.inCount++
    }
    if (l.from_addr === address) {
      t.sent += v
      if (l.status === 'ok') t.outCount++
      if (l.fee !== null) get('native').fees += BigInt(l.fee)
    }
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a === 'native' ? -1 : b === 'native' ? 1 : a.localeCompare(b)))
    .map(([asset, t]) => ({
      asset,
      ...assetInfo(db, network, asset),
      received: t.received.toString(),
      sent: t.sent.toString(),
      balance: (t.received - t.sent - t.fees).toString(),
      inCount: t.inCount,
      outCount: t.outCount
    }))
}

/** Fees (base units of the native asset) paid by an address. */
export function feesPaid(db: Db, network: string, address: string): bigint {
  let t = 0n
  for (const r of db.prepare('SELECT fee FROM acct_transfers WHERE network = ? AND from_addr = ? AND fee IS NOT NULL').iterate(network, address) as Iterable<{ fee: string }>) t += BigInt(r.fee)
  return t
}
