import { KEYS_MAX, KeyTable, nextGeneration, type KeyMemo, type WireKeys } from './wire-keys'
import { RecentStrings } from './wire-strings'

/**
 * Compact transport of records from the parse worker to the importing thread. Structured clone of millions of
 * small objects costs about as much as parsing them, and so did a flat array of primitives per batch (~5 µs per
 * Bitcoin tx to build and clone, ~3.6 µs to deserialize on the importing thread). A batch is instead one tag byte
 * per value (Uint8Array) and its numbers in a Float64Array, both handed over without a copy (transfer list), plus
 * the few strings that are new to the batch. A record kind may register a codec that writes its data value by
 * value (wire-records.ts); a kind without one travels as its object (correct, just slower). Strings that repeat from record to
 * record (record kinds, networks, block hashes, addresses, locator suffixes) go through the batch's string table
 * (`sym`, `near`) and travel as their index: the receiving thread gets each once per batch instead of once per mention.
 * Two kinds of value are also converted here, off the importing thread, which had spent ~3 µs per Bitcoin tx on them:
 * - a 32-byte hash as lower-case hex (`hash`) travels as its bytes, which the reader hands out as a Buffer view, the
 *   form the stores bind (compact.ts hashIn: the same rule, so anything else stays text);
 * - a string that names the same thing across the whole file (`key`: an address on a network) gets a small integer
 *   key that outlives the batch; its text travels once per generation, and the reader hands out the key with the
 *   text, for the store to find its row id in an array rather than a map (see KeyTable).
 * Every value comes back as it went in: undefined stays undefined, a bigint a bigint (carried as a double only
 * while it is a safe integer, where the double is exact; beyond, it is cloned as the bigint).
 */
/** One batch as posted: the typed arrays are transferred, the rest cloned. */
export interface WireBatch {
  tags: Uint8Array
  nums: Float64Array
  /** Values used of `tags` and `nums` (the arrays may be longer). */
  t: number
  n: number
  strs: string[]
  vals: unknown[]
  table: string[]
  /** Hash bytes (`hash`), `b` of them used: transferred, and never handed back (the reader's views stay in use). */
  bytes: Uint8Array
  b: number
  /** Generation of the writer's keys (`key`): a batch with another than the last one's starts the keys over. */
  gen: number
}

// Tags. NUM, BIG and SYM take the next number; STR the next string; ANY the next cloned value.
const NUM = 0
const NULL = 1
const UNDEF = 2
const FALSE = 3
const TRUE = 4
const BIG = 5
const STR = 6
const SYM = 7
const ANY = 8
/** The next 32 hash bytes. */
const HASH = 9
/** The next number is a key met before in this generation. */
const KEY = 10
/** The next number is a new key, and the next string its text. */
const KEYNEW = 11

/** Value of a lower-case hex digit by character code (below 128), -1 for anything else: upper case stays text. */
const HEX = new Int8Array(128).fill(-1)
for (let c = 0; c < 16; c++) HEX['0123456789abcdef'.charCodeAt(c)] = c

/** Strings `near` and `sym` remember without a map lookup. */
const RECENT = 4
const SYM_RING = 8

/** Writes the records of one batch. */
export class WireWriter {
  private tags: Uint8Array
  private nums: Float64Array
  private t = 0
  private n = 0
  private strs: string[] = []
  private vals: unknown[] = []
  private table: string[] = []
  private readonly ids = new Map<string, number>()
  private readonly symRing = new RecentStrings(SYM_RING)
  private readonly spare: { tags: Uint8Array; nums: Float64Array }[] = []
  private readonly recent = new RecentStrings(RECENT)
  private bytes: Uint8Array
  private b = 0
  private gen = nextGeneration()
  private keyCount = 0
  private readonly keyLimit: number
  private readonly keySpaces = new Map<string, Map<string, number>>()
  // A file is almost always one network: its map is kept at hand rather than looked up per key.
  private lastSpace: string | null = null
  private lastKeys = new Map<string, number>()

  constructor(capacity = 1024, keyLimit = Number(process.env.CHAINTRAIL_WIRE_KEYS_MAX) || KEYS_MAX) {
    this.tags = new Uint8Array(capacity)
    this.nums = new Float64Array(capacity)
    this.bytes = new Uint8Array(capacity)
    this.keyLimit = keyLimit
  }

