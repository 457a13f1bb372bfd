import type { AddressDetail, AddressRow, SourceRef, TxDetail, TxRow } from '../../../shared/api/areas/explore'
import { NETWORKS } from '../../../shared/domain/networks'
import { normalizeAddress } from '../../chains/address'
import type { Db } from '../../store/db'
import type { AddressQuery, ExploreProvider, FlowQuery, FlowTransfer, TxQuery } from '../providers'
import { addressTotals, assetInfo } from './totals'
import { txKey } from '../../importers/accounts/tx-key'

interface TRow {
  network: string
  txid: string
  idx: string
  block: number | null
  time: number | null
  from_addr: string
  to_addr: string
  asset: string
  amount: string
  fee: string | null
  status: 'ok' | 'failed'
  kind: string
  match_key: string
  evidence_id: number
  locator: string
}

const COLS = 'network, txid, idx, block, time, from_addr, to_addr, asset, amount, fee, status, kind, match_key, evidence_id, locator'

const isAccount = (n: string): boolean => NETWORKS.get(n)?.kind === 'account'

/** Display form: EIP-55 for EVM, T… for Tron; anything unparseable (empty, name: ids) as stored. */
export function displayAddress(network: string, canonical: string): string {
  if (!canonical) return canonical
  try {
    return normalizeAddress(canonical, network).display
  } catch {
    return canonical
  }
}

function canonicalOf(network: string, text: string): string | undefined {
  try {
    return normalizeAddress(text, network).canonical
  } catch {
    return undefined
  }
}

function likeArg(s: string): string {
  return '%' + s.replace(/[\\%_]/g, (c) => '\\' + c) + '%'
}

function source(db: Db, evidenceId: number, locator: string): SourceRef {
  const e = db.prepare('SELECT sha256, original_name FROM evidence WHERE id = ?').get(evidenceId) as { sha256: string; original_name: string }
  return { sha256: e.sha256, file: e.original_name, locator }
}

function sourcesOf(db: Db, rows: TRow[]): SourceRef[] {
  const out: SourceRef[] = []
  const seen = new Set<string>()
  const add = (s: SourceRef) => {
    const k = s.sha256 + s.locator
    if (!seen.has(k)) (seen.add(k), out.push(s))
  }
  const extra = db.prepare("SELECT evidence_id, locator FROM record_sources WHERE kind = 'acct.transfer' AND key = ?")
  for (const r of rows) {
    add(source(db, r.evidence_id, r.locator))
    for (const x of extra.all(r.match_key) as { evidence_id: number; locator: string }[]) add(source(db, x.evidence_id, x.locator))
  }
  return out
}

/** One TxRow from the transfers of one transaction: the top-level native value if present, else the first transfer. */
function txRow(db: Db, rows: TRow[]): TxRow {
  const main = rows.find((r) => r.kind === 'native') ?? rows[0]
  const net = main.network
  const info = assetInfo(db, net, main.asset)
  const conflicted = !!db.prepare("SELECT 1 FROM conflicts WHERE kind = 'acct.transfer' AND key IN (SELECT value FROM json_each(?)) LIMIT 1").get(JSON.stringify(rows.map((r) => r.match_key)))
  return {
    network: net,
    txid: main.txid,
    time: main.time,
    block: main.block,
    from: [...new Set(rows.map((r) => displayAddress(net, r.from_addr)))],
    to: [...new Set(rows.map((r) => displayAddress(net, r.to_addr)).filter(Boolean))],
    amount: main.amount,
    asset: main.asset,
    symbol: info.symbol,
    decimals: info.decimals,
    fee: rows.find((r) => r.fee !== null)?.fee ?? null,
    status: rows.some((r) => r.kind === 'native' && r.status === 'failed') || rows.every((r) => r.status === 'failed') ? 'failed' : 'ok',
    kind: main.kind,
    conflicted,
    sources: sourcesOf(db, rows)
  }
}

/** Transfers of one transaction, found through the integer tkey index (hash of network|txid, migration 0007). */
function txRows(db: Db, network: string, txid: string): TRow[] {
  return db.prepare('SELECT ' + COLS + ' FROM acct_transfers WHERE tkey = ? AND network = ? AND txid = ? ORDER BY id').all(txKey(network, txid), network, txid) as TRow[]
}

const TX_SORT: Record<TxQuery['sort'], string> = { time: 't', block: 'b', txid: 'txid', amount: 'a' }
const ADDR_SORT: Record<AddressQuery['sort'], string> = { address: 'addr', firstSeen: 'first', lastSeen: 'last', txCount: 'n' }

