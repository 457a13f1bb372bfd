import { CsvHeader, checkRowWidth, readCsv, type CsvRow } from '../common/csv'
import { parseUtcDateTime } from '../common/time'
import { decimalAt } from '../accounts/fields'
import { KIND, rec, type ExchangeRec } from '../accounts/records'
import { ParseError, type ImportInput, type ImportRecord, type SourceLocation } from '../types'

/** A statement row with name lookup and located errors. */
export class StatementRow {
  constructor(
    readonly row: CsvRow,
    private readonly h: CsvHeader
  ) {}

  /** Location of a named column in this row. */
  at(name: string): SourceLocation {
    return { line: this.row.line, column: this.h.find(name) + 1 }
  }

  /** A cell by column name ('' when the column is absent). */
  get(name: string): string {
    const i = this.h.find(name)
    return i < 0 ? '' : (this.row.fields[i] ?? '').trim()
  }

  /** A required non-empty cell. */
  need(name: string): string {
    const v = this.get(name)
    if (!v) throw new ParseError(`${name} is empty`, this.at(name))
    return v
  }

  /** Signed exact decimal text ("-0.49603680" → "-0.4960368"); currency signs allowed where said. */
  amount(name: string, o: { currency?: boolean; nonNegative?: boolean } = {}): string {
    const text = this.need(name)
    const p = decimalAt(text, this.at(name), name, { thousands: true, currency: o.currency, nonNegative: o.nonNegative, exponent: true })
    if (p.lossy) this.lossy.push(`${name} written as ${text} (exponent notation: precision lost at source)`)
    return p.value
  }

  /** Cells the statement wrote as exponent floats, for the row's note (the exact-looking value is not exact). */
  readonly lossy: string[] = []

  /** Unix seconds of a UTC date cell. */
  time(name: string): number {
    try {
      return parseUtcDateTime(this.need(name))
    } catch (e) {
      throw new ParseError(`${name}: ${(e as Error).message}`, this.at(name))
    }
  }
}

/**
 * Read a statement: skip preamble lines until the header (recognised by `isHeader`), then hand each row on.
 * Rows must be as wide as the header.
 */
export async function* statementRows(input: ImportInput, isHeader: (fields: string[]) => boolean, knownHeaders: string[]): AsyncGenerator<{ header: CsvHeader; row?: StatementRow; preamble?: CsvRow }> {
  let h: CsvHeader | undefined
  let skipped = 0
  for await (const row of readCsv(input.open())) {
    if (!h) {
      if (isHeader(row.fields)) {
        h = new CsvHeader(row.fields, row.line)
        continue
      }
      if (++skipped > 5) throw new ParseError(`no known statement header in the first lines; known headers:\n${knownHeaders.map((k) => '  - ' + k).join('\n')}`, { line: row.line })
      yield { header: new CsvHeader([], row.line), preamble: row }
      continue
    }
    checkRowWidth(row, h, false)
    yield { header: h, row: new StatementRow(row, h) }
  }
  if (!h) throw new ParseError(`no header row; known headers:\n${knownHeaders.map((k) => '  - ' + k).join('\n')}`, { line: 1 })
}

/** Build an exchange activity record. */
export function activity(loc: SourceLocation, e: ExchangeRec, row?: StatementRow): ImportRecord {
  if (row?.lossy.length) e = { ...e, note: [e.note, ...row.lossy].filter(Boolean).join(' · ') }
  return rec(KIND.exchange, loc, e)
}
