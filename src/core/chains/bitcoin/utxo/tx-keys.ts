import { randomBytes } from 'node:crypto'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../../../store/db'

/**
 * The (network, txid) → btc_tx id lookup of a bulk import, held in memory while the `btc_tx_key` unique index is
 * dropped (bulk.ts, migration 0010). Inserting a random 32-byte key into that B-tree for every new transaction
 * was about a third of the importing thread's time; a probe of this table costs a few hundred nanoseconds.
 *
 * Each slot holds a 32-bit fingerprint of the stored key and the row id. A fingerprint match is only a
 * candidate: the row is read back and its network and txid compared, so a collision costs one read, never a
 * wrong merge. The fingerprint mixes all 32 bytes with a per-process random seed: txids in an evidence file are
 * whatever the file says, and a file crafted so that many share a prefix must not turn every probe into a walk.
 *
 * Memory: 8 bytes a slot, at most half full, so 16–32 bytes per transaction in the case; past MAX_SLOTS the
 * caller rebuilds the unique index and goes back to it (`full`), so memory stays bounded whatever the file size.
 */
const EMPTY = 0
/** 2^23 slots = 64 MB, enough for 4M transactions in the case; CHAINTRAIL_TX_KEYS_MAX_SLOTS lowers it (tests). */
const MAX_SLOTS = 1 << 23
const SEED = randomBytes(4).readUInt32LE(0) | 1

/** Row ids go in 32 bits; a case would need four billion transactions to pass that. */
const MAX_ID = 0xffffffff

export class TxKeys {
  private slots: Uint32Array
  private mask: number
  private count = 0
  /** Keys stored as text (not lower-case 64-hex, compact.ts): rare, kept exactly. */
  private readonly text = new Map<string, number>()
  private readonly maxSlots: number
  private readonly readKey: Statement
  /** Set when the table would pass its memory bound: the caller goes back to the unique index. */
  full = false

  constructor(db: Db) {
    const env = Number(process.env.CHAINTRAIL_TX_KEYS_MAX_SLOTS)
    this.maxSlots = env > 0 ? 2 ** Math.ceil(Math.log2(Math.max(16, env))) : MAX_SLOTS
    const size = Math.min(1 << 16, this.maxSlots)
    this.slots = new Uint32Array(2 * size)
    this.mask = size - 1
    this.readKey = db.prepare('SELECT network, txid FROM btc_tx WHERE id = ?')
  }

  /** Every transaction already in the case (called when the unique index is dropped). */
  static load(db: Db): TxKeys {
    const keys = new TxKeys(db)
    for (const r of db.prepare('SELECT id, network, txid FROM btc_tx ORDER BY id').raw(true).iterate() as Iterable<[number, string, Buffer | string]>) {
      keys.add(r[1], r[2], r[0])
      if (keys.full) break
    }
    return keys
  }

  /** The id of the stored transaction with this key, or 0. `txid` is in its stored form (compact.ts hashIn). */
  find(network: string, txid: Buffer | string): number {
    if (typeof txid === 'string') return this.text.get(network + '\n' + txid) ?? 0
    const fp = fingerprint(network, txid)
    for (let i = fp & this.mask; ; i = (i + 1) & this.mask) {
      const id = this.slots[2 * i + 1]
      if (id === EMPTY) return 0
      if (this.slots[2 * i] === fp && this.is(id, network, txid)) return id
    }
  }

  /** Record a new transaction's key. Sets `full` instead of growing past the bound. */
  add(network: string, txid: Buffer | string, id: number): void {
    if (id > MAX_ID) {
      this.full = true
      return
    }
    if (typeof txid === 'string') {
      this.text.set(network + '\n' + txid, id)
      return
    }
    if (2 * (this.count + this.text.size + 1) > this.mask + 1 && !this.grow()) return
    put(this.slots, this.mask, fingerprint(network, txid), id)
    this.count++
  }

  private grow(): boolean {
    const size = 2 * (this.mask + 1)
    if (size > this.maxSlots) {
      this.full = true
      return false
    }
    const old = this.slots
    this.slots = new Uint32Array(2 * size)
    this.mask = size - 1
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== EMPTY) put(this.slots, this.mask, old[i], old[i + 1])
    return true
  }

  private is(id: number, network: string, txid: Buffer): boolean {
    const r = this.readKey.get(id) as { network: string; txid: Buffer | string } | undefined
    return r !== undefined && r.network === network && Buffer.isBuffer(r.txid) && txid.equals(r.txid)
  }
}

function put(slots: Uint32Array, mask: number, fp: number, id: number): void {
  let i = fp & mask
  while (slots[2 * i + 1] !== EMPTY) i = (i + 1) & mask
  slots[2 * i] = fp
  slots[2 * i + 1] = id
}

/** 32-bit mix of the network name and the 32 txid bytes (murmur3-style rounds, seeded per process). */
function fingerprint(network: string, txid: Buffer): number {
  let h = SEED ^ network.length
  for (let k = 0; k < network.length; k++) h = Math.imul(h ^ network.charCodeAt(k), 0x01000193)
  for (let off = 0; off + 4 <= txid.length; off += 4) {
    let w = Math.imul(txid.readUInt32LE(off), 0xcc9e2d51)
    w = Math.imul((w << 15) | (w >>> 17), 0x1b873593)
    h ^= w
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
