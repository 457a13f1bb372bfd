import type { AddressDetail, AddressRow, SourceRef, TxDetail, TxRow } from '../../../../shared/api/areas/explore'
import { NETWORKS } from '../../../../shared/domain/networks'
import type { Db } from '../../../store/db'
import type { AddressQuery, ExploreProvider, TxQuery } from '../../../explore/providers'
import { ADDRESS_ID_SQL, ADDRESS_OF_INPUT, ADDRESS_OF_OUTPUT } from './addresses'
import { hashIn, hashOut, IN_EVIDENCE, IN_LOCATOR, OUT_EVIDENCE, OUT_LOCATOR } from './compact'
import { utxoTransfers } from './transfers'

/**
 * Explore provider for the Bitcoin family (btc, btc-testnet, btc-regtest): tables, address and tx detail over
 * the UTXO tables, with the source (evidence SHA-256, file, locator) of every row.
 */
const NETS = new Set(['btc', 'btc-testnet', 'btc-regtest'])
const LIST_CAP = 50

interface TxDb {
  id: number
  network: string
  txid: string
  block_height: number | null
  block_time: number | null
  seen_time: number | null
  fee: bigint | null
  total_out: bigint | null
  confirmed: number
  coinbase: number
  complete: number
  sha256: string
  original_name: string
  locator: string
  net: bigint | null
}

const TX_SORT: Record<TxQuery['sort'], string> = { time: 't.block_time', block: 't.block_height', txid: 't.txid', amount: 't.total_out' }
const ADDR_SORT: Record<AddressQuery['sort'], string> = { address: 'a.address', firstSeen: 'a.first_seen', lastSeen: 'a.last_seen', txCount: 'a.tx_count' }

function info(network: string) {
  return NETWORKS.get(network)!
}

function sources(db: Db, network: string, txid: string, first: SourceRef): SourceRef[] {
  const more = db
    .prepare('SELECT e.sha256, e.original_name AS file, s.locator FROM record_sources s JOIN evidence e ON e.id = s.evidence_id WHERE s.kind = ? AND s.key = ? ORDER BY s.import_id, s.locator')
    .all('btc.tx', `${network}:${txid}`) as SourceRef[]
  return [first, ...more]
}

function distinct(db: Db, sql: string, id: number): string[] {
  return (db.prepare(sql).all(id, LIST_CAP) as { a: string }[]).map((r) => r.a)
}

function txRow(db: Db, r: TxDb): TxRow {
  const n = info(r.network)
  const conflicted = !!db.prepare('SELECT 1 FROM conflicts WHERE kind = ? AND key = ? LIMIT 1').get('btc.tx', `${r.network}:${r.txid}`)
  const total = r.total_out ?? (db.prepare('SELECT coalesce(sum(value), 0) AS v FROM btc_output WHERE tx_id = ?').safeIntegers(true).get(r.id) as { v: bigint }).v
  return {
    network: r.network,
    txid: r.txid,
    time: r.block_time ?? r.seen_time,
    block: r.block_height,
    from: r.coinbase ? ['coinbase'] : distinct(db, FROM_LIST, r.id),
    to: distinct(db, TO_LIST, r.id),
    amount: String(r.net ?? total),
    asset: n.symbol,
    symbol: n.symbol,
    decimals: n.decimals,
    fee: r.fee === null ? null : String(r.fee),
    status: r.confirmed ? 'ok' : 'pending',
    kind: r.coinbase ? 'coinbase' : r.complete ? 'transfer' : 'partial',
    conflicted,
    sources: sources(db, r.network, r.txid, { sha256: r.sha256, file: r.original_name, locator: r.locator })
  }
}

// Distinct input/output addresses of a tx in index order (addresses.ts: text from btc_address).
const FROM_LIST = `SELECT DISTINCT coalesce(a.address, 'unknown') AS a FROM btc_input i ${ADDRESS_OF_INPUT} WHERE i.tx_id = ? ORDER BY i.idx LIMIT ?`
const TO_LIST = `SELECT DISTINCT coalesce(a.address, 'no address') AS a FROM btc_output o ${ADDRESS_OF_OUTPUT} WHERE o.tx_id = ? ORDER BY o.vout LIMIT ?`

