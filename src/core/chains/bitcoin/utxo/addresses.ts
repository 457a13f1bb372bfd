import type { Statement } from 'better-sqlite3'
import type { Db } from '../../../store/db'

/**
 * Addresses are written once (migration 0008): btc_address holds each (network, address) with an integer id,
 * and inputs/outputs refer to it by `addr_id`. An address's row is made the first time an import stores a row
 * naming it, with that row as its first source (outputs of a tx are stored before its inputs, so the source is
 * the same one the per-import aggregation used to pick: the first tx naming it, an output before an input).
 * Totals start at zero and are brought up to date at the end of the import (finish.ts).
 */

/** Script type of an address from its text; the same rule as every address row ever written (migration 0003). */
const TYPE_SQL = `CASE WHEN @address GLOB '[1mn]*' THEN 'p2pkh' WHEN @address GLOB '[23]*' THEN 'p2sh'
  WHEN @address GLOB '*1p*' AND length(@address) IN (62, 64) THEN 'p2tr'
  WHEN @address GLOB '*1q*' AND length(@address) IN (42, 43, 44) THEN 'p2wpkh'
  WHEN @address GLOB '*1q*' THEN 'p2wsh' ELSE 'other' END`

const INSERT = `INSERT INTO btc_address (network, address, type, evidence_id, locator) VALUES (@network, @address, ${TYPE_SQL}, @evidenceId, @locator)
  ON CONFLICT (network, address) DO NOTHING`

/** Per-import cache of address ids: valid only inside the import's transaction (ids go with a rollback). */
export class AddressIds {
  private readonly byNet = new Map<string, Map<string, number>>()
  // A file is almost always one network: its map is kept at hand rather than looked up per address.
  private lastNet = ''
  private lastMap: Map<string, number> | undefined = undefined
  private size = 0
  private readonly sel: Statement
  private readonly ins: Statement

  constructor(db: Db) {
    this.sel = db.prepare('SELECT id FROM btc_address WHERE network = ? AND address = ?').pluck()
    this.ins = db.prepare(INSERT)
  }

  // Ids by wire key (importers/wire.ts `key`) of one key generation (its KeyTable): 0 where not known yet.
  private keyTable: object | null = null
  private keyIds = new Uint32Array(0)

  /**
   * Id of the address a parse-worker record names by `key` (BtcInputRecord.addrKey) in key generation `table`
   * (BtcTxRecord.keys), or 0 when not known yet (then `cached`/`make`, and `keep`). A key is one (network, address)
   * within its generation: no text is hashed or compared per mention. Another table means the keys were started
   * over (or another import): what was kept for the old ones is forgotten before any is looked up.
   */
  ofKey(table: object, key: number): number {
    if (table !== this.keyTable) {
      this.keyTable = table
      this.keyIds.fill(0)
    }
    return key < this.keyIds.length ? this.keyIds[key] : 0
  }

  /** Remember the id of `key` (of the table last given to `ofKey`). */
  keep(key: number, id: number): void {
    if (id > 0xffffffff) return
    if (key >= this.keyIds.length) {
      const ids = new Uint32Array(Math.max(1024, 2 * key + 2))
      ids.set(this.keyIds)
      this.keyIds = ids
    }
    this.keyIds[key] = id
  }

  /** Id of `address` on `network` when this import has already met it. */
  cached(network: string, address: string): number | undefined {
    if (network !== this.lastNet) {
      this.lastNet = network
      this.lastMap = this.byNet.get(network)
    }
    return this.lastMap?.get(address)
  }

  /** Id of `address` on `network`, making its row (first source: evidenceId + locator) when the case has none. */
  make(network: string, address: string, evidenceId: number, locator: string): number {
    // Insert first: in a large import most addresses not yet cached are new (one index probe, not two); run() and
    // `changes` rather than RETURNING, which costs several µs more per row in better-sqlite3.
    const r = this.ins.run({ network, address, evidenceId, locator })
    const id = r.changes ? Number(r.lastInsertRowid) : (this.sel.get(network, address) as number)
    // Bounded: memory stays flat however many distinct addresses a file names (a miss costs one index probe).
    if (++this.size > 500_000) {
      this.byNet.clear()
      this.size = 0
    }
    let m = this.byNet.get(network)
    if (!m) this.byNet.set(network, (m = new Map()))
    m.set(address, id)
    this.lastNet = network
    this.lastMap = m
    return id
  }
}

/** Join that brings an input's (i) or output's (o) address text back: `LEFT JOIN btc_address a ON a.id = x.addr_id`. */
export const ADDRESS_OF_INPUT = 'LEFT JOIN btc_address a ON a.id = i.addr_id'
/** See ADDRESS_OF_INPUT. */
export const ADDRESS_OF_OUTPUT = 'LEFT JOIN btc_address a ON a.id = o.addr_id'
/** The id of the address bound as (network, address), for WHERE clauses. */
export const ADDRESS_ID_SQL = '(SELECT id FROM btc_address WHERE network = ? AND address = ?)'