  /** Any primitive (an object travels by structured clone). */
  val(v: unknown): void {
    if (this.t === this.tags.length) this.grow()
    switch (typeof v) {
      case 'number':
        this.tags[this.t++] = NUM
        this.nums[this.n++] = v
        return
      case 'string':
        this.tags[this.t++] = STR
        this.strs.push(v)
        return
      case 'boolean':
        this.tags[this.t++] = v ? TRUE : FALSE
        return
      case 'undefined':
        this.tags[this.t++] = UNDEF
        return
      case 'bigint': {
        // A safe integer as a double is exactly the bigint (one beyond ±(2^53 - 1) never converts to one).
        const x = Number(v)
        if (Number.isSafeInteger(x)) {
          this.tags[this.t++] = BIG
          this.nums[this.n++] = x
          return
        }
        break
      }
      default:
        if (v === null) {
          this.tags[this.t++] = NULL
          return
        }
    }
    this.tags[this.t++] = ANY
    this.vals.push(v)
  }

  /** A string that repeats between records, through the string table (anything else as `val`). */
  sym(s: unknown): void {
    if (typeof s !== 'string') return this.val(s)
    if (this.t === this.tags.length) this.grow()
    // The same few strings come back record after record (kind, network, block hash, script types, locator
    // suffixes): compared by identity among the last few first, which costs far less than a map lookup.
    let id = this.symRing.find(s)
    if (id < 0) {
      const known = this.ids.get(s)
      if (known === undefined) {
        id = this.table.length
        this.table.push(s)
        this.ids.set(s, id)
      } else id = known
      this.symRing.remember(s, id)
    }
    this.tags[this.t++] = SYM
    this.nums[this.n++] = id
  }

  /**
   * A string that repeats a few values later if at all (an address: an export's own address is in most of its
   * txs, the others mostly once per batch): through the string table, found again only among the last few
   * (a lookup in `sym`'s map per mention cost more than sending the rare repeat twice).
   */
  near(s: unknown): void {
    if (typeof s !== 'string') return this.val(s)
    if (this.t === this.tags.length) this.grow()
    let id = this.recent.find(s)
    if (id < 0) {
      id = this.table.length
      this.table.push(s)
      this.recent.remember(s, id)
    }
    this.tags[this.t++] = SYM
    this.nums[this.n++] = id
  }

  /**
   * A 32-byte hash: as its bytes when it is 64 lower-case hex digits (exactly compact.ts hashIn's rule), else as
   * `val`. Read back by `hash` as the stored form, by `val` as the text written.
   */
  hash(v: unknown): void {
    if (typeof v !== 'string' || v.length !== 64) return this.val(v)
    if (this.t === this.tags.length) this.grow()
    if (this.b + 32 > this.bytes.length) {
      const bytes = new Uint8Array(this.bytes.length * 2 + 32)
      bytes.set(this.bytes)
      this.bytes = bytes
    }
    // Checked and converted in one pass; on a bad digit the bytes written so far are simply not counted.
    const out = this.bytes
    let o = this.b
    for (let k = 0; k < 64; k += 2) {
      const c = v.charCodeAt(k)
      const d = v.charCodeAt(k + 1)
      const hi = c < 128 ? HEX[c] : -1
      const lo = d < 128 ? HEX[d] : -1
      if ((hi | lo) < 0) return this.val(v)
      out[o++] = (hi << 4) | lo
    }
    this.b = o
    this.tags[this.t++] = HASH
  }

  /**
   * A string naming the same thing all through the file, within `space` (an address on its network: the same
   * text on two networks is two keys). Read back by `keyed` (text and key) or `val` (text). `memo`: see KeyMemo.
   */
  key(space: string, s: unknown, memo?: KeyMemo | null): void {
    if (typeof s !== 'string') return this.val(s)
    if (this.t === this.tags.length) this.grow()
    if (memo != null && memo.wireGen === this.gen && memo.wireSpace === space && memo.wireText === s) {
      this.tags[this.t++] = KEY
      this.nums[this.n++] = memo.wireKey!
      return
    }
    if (space !== this.lastSpace) {
      let m = this.keySpaces.get(space)
      if (!m) this.keySpaces.set(space, (m = new Map()))
      this.lastSpace = space
      this.lastKeys = m
    }
    let k = this.lastKeys.get(s)
    if (k !== undefined) {
      this.tags[this.t++] = KEY
      this.nums[this.n++] = k
    } else {
      this.lastKeys.set(s, (k = this.keyCount++))
      this.tags[this.t++] = KEYNEW
      this.nums[this.n++] = k
      this.strs.push(s)
    }
    if (memo != null) {
      memo.wireKey = k
      memo.wireGen = this.gen
      memo.wireSpace = space
      memo.wireText = s
    }
  }

  /** Values written so far. */
  get size(): number {
    return this.t
  }

