import type { ExchangeLine } from '../../shared/api/areas/explore'
import type { Db } from '../store/db'

/** How to pick exchange statement lines: by address and/or txids (either links), and a free-text filter. */
export interface ExchangeQuery {
  address?: string
  txids?: string[]
  filter?: string
  desc?: boolean
  offset?: number
  limit?: number
}

interface Row {
  id: number
  exchange: string
  account: string
  time: number | null
  type: string
  asset: string
  amount: string
  fee: string | null
  fee_asset: string | null
  network: string | null
  txid: string | null
  address: string | null
  ref: string | null
  note: string | null
  sha256: string
  file: string
  locator: string
  by_address: number
  by_txid: number
}

/**
 * Hex and bech32 addresses are case-insensitive encodings (an exchange may write an EVM address in checksum case or
 * all lower-case), base58 is not: "1Abc" and "1abc" are different addresses.
 */
function caseInsensitive(address: string): boolean {
  return /^(0x[0-9a-f]+|(bc|tb|bcrt|ltc|tltc)1[0-9a-z]+)$/i.test(address)
}

const ESCAPE_LIKE = /[\\%_]/g

/**
 * Exchange statement lines (subpoena returns) from the case, each with the evidence row it came from. With an
 * address or txids, only lines that name them — the link between an exchange account and on-chain activity the
 * analyst needs for a freeze request. Txids compare case-insensitively (they are hex everywhere).
 */
export function exchangeLines(db: Db, q: ExchangeQuery): { total: number; rows: ExchangeLine[] } {
  const addr = q.address ?? null
  const addrCi = addr !== null && caseInsensitive(addr) ? 1 : 0
  const txids = JSON.stringify((q.txids ?? []).map((t) => t.toLowerCase()))
  const linked = addr !== null || (q.txids?.length ?? 0) > 0 ? 1 : 0
  const like = q.filter ? `%${q.filter.replace(ESCAPE_LIKE, (c) => '\\' + c)}%` : null
  // One statement, parameters decide which clauses apply: keeps the SQL prepared and free of string building.
  const where = `
    FROM (
      SELECT x.*,
        (? IS NOT NULL AND x.address IS NOT NULL AND (x.address = ? OR (? = 1 AND lower(x.address) = lower(?)))) AS by_address,
        (x.txid IS NOT NULL AND lower(x.txid) IN (SELECT value FROM json_each(?))) AS by_txid
      FROM exchange_activity x
    ) a JOIN evidence e ON e.id = a.evidence_id
    WHERE (? = 0 OR a.by_address OR a.by_txid)
      AND (? IS NULL OR a.exchange LIKE ? ESCAPE '\\' OR a.account LIKE ? ESCAPE '\\' OR a.type LIKE ? ESCAPE '\\'
           OR a.asset LIKE ? ESCAPE '\\' OR a.txid LIKE ? ESCAPE '\\' OR a.address LIKE ? ESCAPE '\\' OR a.ref LIKE ? ESCAPE '\\')`
  const params = [addr, addr, addrCi, addr, txids, linked, like, like, like, like, like, like, like, like]
  const total = (db.prepare('SELECT count(*) AS n ' + where).get(...params) as { n: number }).n
  const order = q.desc === false ? 'ASC' : 'DESC'
  const rows = db
    .prepare(
      'SELECT a.id, a.exchange, a.account, a.time, a.type, a.asset, a.amount, a.fee, a.fee_asset, a.network, a.txid, a.address, a.ref, a.note, e.sha256, e.original_name AS file, a.locator, a.by_address, a.by_txid ' +
        where +
        ' ORDER BY a.time ' +
        order +
        ', a.id ' +
        order +
        ' LIMIT ? OFFSET ?'
    )
    .all(...params, q.limit ?? 200, q.offset ?? 0) as Row[]
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      exchange: r.exchange,
      account: r.account,
      time: r.time,
      type: r.type,
      asset: r.asset,
      amount: r.amount,
      fee: r.fee,
      feeAsset: r.fee_asset,
      network: r.network,
      txid: r.txid,
      address: r.address,
      ref: r.ref,
      note: r.note,
      linkedBy: r.by_address ? 'address' : r.by_txid ? 'txid' : null,
      source: { sha256: r.sha256, file: r.file, locator: r.locator }
    }))
  }
}