const TX_SELECT = `SELECT t.id, t.network, t.txid, t.block_height, t.block_time, t.seen_time, t.fee, t.total_out, t.confirmed, t.coinbase, t.complete,
  e.sha256, e.original_name, t.locator, NULL AS net FROM btc_tx t JOIN evidence e ON e.id = t.evidence_id`

/** WHERE clause and parameters for the transactions table (values bound, never spliced). */
function txWhere(q: Pick<TxQuery, 'network' | 'filter' | 'address'>): { where: string; params: unknown[] } {
  const parts = ['t.network = ?']
  const params: unknown[] = [q.network]
  const f = q.filter?.trim()
  if (q.address) {
    parts.push('t.id IN (SELECT tx_id FROM btc_output WHERE addr_id = ' + ADDRESS_ID_SQL + ' UNION SELECT tx_id FROM btc_input WHERE addr_id = ' + ADDRESS_ID_SQL + ')')
    params.push(q.network, q.address, q.network, q.address)
  }
  if (f) {
    if (/^[0-9a-fA-F]{4,64}$/.test(f) && !/^\d+$/.test(f)) {
      parts.push('t.txid BETWEEN ? AND ?')
      params.push(...txidRange(f.toLowerCase()))
    } else if (/^\d{1,9}$/.test(f)) {
      parts.push('(t.block_height = ? OR t.txid BETWEEN ? AND ?)')
      params.push(Number(f), ...txidRange(f))
    } else if (/^[A-Za-z0-9]{1,90}$/.test(f)) {
      parts.push('t.id IN (SELECT tx_id FROM btc_output WHERE addr_id IN ' + ADDRESSES_LIKE + ' UNION SELECT tx_id FROM btc_input WHERE addr_id IN ' + ADDRESSES_LIKE + ')')
      params.push(q.network, f + '*', q.network, f + '*')
    } else {
      parts.push('0')
    }
  }
  return { where: ' WHERE ' + parts.join(' AND '), params }
}

/** Every stored txid starting with a hex prefix lies in this BLOB range (an index range, like the old text GLOB). */
function txidRange(prefix: string): [Buffer, Buffer] {
  return [Buffer.from(prefix.padEnd(64, '0'), 'hex'), Buffer.from(prefix.padEnd(64, 'f'), 'hex')]
}

/** Net effect of a tx on one address (received − sent), for the address view. */
const NET_SQL = `(SELECT coalesce(sum(value), 0) FROM btc_output WHERE tx_id = t.id AND addr_id = ${ADDRESS_ID_SQL}) - (SELECT coalesce(sum(value), 0) FROM btc_input WHERE tx_id = t.id AND addr_id = ${ADDRESS_ID_SQL})`
// Ids of this network's addresses starting with a prefix (bound: network, prefix + '*').
const ADDRESSES_LIKE = '(SELECT id FROM btc_address WHERE network = ? AND address GLOB ?)'

function listTxs(db: Db, q: TxQuery): { total: number; rows: TxRow[] } {
  const { where, params } = txWhere(q)
  const total = (db.prepare('SELECT count(*) AS n FROM btc_tx t' + where).get(...params) as { n: number }).n
  const select = q.address ? TX_SELECT.replace('NULL AS net', NET_SQL + ' AS net') : TX_SELECT
  const order = ' ORDER BY ' + TX_SORT[q.sort] + (q.desc ? ' DESC' : ' ASC') + ', t.id' + (q.desc ? ' DESC' : ' ASC') + ' LIMIT ? OFFSET ?'
  const head = q.address ? [q.network, q.address, q.network, q.address] : []
  const rows = db
    .prepare(select + where + order)
    .safeIntegers(true)
    .all(...head, ...params, q.limit, q.offset) as Record<string, unknown>[]
  return { total, rows: rows.map((r) => txRow(db, numbers(r) as unknown as TxDb)) }
}

