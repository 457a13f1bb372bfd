/**
 * TEST DOUBLE: an ExploreProvider serving test/fixtures/graph/*.json so the graph area can be built, tested,
 * benched and demonstrated before the Bitcoin and account-chain providers are merged. It only answers for a
 * case whose evidence locker holds that exact JSON file (matched by SHA-256), and every transfer points to
 * its JSON pointer in that file, like a real importer's rows. Never registered by product code.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { AddressRow, TxDetail, TxRow } from '../../src/shared/api/areas/explore'
import { registerProvider, type ExploreProvider, type FlowTransfer } from '../../src/core/explore/providers'
import { registerLabelSource } from '../../src/core/graph/labels'
import { addressKey, type LabelSummary } from '../../src/core/attribution/label-lookup'
import type { Db } from '../../src/core/store/db'

interface FixtureTransfer extends Omit<FlowTransfer, 'amount' | 'evidenceId' | 'locator'> {
  amount: string
}
interface FixtureTx {
  network: string
  txid: string
  time: number
  block: number
  inputs: { address: string; value: string; prevTxid: string; prevVout: number }[]
  outputs: { address: string; value: string }[]
}
/** The fixture file's shape. */
export interface GraphFixture {
  transfers: FixtureTransfer[]
  txs: FixtureTx[]
  entities: { name: string; members: { network: string; address: string }[] }[]
  labels: { network: string; address: string; name: string; category: string }[]
  addresses: Record<string, string>
}

/** Build (not register) a provider over one fixture file; `id` keeps several apart. */
export function fixtureProvider(path: string, id = 'graph-test-double'): { provider: ExploreProvider; fixture: GraphFixture; sha256: string; labels: (db: Db, refs: { network: string; address: string }[]) => Map<string, LabelSummary[]> } {
  const bytes = readFileSync(path)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const fx = JSON.parse(bytes.toString('utf8')) as GraphFixture
  const networks = [...new Set(fx.transfers.map((t) => t.network))]
  const evidenceId = (db: Db): number | undefined => (db.prepare('SELECT id FROM evidence WHERE sha256 = ?').get(sha256) as { id: number } | undefined)?.id
  const all = (db: Db): FlowTransfer[] => {
    const ev = evidenceId(db)
    if (ev === undefined) return []
    return fx.transfers.map((t, i) => ({ ...t, amount: BigInt(t.amount), evidenceId: ev, locator: `/transfers/${i}` }))
  }
  const src = { sha256, file: basename(path) }
  const txRow = (network: string, txid: string, list: FlowTransfer[]): TxRow => {
    const ts = list.filter((t) => t.network === network && t.txid === txid)
    return {
      network, txid, time: ts[0].time, block: ts[0].block, from: [...new Set(ts.map((t) => t.from))], to: [...new Set(ts.map((t) => t.to))],
      amount: ts.reduce((s, t) => s + t.amount, 0n).toString(), asset: ts[0].asset, symbol: ts[0].symbol, decimals: ts[0].decimals, fee: null,
      status: 'ok', kind: ts[0].kind, conflicted: false, sources: ts.map((t) => ({ ...src, locator: t.locator }))
    }
  }
  const provider: ExploreProvider = {
    id,
    handles: (n) => networks.includes(n),
    networks: (db) =>
      evidenceId(db) === undefined
        ? []
        : networks.map((n) => {
            const ts = fx.transfers.filter((t) => t.network === n)
            return { network: n, addresses: new Set(ts.flatMap((t) => [t.from, t.to])).size, transactions: new Set(ts.map((t) => t.txid)).size }
          }),
    addresses: (db, q) => {
      const ts = all(db).filter((t) => t.network === q.network)
      const addrs = [...new Set(ts.flatMap((t) => [t.from, t.to]))].filter((a) => !q.filter || a.includes(q.filter.toLowerCase()))
      const rows: AddressRow[] = addrs.map((a) => ({ network: q.network, address: a, display: a, type: 'unknown', firstSeen: null, lastSeen: null, txCount: ts.filter((t) => t.from === a || t.to === a).length, assets: [], source: null }))
      return { total: rows.length, rows: rows.slice(q.offset, q.offset + q.limit) }
    },
    transactions: (db, q) => {
      const ts = all(db).filter((t) => t.network === q.network && (!q.address || t.from === q.address || t.to === q.address))
      const ids = [...new Set(ts.map((t) => t.txid))]
      return { total: ids.length, rows: ids.slice(q.offset, q.offset + q.limit).map((id) => txRow(q.network, id, ts)) }
    },
    address: () => undefined,
    tx: (db, network, txid): TxDetail | undefined => {
      const ts = all(db)
      const i = fx.txs.findIndex((t) => t.txid === txid && (!network || t.network === network))
      if (i < 0 || !ts.length) return undefined
      const t = fx.txs[i]
      return {
        ...txRow(t.network, t.txid, ts),
        sources: [{ ...src, locator: `/txs/${i}` }],
        inputs: t.inputs.map((x, k) => ({ index: k, prevTxid: x.prevTxid, prevVout: x.prevVout, address: x.address, value: x.value, coinbase: false })),
        outputs: t.outputs.map((x, k) => ({ index: k, address: x.address, scriptType: 'v0_p2wpkh', value: x.value, spentBy: null })),
        conflicts: []
      }
    },
    *transfers(db, q) {
      const set = q.addresses ? new Set(q.addresses) : null
      for (const t of all(db)) {
        if (q.network && t.network !== q.network) continue
        if (set && !set.has(t.from) && !set.has(t.to)) continue
        if (q.since != null && (t.time ?? 0) < q.since) continue
        if (q.until != null && (t.time ?? 0) > q.until) continue
        yield t
      }
    },
    *addressKeys(db) {
      const seen = new Set<string>()
      for (const t of all(db))
        for (const a of [t.from, t.to]) {
          const k = `${t.network}:${a}`
          if (!seen.has(k)) {
            seen.add(k)
            yield { network: t.network, address: a }
          }
        }
    }
  }
  const labels = (db: Db, refs: { network: string; address: string }[]) => {
    const out = new Map<string, LabelSummary[]>()
    if (evidenceId(db) === undefined) return out
    const want = new Set(refs.map((r) => addressKey(r.network, r.address)))
    for (const l of fx.labels) {
      const k = addressKey(l.network, l.address)
      if (want.has(k)) out.set(k, [{ id: 0, name: l.name, category: l.category, source: `test double ${basename(path)}`, sourceRef: '', evidenceSha256: null, locator: null, confidence: null, sanctioned: false, sdnName: null, sdnProgram: null, viaEntity: null }])
    }
    return out
  }
  return { provider, fixture: fx, sha256, labels }
}

let registered: ReturnType<typeof fixtureProvider> | undefined

/** Register the test double once per process (providers are a process-wide registry). */
export function registerFixtureProvider(path: string): ReturnType<typeof fixtureProvider> {
  if (registered) return registered
  registered = fixtureProvider(path)
  registerProvider(registered.provider)
  registerLabelSource(registered.labels)
  return registered
}

/** Path of the standard graph fixture. */
export const RONIN_PEEL = new URL('../fixtures/graph/ronin-peel.json', import.meta.url).pathname
