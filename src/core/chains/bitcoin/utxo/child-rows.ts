import type { Statement } from 'better-sqlite3'
import type { Db } from '../../../store/db'

/**
 * Inputs and outputs of new transactions are written ROWS at a time with one multi-row INSERT instead of one
 * statement per row: better-sqlite3's per-statement cost (call, reset, step) is paid once per ROWS rows, about
 * 1 µs per transaction less in bench/import-btc.ts. Rows wait here only until the next flush, which the UTXO
 * sink runs before anything reads the tables (staging.ts flushStaging, finish.ts) and whenever the target
 * table changes (staging tables before bulk mode, the real tables after). The buffer lives in the import's
 * state (finish.ts), so rows of an import that rolled back are dropped with it, never written later.
 */
const ROWS = 32

const INPUT_COLS = '(tx_id, idx, prev_txid, prev_vout, prev_ref, addr_id, value, coinbase, sequence, scriptsig, witness, evidence_id, locator)'
const OUTPUT_COLS = '(tx_id, vout, addr_id, script_type, script_hex, value, spent_by_txid, spent_by_vin, evidence_id, locator)'
/** Values per input row and per output row, in the column order above. */
export const INPUT_WIDTH = 13
export const OUTPUT_WIDTH = 10

type Target = 'temp.btc_input_stage' | 'btc_input' | 'temp.btc_output_stage' | 'btc_output'

interface Table {
  cols: string
  width: number
  values: unknown[]
  target: Target | null
}

const stmtCache = new WeakMap<Db, Map<string, Statement>>()
function insert(db: Db, target: Target, cols: string, width: number, rows: number): Statement {
  let m = stmtCache.get(db)
  if (!m) stmtCache.set(db, (m = new Map()))
  const key = target + ':' + rows
  let st = m.get(key)
  if (!st) {
    // Table names and column lists are the fixed ones above; only the number of rows varies.
    const row = '(' + Array<string>(width).fill('?').join(', ') + ')'
    st = db.prepare('INSERT INTO ' + target + ' ' + cols + ' VALUES ' + Array<string>(rows).fill(row).join(', '))
    m.set(key, st)
  }
  return st
}

/** Pending input and output rows of one import. */
export class ChildRows {
  private readonly inputs: Table = { cols: INPUT_COLS, width: INPUT_WIDTH, values: [], target: null }
  private readonly outputs: Table = { cols: OUTPUT_COLS, width: OUTPUT_WIDTH, values: [], target: null }

  constructor(private readonly db: Db) {}

  /** The values array to push one input row's INPUT_WIDTH values onto, for `direct` (real table) or staging. */
  inputRow(direct: boolean): unknown[] {
    return this.room(this.inputs, direct ? 'btc_input' : 'temp.btc_input_stage')
  }

  /** As inputRow, for an output row of OUTPUT_WIDTH values. */
  outputRow(direct: boolean): unknown[] {
    return this.room(this.outputs, direct ? 'btc_output' : 'temp.btc_output_stage')
  }

  /** Write every pending row. */
  flush(): void {
    this.write(this.outputs)
    this.write(this.inputs)
  }

  private room(t: Table, target: Target): unknown[] {
    if (t.target !== target) {
      this.write(t)
      t.target = target
    } else if (t.values.length >= ROWS * t.width) {
      this.write(t)
    }
    return t.values
  }

  private write(t: Table): void {
    const v = t.values
    if (!v.length || t.target === null) return
    const rows = v.length / t.width
    if (rows === ROWS) insert(this.db, t.target, t.cols, t.width, ROWS).run(v)
    else for (let r = 0; r < rows; r++) insert(this.db, t.target, t.cols, t.width, 1).run(v.slice(r * t.width, (r + 1) * t.width))
    v.length = 0
  }
}
