import type { Readable } from 'node:stream'
import { ParseError } from '../types'
import { CsvSplitter, type SplitRecord } from './csv-split'
import { validatedUtf8 } from './text-decode'

/** Caps from RELIABILITY §4: a hostile file is refused early with bounded memory. */
export const CSV_LIMITS = { lineChars: 1 << 20, fieldChars: 64 << 10, columns: 1000 } as const

/** One parsed row: its fields and the 1-based line it starts on (quoted newlines make rows span lines). */
export interface CsvRow {
  line: number
  fields: string[]
}

/** How to read a delimited file. The delimiter is always explicit, never guessed (RELIABILITY §4). */
export interface CsvReadOptions {
  delimiter?: ',' | ';' | '\t'
}

/**
 * Stream a CSV/TSV file as rows. UTF-8 (with or without BOM) and UTF-16LE/BE with BOM; CRLF, LF and CR may be
 * mixed; RFC 4180 quoting (delimiters, doubled quotes and newlines inside quotes); blank lines skipped; ragged
 * rows returned as they are (callers decide what a surplus field means). Throws ParseError with the line.
 */
export async function* readCsv(stream: Readable, o: CsvReadOptions = {}): AsyncGenerator<CsvRow> {
  for await (const batch of readCsvBatches(stream, o)) yield* batch
}

const PIECE = 64 << 10

/**
 * The same rows in batches (one per 64 KiB of input). Million-row importers iterate these: one await
 * per batch instead of one per row keeps the promise machinery out of the per-row cost.
 */
export async function* readCsvBatches(stream: Readable, o: CsvReadOptions = {}): AsyncGenerator<CsvRow[]> {
  const splitter = new CsvSplitter((o.delimiter ?? ',').charCodeAt(0), CSV_LIMITS.lineChars)
  let records: SplitRecord[] = []
  const rowsOf = (): CsvRow[] => {
    const out: CsvRow[] = []
    for (const r of records) {
      checkCaps(r.fields, r.line)
      // Blank lines arrive as [''] and are skipped (their line was counted).
      if (r.fields.length === 1 && r.fields[0] === '') continue
      out.push(r)
    }
    records = []
    return out
  }
  for await (const chunk of validatedUtf8(stream)) {
    // Decode and split 64 KiB at a time (cut on a character boundary): a batch of a few hundred rows is consumed
    // before the next is made, so rows die young instead of surviving garbage collections as a 1 MiB batch would.
    for (let i = 0; i < chunk.length; ) {
      let j = Math.min(i + PIECE, chunk.length)
      while (j < chunk.length && (chunk[j] & 0xc0) === 0x80) j--
      splitter.push(chunk.toString('utf8', i, j), records, false)
      i = j
      const batch = rowsOf()
      if (batch.length) yield batch
    }
  }
  splitter.push('', records, true)
  const last = rowsOf()
  if (last.length) yield last
}

function checkCaps(fields: string[], line: number): { breaks: number } {
  if (fields.length > CSV_LIMITS.columns) throw new ParseError(`${fields.length} fields; at most ${CSV_LIMITS.columns} columns are accepted`, { line })
  let total = 0
  let breaks = 0
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]
    total += f.length
    if (f.length > CSV_LIMITS.fieldChars) throw new ParseError(`field longer than ${CSV_LIMITS.fieldChars} characters`, { line: line + breaks, column: i + 1 })
    if (f.length && (f.includes('\n') || f.includes('\r'))) breaks += countBreaks(f)
  }
  if (total > CSV_LIMITS.lineChars) throw new ParseError(`row longer than ${CSV_LIMITS.lineChars} characters`, { line })
  return { breaks }
}

function countBreaks(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 10) n++
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) n++
  }
  return n
}

/**
 * A header row with name lookup. Names are compared exactly as written after trimming; `__proto__` and friends
 * are plain strings here (a Map, never an object), so a hostile header cannot pollute prototypes.
 */
export class CsvHeader {
  private readonly index = new Map<string, number>()
  constructor(
    readonly names: string[],
    readonly line: number
  ) {
    names.forEach((n, i) => {
      const k = n.trim()
      if (!this.index.has(k)) this.index.set(k, i)
    })
  }

  /** Position of a column (0-based), or -1. */
  find(name: string | RegExp): number {
    if (typeof name === 'string') return this.index.get(name) ?? -1
    return this.names.findIndex((n) => name.test(n.trim()))
  }

  /** Position of a column that must exist. */
  need(name: string | RegExp, file = 'the file'): number {
    const i = this.find(name)
    if (i < 0) throw new ParseError(`${file} has no "${String(name)}" column (header: ${this.names.join(',')})`, { line: this.line })
    return i
  }

  /** Header signature: the names joined, used to recognise a layout (and key saved mappings). */
  signature(): string {
    return this.names.map((n) => n.trim()).join('\u001f')
  }
}

/**
 * Check a data row against its header: fewer fields is an error (truncated row); more is accepted only when every
 * surplus field is empty and the format says exports add such trailing fields.
 */
export function checkRowWidth(row: CsvRow, header: CsvHeader, allowEmptySurplus: boolean): void {
  const want = header.names.length
  if (row.fields.length < want) throw new ParseError(`row has ${row.fields.length} fields, the header has ${want} (truncated or missing column)`, { line: row.line, column: row.fields.length + 1 })
  if (row.fields.length > want) {
    for (let i = want; i < row.fields.length; i++) {
      if (!allowEmptySurplus || row.fields[i] !== '') {
        throw new ParseError(`row has ${row.fields.length} fields, the header has ${want}; surplus field ${JSON.stringify(row.fields[i].slice(0, 40))}`, { line: row.line, column: i + 1 })
      }
    }
  }
}