function txPage(db: Db, network: string, where: string, args: unknown[], sort: string, desc: boolean, limit: number, offset: number): { total: number; rows: TxRow[] } {
  // Identifiers come from the allow-lists above; the statement text is chosen from fixed variants.
  const dir = desc ? 'DESC' : 'ASC'
  const sql = 'SELECT txid, max(block) AS b, max(time) AS t, max(amount_key) AS a FROM acct_transfers WHERE network = ? ' + where + ' GROUP BY txid ORDER BY ' + sort + ' ' + dir + ', txid LIMIT ? OFFSET ?'
  const ids = db.prepare(sql).all(network, ...args, limit, offset) as { txid: string }[]
  const total = (db.prepare('SELECT count(DISTINCT txid) AS n FROM acct_transfers WHERE network = ? ' + where).get(network, ...args) as { n: number }).n
  return { total, rows: ids.map((i) => txRow(db, txRows(db, network, i.txid))) }
}

/** Explore provider for every account-model network (EVM chains, Tron). */
export const accountProvider: ExploreProvider = {
  id: 'accounts',
  handles: isAccount,
  networks(db) {
    const rows = db.prepare('SELECT network, count(DISTINCT txid) AS n FROM acct_transfers GROUP BY network').all() as { network: string; n: number }[]
    return rows.map((r) => ({
      network: r.network,
      transactions: r.n,
      addresses: (db.prepare("SELECT count(*) AS n FROM (SELECT from_addr FROM acct_transfers WHERE network = ? UNION SELECT to_addr FROM acct_transfers WHERE network = ? AND to_addr <> '')").get(r.network, r.network) as { n: number }).n
    }))
  },
  addresses(db, q) {
    const filter = q.filter ? 'WHERE addr LIKE ? ESCAPE \'\\\'' : ''
    // EVM addresses are stored lower-case; Tron base58 is case-sensitive and searched as typed.
    const needle = q.filter && NETWORKS.get(q.network)?.family === 'evm' ? q.filter.toLowerCase() : q.filter
    const args: unknown[] = needle ? [likeArg(needle)] : []
    const inner = "SELECT from_addr AS addr, time, txid FROM acct_transfers WHERE network = ? UNION ALL SELECT to_addr, time, txid FROM acct_transfers WHERE network = ? AND to_addr <> ''"
    const sql = 'SELECT addr, min(time) AS first, max(time) AS last, count(DISTINCT txid) AS n FROM (' + inner + ') ' + filter + ' GROUP BY addr ORDER BY ' + ADDR_SORT[q.sort] + ' ' + (q.desc ? 'DESC' : 'ASC') + ', addr LIMIT ? OFFSET ?'
    const rows = db.prepare(sql).all(q.network, q.network, ...args, q.limit, q.offset) as { addr: string; first: number | null; last: number | null; n: number }[]
    const total = (db.prepare('SELECT count(DISTINCT addr) AS n FROM (' + inner + ') ' + filter).get(q.network, q.network, ...args) as { n: number }).n
    return { total, rows: rows.map((r) => addressRow(db, q.network, r.addr, r)) }
  },
  transactions(db, q) {
    let where = ''
    const args: unknown[] = []
    if (q.address) {
      const a = canonicalOf(q.network, q.address) ?? q.address
      where += 'AND (from_addr = ? OR to_addr = ?) '
      args.push(a, a)
    }
    if (q.filter) {
      where += "AND txid LIKE ? ESCAPE '\\' "
      args.push(likeArg(q.filter.toLowerCase()))
    }
    return txPage(db, q.network, where, args, TX_SORT[q.sort], q.desc, q.limit, q.offset)
  },
  address(db, network, address, txLimit): AddressDetail | undefined {
    if (!isAccount(network)) return undefined
    const a = canonicalOf(network, address)
    if (!a) return undefined
    const seen = db.prepare('SELECT min(time) AS first, max(time) AS last, count(DISTINCT txid) AS n FROM acct_transfers WHERE network = ? AND (from_addr = ? OR to_addr = ?)').get(network, a, a) as { first: number | null; last: number | null; n: number }
    if (!seen.n) return undefined
    const row = addressRow(db, network, a, seen)
    const txs = txPage(db, network, 'AND (from_addr = ? OR to_addr = ?) ', [a, a], 't', true, Math.max(txLimit, 1), 0).rows.slice(0, txLimit)
    return { ...row, transactions: txs, labels: [] }
  },
  tx(db, network, txid): TxDetail | undefined {
    const id = /^(0x)?[0-9a-fA-F]{64}$/.test(txid) ? txid.toLowerCase() : txid
    // Every account network is tried through the tkey index (a few cheap range probes, no table scan).
    const candidates = network ? [network] : [...NETWORKS.values()].filter((n) => n.kind === 'account').map((n) => n.id)
    for (const net of candidates) {
      if (!isAccount(net)) continue
      let rows = txRows(db, net, id)
      if (!rows.length && id.startsWith('0x')) rows = txRows(db, net, id.slice(2))
      if (!rows.length) continue
      const base = txRow(db, rows)
      const conflicts = db
        .prepare("SELECT field, existing_value, existing_evidence_id, existing_locator, new_value, new_evidence_id, new_locator FROM conflicts WHERE kind = 'acct.transfer' AND key IN (SELECT value FROM json_each(?)) ORDER BY id")
        .all(JSON.stringify(rows.map((r) => r.match_key))) as { field: string; existing_value: string | null; existing_evidence_id: number | null; existing_locator: string | null; new_value: string | null; new_evidence_id: number; new_locator: string }[]
      return {
        ...base,
        transfers: rows.map((r) => {
          const info = assetInfo(db, net, r.asset)
          return { index: r.idx, from: displayAddress(net, r.from_addr), to: displayAddress(net, r.to_addr), asset: r.asset, symbol: info.symbol, decimals: info.decimals, amount: r.amount, kind: r.kind, status: r.status }
        }),
        conflicts: conflicts.map((c) => ({
          field: c.field,
          existing: c.existing_value,
          incoming: c.new_value,
          existingSource: c.existing_evidence_id === null ? null : source(db, c.existing_evidence_id, c.existing_locator ?? ''),
          incomingSource: source(db, c.new_evidence_id, c.new_locator)
        }))
      }
    }
    return undefined
  },
  *transfers(db, q: FlowQuery): Iterable<FlowTransfer> {
    const nets = q.network ? [q.network] : (db.prepare('SELECT DISTINCT network FROM acct_transfers').all() as { network: string }[]).map((r) => r.network)
    for (const net of nets) {
      if (!isAccount(net)) continue
      const infos = new Map<string, { symbol: string; decimals: number }>()
      const want = q.addresses ? new Set(q.addresses) : undefined
      const it = db.prepare('SELECT ' + COLS + ' FROM acct_transfers WHERE network = ? AND (? IS NULL OR time >= ?) AND (? IS NULL OR time <= ?) ORDER BY time, id').iterate(net, q.since ?? null, q.since ?? null, q.until ?? null, q.until ?? null) as Iterable<TRow>
      for (const r of it) {
        // Fee-only legs (Tron calls, creations without a created address) have no counterparty to draw.
        if (!r.to_addr || (want && !want.has(r.from_addr) && !want.has(r.to_addr))) continue
        let info = infos.get(r.asset)
        if (!info) infos.set(r.asset, (info = assetInfo(db, net, r.asset)))
        yield { network: net, txid: r.txid, index: r.idx, time: r.time, block: r.block, from: r.from_addr, to: r.to_addr, asset: r.asset, symbol: info.symbol, decimals: info.decimals, amount: BigInt(r.amount), kind: r.kind, status: r.status, evidenceId: r.evidence_id, locator: r.locator }
      }
    }
  },
  *addressKeys(db) {
    const it = db.prepare("SELECT network, from_addr AS address FROM acct_transfers UNION SELECT network, to_addr FROM acct_transfers WHERE to_addr <> ''").iterate() as Iterable<{ network: string; address: string }>
    // Only real addresses: not the GENESIS pseudo-sender, not "name:" token identities.
    for (const r of it) if (/^(0x[0-9a-f]{40}|T[1-9A-HJ-NP-Za-km-z]{33})$/.test(r.address)) yield r
  }
}

function addressRow(db: Db, network: string, a: string, seen: { first: number | null; last: number | null; n: number }): AddressRow {
  const fact = db.prepare('SELECT is_contract FROM acct_accounts WHERE network = ? AND address = ?').get(network, a) as { is_contract: number } | undefined
  const first = db.prepare('SELECT evidence_id, locator FROM acct_transfers WHERE network = ? AND (from_addr = ? OR to_addr = ?) ORDER BY id LIMIT 1').get(network, a, a) as { evidence_id: number; locator: string } | undefined
  return {
    network,
    address: a,
    display: displayAddress(network, a),
    type: fact ? (fact.is_contract ? 'contract' : 'eoa') : 'account',
    firstSeen: seen.first,
    lastSeen: seen.last,
    txCount: seen.n,
    assets: addressTotals(db, network, a),
    source: first ? source(db, first.evidence_id, first.locator) : null
  }
}