  /** Arrays of a batch the reader is done with (sent back by the importing thread), to write a later batch into. */
  recycle(tags: Uint8Array, nums: Float64Array): void {
    if (this.spare.length < 4 && tags.length === nums.length) this.spare.push({ tags, nums })
  }

  /** The batch, and the buffers to transfer with it; the writer is then empty, ready for the next batch. */
  take(): { batch: WireBatch; transfer: ArrayBuffer[] } {
    const batch: WireBatch = { tags: this.tags, nums: this.nums, t: this.t, n: this.n, strs: this.strs, vals: this.vals, table: this.table, bytes: this.bytes, b: this.b, gen: this.gen }
    // The next batch is about as big as this one. Arrays that came back are reused: fresh ones of this size are
    // new pages every time, and faulting them in cost more than the copy it saves.
    const cap = Math.max(1024, this.t + (this.t >> 3))
    const spare = this.spare.pop()
    if (spare !== undefined && spare.tags.length >= cap) {
      this.tags = spare.tags
      this.nums = spare.nums
    } else {
      this.tags = new Uint8Array(cap)
      this.nums = new Float64Array(cap)
    }
    this.t = this.n = 0
    this.strs = []
    this.vals = []
    this.table = []
    this.ids.clear()
    this.symRing.clear()
    this.recent.clear()
    this.bytes = new Uint8Array(Math.max(1024, this.b + (this.b >> 3)))
    this.b = 0
    // Past the bound the keys start over with the next batch, which says so by its generation (KeyTable).
    if (this.keyCount >= this.keyLimit) {
      this.gen = nextGeneration()
      this.keyCount = 0
      this.keySpaces.clear()
      this.lastSpace = null
    }
    return { batch, transfer: [batch.tags.buffer as ArrayBuffer, batch.nums.buffer as ArrayBuffer, batch.bytes.buffer as ArrayBuffer] }
  }

  private grow(): void {
    const tags = new Uint8Array(this.tags.length * 2)
    tags.set(this.tags)
    this.tags = tags
    const nums = new Float64Array(this.nums.length * 2)
    nums.set(this.nums)
    this.nums = nums
  }
}

/** Reads a batch back, value by value, in the order it was written. */
export class WireReader {
  private t = 0
  private n = 0
  private s = 0
  private v = 0
  private o = 0
  private readonly tags: Uint8Array
  private readonly nums: Float64Array
  private readonly strs: string[]
  private readonly vals: unknown[]
  private readonly table: string[]
  private readonly bytes: Buffer
  private readonly end: number
  /** The batch's key generation (see KeyTable). */
  readonly keys: KeyTable
  /** Key of the value last read by `keyed`, -1 when it had none. */
  lastKey = -1

  /** `keys`: the same object for every batch of one writer, in order. */
  constructor(b: WireBatch, keys: WireKeys) {
    this.tags = b.tags
    this.nums = b.nums
    this.strs = b.strs
    this.vals = b.vals
    this.table = b.table
    this.bytes = Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.b)
    this.end = b.t
    this.keys = keys.of(b.gen)
  }

  /** The next value written by `hash`, in its stored form: a Buffer of the 32 bytes, or what `val` gives. */
  hash(): unknown {
    if (this.tags[this.t] !== HASH) return this.val()
    this.t++
    return this.bytes.subarray(this.o, (this.o += 32))
  }

  /** The next value written by `key`: its text (or what `val` gives), with its key in `lastKey`. */
  keyed(): unknown {
    const tag = this.tags[this.t]
    if (tag === KEY) {
      this.t++
      return this.keys.texts[(this.lastKey = this.nums[this.n++])]
    }
    this.lastKey = tag === KEYNEW ? this.nums[this.n] : -1
    return this.val()
  }

  /** Whether every value was read. */
  get done(): boolean {
    return this.t >= this.end
  }

  /** The next value (written by `val` or `sym`). */
  val(): unknown {
    switch (this.tags[this.t++]) {
      case NUM:
        return this.nums[this.n++]
      case NULL:
        return null
      case UNDEF:
        return undefined
      case FALSE:
        return false
      case TRUE:
        return true
      case BIG:
        return BigInt(this.nums[this.n++])
      case STR:
        return this.strs[this.s++]
      case SYM:
        return this.table[this.nums[this.n++]]
      case HASH:
        return this.bytes.toString('hex', this.o, (this.o += 32))
      case KEY:
        return this.keys.texts[this.nums[this.n++]]
      case KEYNEW:
        return (this.keys.texts[this.nums[this.n++]] = this.strs[this.s++])
      default:
        return this.vals[this.v++]
    }
  }
}
