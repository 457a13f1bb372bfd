import { ParseError } from '../types'

const QUOTE = 34
const LF = 10
const CR = 13

/** One record as split: its fields and the 1-based line it starts on. */
export interface SplitRecord {
  line: number
  fields: string[]
}

/**
 * A streaming RFC 4180 splitter (replaces csv-parse in the import reader: a tenth of its time in the million-row
 * import profile). Fields may be quoted; inside quotes delimiters, line breaks and doubled quotes are
 * data. Records end at CRLF, LF or CR (mixed freely). A quote inside an unquoted field, text after a closing
 * quote, a quote never closed and a record longer than `maxRecord` characters are errors naming the line. An
 * empty line is returned as [''] (the caller skips it but counts its line). Text is fed in pieces; a record cut
 * by a piece boundary is held back and parsed again with the next piece.
 */
export class CsvSplitter {
  private carry = ''
  private line = 1
  constructor(
    private readonly delimiter: number,
    private readonly maxRecord: number
  ) {}

  /** Split `text` (after whatever was held back) into `out`; `end` says no more text follows. */
  push(text: string, out: SplitRecord[], end: boolean): void {
    const s = this.carry.length ? this.carry + text : text
    this.carry = ''
    const n = s.length
    const d = this.delimiter
    let p = 0
    while (p < n) {
      const start = p
      const fields: string[] = []
      let complete = false
      for (;;) {
        if (p < n && s.charCodeAt(p) === QUOTE) {
          let q = p + 1
          let seg = q
          let val = ''
          for (;;) {
            const k = s.indexOf('"', q)
            if (k < 0 || (k + 1 === n && !end)) {
              if (end) throw new ParseError('a quoted field is never closed (file truncated, or an unbalanced quote)', this.at(s, start, p, fields.length))
              return this.holdBack(s, start)
            }
            if (k + 1 < n && s.charCodeAt(k + 1) === QUOTE) {
              val += s.slice(seg, k + 1)
              q = seg = k + 2
              continue
            }
            val += s.slice(seg, k)
            p = k + 1
            break
          }
          fields.push(val)
          if (p < n) {
            const c = s.charCodeAt(p)
            if (c !== d && c !== LF && c !== CR) throw new ParseError('text after a closing quote', this.at(s, start, p, fields.length - 1))
          }
        } else {
          let q = p
          for (; q < n; q++) {
            const c = s.charCodeAt(q)
            if (c === d || c === LF || c === CR) break
            if (c === QUOTE) throw new ParseError('a quote inside an unquoted field', this.at(s, start, q, fields.length))
          }
          if (q === n && !end) return this.holdBack(s, start)
          fields.push(s.slice(p, q))
          p = q
        }
        if (p >= n) {
          if (!end) return this.holdBack(s, start)
          complete = true
          break
        }
        const c = s.charCodeAt(p)
        if (c === d) {
          p++
          continue
        }
        if (c === CR) {
          // A CR at the very end of a piece may be the first half of a CRLF: wait for the next piece.
          if (p + 1 === n && !end) return this.holdBack(s, start)
          p += p + 1 < n && s.charCodeAt(p + 1) === LF ? 2 : 1
        } else p++
        complete = true
        break
      }
      if (complete) {
        out.push({ line: this.line, fields })
        this.line += 1 + breaksIn(fields)
      }
    }
  }

  private holdBack(s: string, start: number): void {
    if (s.length - start > this.maxRecord) throw new ParseError(`row longer than ${this.maxRecord} characters`, { line: this.line })
    this.carry = s.slice(start)
  }

  /** Line and column of a problem at `pos`, inside the record that starts at `start`. */
  private at(s: string, start: number, pos: number, field: number): { line: number; column: number } {
    let line = this.line
    for (let i = start; i < pos; i++) {
      const c = s.charCodeAt(i)
      if (c === LF || (c === CR && s.charCodeAt(i + 1) !== LF)) line++
    }
    return { line, column: field + 1 }
  }
}

function breaksIn(fields: string[]): number {
  let n = 0
  for (const f of fields) {
    if (f.length === 0 || (f.indexOf('\n') < 0 && f.indexOf('\r') < 0)) continue
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i)
      if (c === LF || (c === CR && f.charCodeAt(i + 1) !== LF)) n++
    }
  }
  return n
}
