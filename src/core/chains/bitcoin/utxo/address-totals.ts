import type { Db } from '../../../store/db'

/**
 * Per-address totals (tx_count, received, sent, in_count, out_count, first/last seen) of the transactions an
 * import adds, summed while the file streams instead of by one GROUP BY over every new input and output at the
 * end (that query was ~2–3 s of a 1M-tx import). The sums are the ones finish.ts's EVENTS query makes, split by
 * transaction: a tx whose every value and address is known when stored is summed here; a tx with an input that
 * the end of the import may still resolve (value unknown, outpoint known) is left to EVENTS, restricted to those
 * txs. Totals partition exactly by tx (sums, counts, distinct txs per address, min/max), so the two parts add up
 * to what one query over all rows gives. Memory is bounded: past MAX_SLOTS addresses (counted at a tx boundary) the sums so far are written
 * to a TEMP table, which finish folds into btc_address with one UPDATE.
 */
const MAX_SLOTS = 262_144
/** CHAINTRAIL_TOTALS_SLOTS lowers the cap (tests make small files spill). */
const maxSlots = (): number => (Number(process.env.CHAINTRAIL_TOTALS_SLOTS) > 0 ? Number(process.env.CHAINTRAIL_TOTALS_SLOTS) : MAX_SLOTS)

const COLS = '(a, txc, recv, sent, ic, oc, first, last)'
const ROW = '(?, ?, ?, ?, ?, ?, ?, ?)'
const SPILL_ROWS = 64

// Satoshi sums stay exact: BigInt64Array, as SQLite's INTEGER (an overflow past 2^63 fails there as it would here).
export class AddressTotals {
  private slotOf = new Map<number, number>()
  private ids: number[] = []
  private txc = new Uint32Array(1024)
  private ic = new Uint32Array(1024)
  private oc = new Uint32Array(1024)
  private recv = new BigInt64Array(1024)
  private sent = new BigInt64Array(1024)
  private first = new Float64Array(1024)
  private last = new Float64Array(1024)
  /**
   * The tx each slot was last counted for (distinct txs per address): a number per slot compared with the
   * current tx's, where a Set cleared per tx cost about a microsecond a transaction.
   */
  private countedIn = new Uint32Array(1024)
  private tx = 0
  private spilled = false
  /** Txs left to the end-of-import query (an input there may still be resolved). */
  readonly deferredTxs: number[] = []

  private readonly cap = maxSlots()

  constructor(private readonly db: Db) {}

  /** Start the next tx (spilling first when full: a spill happens only between txs, so a tx is counted once per address). */
  beginTx(): void {
    this.tx++
    if (this.ids.length >= this.cap) this.spill()
  }

  /** An output of the current tx paying `value` to address `id`. */
  output(id: number, value: bigint, time: number | null): void {
    const s = this.slot(id, time)
    this.recv[s] += value
    this.ic[s]++
  }

  /** An input of the current tx spending `value` (unknown counts 0, as in EVENTS) from address `id`. */
  input(id: number, value: bigint | null, time: number | null): void {
    const s = this.slot(id, time)
    if (value !== null) this.sent[s] += value
    this.oc[s]++
  }

  /** Whether anything was summed here (false: finish has nothing to fold in). */
  get empty(): boolean {
    return !this.ids.length && !this.spilled
  }

  /**
   * Add the sums to btc_address (inside the import's transaction): first spill what is in memory, then one
   * UPDATE from the TEMP table grouped per address.
   */
  applyTo(): void {
    this.spill()
    if (!this.spilled) return
    this.db.exec(`
      UPDATE btc_address SET
        tx_count = tx_count + g_txc, received = received + g_recv, sent = sent + g_sent, in_count = in_count + g_ic, out_count = out_count + g_oc,
        first_seen = CASE WHEN g_first IS NOT NULL AND (first_seen IS NULL OR g_first < first_seen) THEN g_first ELSE first_seen END,
        last_seen = CASE WHEN g_last IS NOT NULL AND (last_seen IS NULL OR g_last > last_seen) THEN g_last ELSE last_seen END
      FROM (SELECT a AS g_a, sum(txc) AS g_txc, sum(recv) AS g_recv, sum(sent) AS g_sent, sum(ic) AS g_ic, sum(oc) AS g_oc, min(first) AS g_first,
                   max(last) AS g_last
              FROM temp.btc_address_totals GROUP BY a)
      WHERE btc_address.id = g_a;
      DROP TABLE temp.btc_address_totals`)
  }

  private slot(id: number, time: number | null): number {
    let s = this.slotOf.get(id)
    if (s === undefined) {
      s = this.ids.length
      if (s === this.txc.length) this.grow()
      this.ids.push(id)
      this.slotOf.set(id, s)
      this.first[s] = NaN
      this.last[s] = NaN
    }
    if (this.countedIn[s] !== this.tx) {
      this.countedIn[s] = this.tx
      this.txc[s]++
      if (time !== null) {
        if (!(this.first[s] <= time)) this.first[s] = time
        if (!(this.last[s] >= time)) this.last[s] = time
      }
    }
    return s
  }

  private grow(): void {
    const n = this.txc.length * 2
    const more = <T extends Uint32Array | BigInt64Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n)
      b.set(a as never)
      return b
    }
    this.txc = more(this.txc, (k) => new Uint32Array(k))
    this.ic = more(this.ic, (k) => new Uint32Array(k))
    this.oc = more(this.oc, (k) => new Uint32Array(k))
    this.recv = more(this.recv, (k) => new BigInt64Array(k))
    this.sent = more(this.sent, (k) => new BigInt64Array(k))
    this.first = more(this.first, (k) => new Float64Array(k))
    this.last = more(this.last, (k) => new Float64Array(k))
    this.countedIn = more(this.countedIn, (k) => new Uint32Array(k))
  }

  /** Write the in-memory sums to the TEMP table and start again (called between txs, or at the end). */
  private spill(): void {
    if (!this.ids.length) return
    if (!this.spilled) this.db.exec('CREATE TEMP TABLE IF NOT EXISTS btc_address_totals ' + COLS + '; DELETE FROM temp.btc_address_totals')
    this.spilled = true
    const many = this.db.prepare('INSERT INTO temp.btc_address_totals ' + COLS + ' VALUES ' + Array<string>(SPILL_ROWS).fill(ROW).join(', '))
    const one = this.db.prepare('INSERT INTO temp.btc_address_totals ' + COLS + ' VALUES ' + ROW)
    const t = (x: number): number | null => (Number.isNaN(x) ? null : x)
    let batch: unknown[] = []
    for (let s = 0; s < this.ids.length; s++) {
      batch.push(this.ids[s], this.txc[s], this.recv[s], this.sent[s], this.ic[s], this.oc[s], t(this.first[s]), t(this.last[s]))
      if (batch.length === SPILL_ROWS * 8) {
        many.run(batch)
        batch = []
      }
    }
    for (let k = 0; k < batch.length; k += 8) one.run(batch.slice(k, k + 8))
    this.slotOf = new Map()
    this.ids = []
    this.txc.fill(0)
    this.ic.fill(0)
    this.oc.fill(0)
    this.recv.fill(0n)
    this.sent.fill(0n)
    this.countedIn.fill(0)
  }
}