/** Small integer columns back to numbers (amount columns stay bigint), hash columns back to hex text. */
function numbers(r: Record<string, unknown>): Record<string, unknown> {
  for (const k of ['txid', 'prev_txid', 'spent_by_txid']) if (k in r) r[k] = hashOut(r[k])
  for (const k of ['id', 'block_height', 'block_time', 'seen_time', 'confirmed', 'coinbase', 'complete', 'tx_count', 'in_count', 'out_count', 'first_seen', 'last_seen', 'vout', 'idx', 'prev_vout', 'spent_by_vin']) {
    if (typeof r[k] === 'bigint') r[k] = Number(r[k])
  }
  return r
}

function addressRow(r: Record<string, unknown>): AddressRow {
  const n = info(r.network as string)
  const received = r.received as bigint
  const sent = r.sent as bigint
  return {
    network: r.network as string,
    address: r.address as string,
    display: r.address as string,
    type: r.type as string,
    firstSeen: r.first_seen as number | null,
    lastSeen: r.last_seen as number | null,
    txCount: r.tx_count as number,
    assets: [{ asset: n.symbol, symbol: n.symbol, decimals: n.decimals, received: String(received), sent: String(sent), balance: String(received - sent), inCount: r.in_count as number, outCount: r.out_count as number }],
    source: { sha256: r.sha256 as string, file: r.original_name as string, locator: r.locator as string }
  }
}

const ADDR_SELECT = 'SELECT a.*, e.sha256, e.original_name FROM btc_address a JOIN evidence e ON e.id = a.evidence_id'

function listAddresses(db: Db, q: AddressQuery): { total: number; rows: AddressRow[] } {
  const f = q.filter?.trim()
  const where = ' WHERE a.network = ?' + (f ? ' AND instr(a.address, ?) > 0' : '')
  const params = f ? [q.network, f] : [q.network]
  const total = (db.prepare('SELECT count(*) AS n FROM btc_address a' + where).get(...params) as { n: number }).n
  const order = ' ORDER BY ' + ADDR_SORT[q.sort] + (q.desc ? ' DESC' : ' ASC') + ', a.address LIMIT ? OFFSET ?'
  const rows = db
    .prepare(ADDR_SELECT + where + order)
    .safeIntegers(true)
    .all(...params, q.limit, q.offset) as Record<string, unknown>[]
  return { total, rows: rows.map((r) => addressRow(numbers(r))) }
}

function addressDetail(db: Db, network: string, address: string, txLimit: number): AddressDetail | undefined {
  if (!NETS.has(network)) return undefined
  const canon = /^(bc|tb|bcrt)1/i.test(address) ? address.toLowerCase() : address
  const r = db.prepare(ADDR_SELECT + ' WHERE a.network = ? AND a.address = ?').safeIntegers(true).get(network, canon) as Record<string, unknown> | undefined
  if (!r) return undefined
  const txs = txLimit ? listTxs(db, { network, address: canon, sort: 'time', desc: true, offset: 0, limit: txLimit }).rows : []
  return { ...addressRow(numbers(r)), transactions: txs, labels: [] }
}

