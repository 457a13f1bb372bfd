/**
 * Synthetic data for bench/graph.ts only: N Ethereum addresses and 4N transfers with a seeded PRNG, served by
 * an ExploreProvider registered in the bench process (never by the product).
 */
import type { ExploreProvider, FlowTransfer } from '../src/core/explore/providers'

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Deterministic address for index i. */
export const synthAddress = (i: number) => flat('0x' + i.toString(16).padStart(40, '0'))

/** A flat copy of a string built by concatenation, like the strings SQLite rows give the real providers. */
const flat = (s: string) => Buffer.from(s, 'latin1').toString('latin1')

/** Transfers for `n` addresses: about 4n, mostly flowing to nearby higher indices. */
export function syntheticTransfers(n: number): FlowTransfer[] {
  const r = rng(n)
  const transfers: FlowTransfer[] = []
  const t0 = 1_650_000_000
  for (let k = 0; k < 4 * n; k++) {
    // Mostly forward in index (money moving "downstream") so the flow layout has columns, some random.
    const from = Math.floor(r() * n)
    const to = r() < 0.8 ? Math.min(n - 1, from + 1 + Math.floor(r() * 50)) : Math.floor(r() * n)
    if (to === from) continue
    transfers.push({ network: 'eth', txid: flat('0x' + k.toString(16).padStart(64, '0')), index: '0', time: t0 + k * 60, block: 15_000_000 + k, from: synthAddress(from), to: synthAddress(to), asset: 'native', symbol: 'ETH', decimals: 18, amount: BigInt(Math.floor(r() * 1e9)) * 10n ** 12n, kind: 'transfer', status: 'ok', evidenceId: 0, locator: flat(`/synthetic/${k}`) })
  }
  return transfers
}

/** One provider whose data set can be swapped between bench sizes (the registry has no unregister). */
export function switchableProvider(): { provider: ExploreProvider; use(n: number): void } {
  let n = 0
  let transfers: FlowTransfer[] = []
  const provider: ExploreProvider = {
    id: 'bench-synthetic',
    handles: (net) => net === 'eth',
    networks: () => [{ network: 'eth', addresses: n, transactions: transfers.length }],
    addresses: () => ({ total: 0, rows: [] }),
    transactions: () => ({ total: 0, rows: [] }),
    address: () => undefined,
    tx: () => undefined,
    *transfers() {
      yield* transfers
    },
    *addressKeys() {
      for (let i = 0; i < n; i++) yield { network: 'eth', address: synthAddress(i) }
    }
  }
  return {
    provider,
    use(size) {
      n = size
      transfers = syntheticTransfers(size)
    }
  }
}
