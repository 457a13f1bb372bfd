import type { GraphFilters } from '../../shared/api/areas/graph'
import { NETWORKS } from '../../shared/domain/networks'
import { listProviders, type ExploreProvider, type FlowTransfer } from '../explore/providers'
import type { Db } from '../store/db'

/** Base units a whole-coin minimum means in an asset with `decimals` places (rounded up, so nothing smaller passes). */
export function minUnits(min: string, decimals: number): bigint {
  const [w, f = ''] = min.split('.')
  const kept = f.slice(0, decimals).padEnd(decimals, '0')
  const dropped = f.slice(decimals).replace(/0+$/, '')
  return BigInt(w + kept) + (dropped ? 1n : 0n)
}

/** The asset key filters use: `network:asset`. */
export function assetKey(network: string, asset: string): string {
  return `${network}:${asset}`
}

/** Filter predicate for one movement, split so the timeline can ignore the time window. */
export function makeFilter(f: GraphFilters): { value(t: Pick<FlowTransfer, 'network' | 'asset' | 'decimals' | 'amount'>): boolean; time(t: { time: number | null }): boolean; any: boolean } {
  const assets = new Set(f.assets)
  const nets = new Set(f.networks)
  const mins = new Map<number, bigint>()
  return {
    any: f.since != null || f.until != null || f.minAmount != null || assets.size > 0 || nets.size > 0,
    value(t) {
      if (nets.size && !nets.has(t.network)) return false
      if (assets.size && !assets.has(assetKey(t.network, t.asset))) return false
      if (f.minAmount != null) {
        let m = mins.get(t.decimals)
        if (m === undefined) mins.set(t.decimals, (m = minUnits(f.minAmount, t.decimals)))
        if (t.amount < m) return false
      }
      return true
    },
    time(t) {
      if (f.since == null && f.until == null) return true
      if (t.time == null) return false
      return (f.since == null || t.time >= f.since) && (f.until == null || t.time <= f.until)
    }
  }
}

/** True for a UTXO network, where a transaction can be drawn as a node. */
export function isUtxo(network: string): boolean {
  return NETWORKS.get(network)?.kind === 'utxo'
}

/** The providers serving a network in this build, in registration order (a case may hold networks none reads). */
export function providersOf(network: string): ExploreProvider[] {
  return listProviders().filter((p) => p.handles(network))
}

/**
 * Every ok/pending transfer touching `addresses` (grouped by network), streamed from the providers. Failed
 * transfers moved no value and are left out of every figure.
 */
export function* transfersTouching(db: Db, byNetwork: Map<string, string[]>): Generator<FlowTransfer> {
  for (const [network, addresses] of byNetwork) {
    if (!addresses.length) continue
    for (const p of providersOf(network)) for (const t of p.transfers(db, { network, addresses })) if (t.status !== 'failed') yield t
  }
}

/** Cache of evidence id → SHA-256 and original file name, for the provenance of each flow item. */
export function evidenceLookup(db: Db): (id: number | null) => { sha256: string; file: string } | null {
  const cache = new Map<number, { sha256: string; file: string } | null>()
  const q = db.prepare('SELECT sha256, original_name AS file FROM evidence WHERE id = ?')
  return (id) => {
    if (id == null) return null
    if (!cache.has(id)) cache.set(id, (q.get(id) as { sha256: string; file: string } | undefined) ?? null)
    return cache.get(id)!
  }
}