function txDetail(db: Db, network: string | undefined, txid: string): TxDetail | undefined {
  const nets = network ? [network] : [...NETS]
  for (const net of nets) {
    if (!NETS.has(net)) continue
    const r = db.prepare(TX_SELECT + ' WHERE t.network = ? AND t.txid = ?').safeIntegers(true).get(net, hashIn(txid.toLowerCase())) as Record<string, unknown> | undefined
    if (!r) continue
    const row = numbers(r) as unknown as TxDb
    const ins = (db.prepare(INPUTS).safeIntegers(true).all(row.id) as Record<string, unknown>[]).map(numbers)
    const outs = (db.prepare(OUTPUTS).safeIntegers(true).all(row.id) as Record<string, unknown>[]).map(numbers)
    const spender = db.prepare('SELECT t.txid, i.idx FROM btc_input i JOIN btc_tx t ON t.id = i.tx_id WHERE i.prev_txid = ? AND i.prev_vout = ? AND t.network = ? LIMIT 1')
    const txidKey = hashIn(row.txid)
    const conflicts = db
      .prepare(
        `SELECT c.field, c.existing_value, c.new_value, ee.sha256 AS es, ee.original_name AS ef, c.existing_locator, ne.sha256 AS ns, ne.original_name AS nf, c.new_locator
         FROM conflicts c LEFT JOIN evidence ee ON ee.id = c.existing_evidence_id JOIN evidence ne ON ne.id = c.new_evidence_id WHERE c.kind = ? AND c.key = ? ORDER BY c.id`
      )
      .all('btc.tx', `${net}:${row.txid}`) as Record<string, string | null>[]
    return {
      ...txRow(db, row),
      inputs: ins.map((i) => ({ index: i.idx as number, prevTxid: i.prev_txid as string | null, prevVout: i.prev_vout as number | null, address: i.address as string | null, value: i.value === null ? null : String(i.value), coinbase: !!i.coinbase, source: src(i) })),
      outputs: outs.map((o) => {
        const s = o.spent_by_txid ? null : (spender.get(txidKey, o.vout, net) as { txid: Buffer; idx: number } | undefined)
        return { index: o.vout as number, address: o.address as string | null, scriptType: o.script_type as string, value: String(o.value), spentBy: o.spent_by_txid ? `${o.spent_by_txid as string}:${(o.spent_by_vin as number | null) ?? '?'}` : s ? `${hashOut(s.txid)}:${s.idx}` : null, source: src(o) }
      }),
      conflicts: conflicts.map((c) => ({
        field: c.field!,
        existing: c.existing_value,
        incoming: c.new_value,
        existingSource: c.es ? { sha256: c.es, file: c.ef!, locator: c.existing_locator ?? '' } : null,
        incomingSource: { sha256: c.ns!, file: c.nf!, locator: c.new_locator! }
      }))
    }
  }
  return undefined
}

function src(r: Record<string, unknown>): SourceRef {
  return { sha256: r.sha256 as string, file: r.original_name as string, locator: r.src_locator as string }
}

// Inputs/outputs of one tx with their source; derived source columns resolved (compact.ts).
const INPUTS = `SELECT i.*, a.address, ${IN_LOCATOR} AS src_locator, e.sha256, e.original_name FROM btc_input i JOIN btc_tx t ON t.id = i.tx_id
  ${ADDRESS_OF_INPUT} JOIN evidence e ON e.id = ${IN_EVIDENCE} WHERE i.tx_id = ? ORDER BY i.idx`
const OUTPUTS = `SELECT o.*, a.address, ${OUT_LOCATOR} AS src_locator, e.sha256, e.original_name FROM btc_output o JOIN btc_tx t ON t.id = o.tx_id
  ${ADDRESS_OF_OUTPUT} JOIN evidence e ON e.id = ${OUT_EVIDENCE} WHERE o.tx_id = ? ORDER BY o.vout`

/** The Bitcoin-family provider. */
export const utxoProvider: ExploreProvider = {
  id: 'bitcoin-utxo',
  handles: (network) => NETS.has(network),
  networks(db) {
    const tx = db.prepare('SELECT network, count(*) AS n FROM btc_tx GROUP BY network').all() as { network: string; n: number }[]
    const ad = new Map((db.prepare('SELECT network, count(*) AS n FROM btc_address GROUP BY network').all() as { network: string; n: number }[]).map((r) => [r.network, r.n]))
    return tx.map((r) => ({ network: r.network, transactions: r.n, addresses: ad.get(r.network) ?? 0 }))
  },
  addresses: listAddresses,
  transactions: listTxs,
  address: addressDetail,
  tx: txDetail,
  transfers: utxoTransfers,
  *addressKeys(db) {
    yield* db.prepare('SELECT network, address FROM btc_address ORDER BY network, address').iterate() as Iterable<{ network: string; address: string }>
  }
}
