import { isUtf8 } from 'node:buffer'
import { ParseError } from '../types'
import { firstBadUtf8 } from './json-parse'

/** One line of a text file: 1-based number and text without its line ending. */
export interface Line {
  line: number
  text: string
}

/**
 * Split a byte stream into lines (LF or CRLF) with constant memory: a line longer than `maxLine` bytes is
 * refused rather than buffered; invalid UTF-8 is refused with its line and column; a UTF-8 BOM is dropped.
 */
export async function* readLines(source: AsyncIterable<Buffer | string>, maxLine = 1024 * 1024): AsyncGenerator<Line> {
  let carry: Buffer = Buffer.alloc(0)
  let line = 0
  let first = true
  const emit = (b: Buffer): Line => {
    line++
    if (first) {
      first = false
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3)
    }
    if (b.length && b[b.length - 1] === 0x0d) b = b.subarray(0, -1)
    if (!isUtf8(b)) {
      throw new ParseError('invalid UTF-8', { line, column: firstBadUtf8(b) + 1 })
    }
    return { line, text: b.toString('utf8') }
  }
  for await (const chunk of source) {
    const c = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    let buf = carry.length ? Buffer.concat([carry, c]) : c
    let start = 0
    for (;;) {
      const nl = buf.indexOf(10, start)
      if (nl < 0) break
      if (nl - start > maxLine) throw new ParseError(`line longer than ${maxLine} bytes`, { line: line + 1 })
      yield emit(buf.subarray(start, nl))
      start = nl + 1
    }
    buf = buf.subarray(start)
    if (buf.length > maxLine) throw new ParseError(`line longer than ${maxLine} bytes`, { line: line + 1 })
    carry = Buffer.from(buf)
  }
  if (carry.length) yield emit(carry)
}
