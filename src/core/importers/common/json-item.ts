import { sliceable, ValueParser, type JsonLimits, type JsonValue } from './json-parse'

/** Streamed elements of the JSON reader (json.ts) and how errors found after parsing are located in them. */

/** One element of a streamed array. */
export interface JsonItem {
  /** JSON pointer of the element, e.g. "/txs/17". */
  pointer: string
  value: JsonValue
  line: number
  column: number
  /** Line and column of a value inside this element, by its full pointer (for errors found after parsing). */
  locate(pointer: string): { line: number; column: number }
}

/** An element and how to locate inside it: its bytes are buf[start, end), cut out only when an error needs them. */
export function makeItem(pointer: string, value: JsonValue, at: { line: number; column: number }, buf: Buffer, start: number, end: number, limits: JsonLimits): JsonItem {
  return {
    pointer,
    value,
    line: at.line,
    column: at.column,
    locate(target: string) {
      const bytes = buf.subarray(start, end)
      const q = new ValueParser(limits)
      q.buf = sliceable(bytes)
      q.eof = true
      q.basePointer = pointer
      q.seek = target
      try {
        q.value(0, null)
      } catch {
        /* the element parsed once already; a failure here only means "not found" */
      }
      if (q.found < 0) return { line: at.line, column: at.column }
      let line = at.line
      let col = at.column
      for (let i = 0; i < q.found; i++) {
        if (bytes[i] === 10) {
          line++
          col = 1
        } else col++
      }
      return { line, column: col }
    }
  }
}
