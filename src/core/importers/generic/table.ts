import { Readable } from 'node:stream'
import { readSheet } from 'read-excel-file/node'
import { readCsv } from '../common/csv'
import { ParseError } from '../types'

/** Spreadsheets are read whole (the library is not streamed), so their size is capped. */
export const XLSX_MAX_BYTES = 64 << 20

/** One row of a CSV or XLSX table, with each cell as text and whether it was a spreadsheet number. */
export interface TableRow {
  line: number
  fields: string[]
  /** Cells that were binary floating-point numbers in the spreadsheet (not text). */
  numeric?: boolean[]
}

/** True when the bytes start like a ZIP container (XLSX). */
export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Text of a spreadsheet cell. Dates become UTC "YYYY-MM-DD HH:MM:SS"; numbers their shortest round-trip text. */
export function cellText(v: unknown): { text: string; numeric: boolean } {
  if (v === null || v === undefined) return { text: '', numeric: false }
  if (v instanceof Date) {
    return { text: `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`, numeric: false }
  }
  if (typeof v === 'number') return { text: String(v), numeric: true }
  return { text: String(v), numeric: false }
}

/** Rows of a CSV (streamed) or XLSX sheet (read whole, size-capped). Row numbers are 1-based lines/sheet rows. */
export async function* readTable(open: () => Readable, o: { delimiter?: ',' | ';' | '\t'; sheet?: string | number; xlsx: boolean }): AsyncGenerator<TableRow> {
  if (!o.xlsx) {
    yield* readCsv(open(), { delimiter: o.delimiter })
    return
  }
  const parts: Buffer[] = []
  let size = 0
  for await (const chunk of open() as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > XLSX_MAX_BYTES) throw new ParseError(`spreadsheet larger than the ${XLSX_MAX_BYTES >> 20} MiB Chaintrail reads; save it as CSV`)
    parts.push(chunk)
  }
  let data: unknown[][]
  try {
    data = (await readSheet(Buffer.concat(parts), o.sheet ?? 1)) as unknown[][]
  } catch (e) {
    throw new ParseError(`not a readable XLSX workbook${o.sheet !== undefined ? ` (sheet ${String(o.sheet)})` : ''}: ${(e as Error).message}`)
  }
  for (let i = 0; i < data.length; i++) {
    const cells = data[i].map(cellText)
    if (cells.every((c) => c.text === '')) continue
    yield { line: i + 1, fields: cells.map((c) => c.text), numeric: cells.map((c) => c.numeric) }
  }
}
