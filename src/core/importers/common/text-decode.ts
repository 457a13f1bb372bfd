import { isUtf8 } from 'node:buffer'
import { Readable } from 'node:stream'
import { TextDecoder } from 'node:util'
import { ParseError } from '../types'

/** Text encodings a delimited export may arrive in (spreadsheet saves are often UTF-16 with a BOM). */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be'

/** Which encoding the first bytes announce; UTF-8 without a BOM is the default. */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncoding; bomBytes: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 }
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 }
  return { encoding: 'utf-8', bomBytes: 0 }
}

/**
 * Offset of the first byte that makes `buf` invalid UTF-8, or -1. Only used on the error path to name the line:
 * TextDecoder's fatal mode says *that* the bytes are invalid but not *where*.
 */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0
  while (i < buf.length) {
    const b = buf[i]
    let n = 0
    let min = 0
    if (b < 0x80) n = 0
    else if (b >= 0xc2 && b <= 0xdf) (n = 1), (min = 0x80)
    else if (b >= 0xe0 && b <= 0xef) (n = 2), (min = 0x800)
    else if (b >= 0xf0 && b <= 0xf4) (n = 3), (min = 0x10000)
    else return i
    if (i + n >= buf.length && n > 0) return i // truncated sequence at the very end
    let cp = n === 0 ? b : b & (0x3f >> n)
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k]
      if ((c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (n > 0 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i
    i += n + 1
  }
  return -1
}

function countNewlines(buf: Uint8Array, end: number): number {
  // indexOf scans natively: a quarter of the JS byte loop's time on a million-row file (kept only for error lines).
  let n = 0
  for (let i = buf.indexOf(0x0a); i >= 0 && i < end; i = buf.indexOf(0x0a, i + 1)) n++
  return n
}

/**
 * Decode a byte stream to text chunks: BOM detected and dropped, UTF-16 decoded explicitly, invalid UTF-8
 * rejected with the line it is on (never replaced by U+FFFD, which would alter evidence silently).
 */
export async function* decodeText(stream: Readable): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined
  let encoding: TextEncoding = 'utf-8'
  let linesBefore = 0
  let pending = Buffer.alloc(0)
  for await (const raw of stream as AsyncIterable<Buffer>) {
    let chunk: Buffer = raw
    if (!decoder) {
      pending = Buffer.concat([pending, chunk])
      if (pending.length < 3) continue
      const s = sniffEncoding(pending)
      encoding = s.encoding
      decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })
      chunk = pending.subarray(s.bomBytes)
      pending = Buffer.alloc(0)
    }
    const text = decodeChunk(decoder, chunk, encoding, linesBefore, false)
    if (text) yield text
    if (encoding === 'utf-8') linesBefore += countNewlines(chunk, chunk.length)
  }
  if (!decoder) {
    const s = sniffEncoding(pending)
    encoding = s.encoding
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })
    pending = pending.subarray(s.bomBytes)
    const all = decodeChunk(decoder, pending, encoding, 0, true)
    if (all) yield all
    return
  }
  const tail = decodeChunk(decoder, new Uint8Array(0), encoding, linesBefore, true)
  if (tail) yield tail
}

function decodeChunk(d: TextDecoder, chunk: Uint8Array, enc: TextEncoding, linesBefore: number, last: boolean): string {
  try {
    return d.decode(chunk, { stream: !last })
  } catch {
    if (enc !== 'utf-8') throw new ParseError(`invalid ${enc.toUpperCase()} text (an unpaired surrogate or odd byte count)`)
    const at = firstInvalidUtf8(chunk)
    // A sequence split across chunks shows as invalid at offset 0 of the next chunk: the line is still right.
    const line = linesBefore + countNewlines(chunk, at < 0 ? chunk.length : at) + 1
    throw new ParseError('invalid UTF-8 byte sequence (save the file as UTF-8, or as UTF-16 with a BOM)', { line })
  }
}

/** The first line of a file head as text (for detection only; lenient, never used for data). */
export function firstLine(head: Uint8Array): string {
  const { encoding, bomBytes } = sniffEncoding(head)
  const text = new TextDecoder(encoding, { fatal: false }).decode(head.subarray(bomBytes, Math.min(head.length, 16384)))
  const end = text.search(/\r|\n/)
  return end < 0 ? text : text.slice(0, end)
}

/** The first `n` lines of a file head as text (for detection only). */
export function firstLines(head: Uint8Array, n: number): string[] {
  const { encoding, bomBytes } = sniffEncoding(head)
  const text = new TextDecoder(encoding, { fatal: false }).decode(head.subarray(bomBytes))
  return text.split(/\r\n|\n|\r/).slice(0, n)
}

/** Split off an incomplete UTF-8 sequence at the end of a chunk (it is completed by the next chunk). */
function splitComplete(buf: Buffer): [Buffer, Buffer] {
  let i = buf.length - 1
  let k = 0
  while (i >= 0 && k < 3 && (buf[i] & 0xc0) === 0x80) (i--, k++)
  if (i < 0) return [buf, Buffer.alloc(0)]
  const b = buf[i]
  const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
  return need > buf.length - i ? [buf.subarray(0, i), buf.subarray(i)] : [buf, Buffer.alloc(0)]
}

/**
 * Like `decodeText`, but yields UTF-8 bytes: UTF-8 input is validated natively (`isUtf8`, no string built) and
 * passed through untouched, UTF-16 is decoded and re-encoded. Feeding bytes to csv-parse avoids a string round
 * trip per chunk, which cost a third of the CSV reader's time.
 */
export async function* validatedUtf8(stream: Readable): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0)
  let linesBefore = 0
  let started = false
  let utf16: AsyncGenerator<string> | undefined
  const it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
  for (;;) {
    const next = await it.next()
    if (next.done) break
    let chunk: Buffer = carry.length ? Buffer.concat([carry, next.value]) : next.value
    carry = Buffer.alloc(0)
    if (!started) {
      if (chunk.length < 3) {
        carry = chunk
        continue
      }
      started = true
      const s = sniffEncoding(chunk)
      if (s.encoding !== 'utf-8') {
        utf16 = decodeText(Readable.from(restOf(chunk, it)))
        break
      }
      chunk = chunk.subarray(s.bomBytes)
    }
    const [complete, rest] = splitComplete(chunk)
    carry = rest
    if (!isUtf8(complete)) throw utf8Error(complete, linesBefore)
    linesBefore += countNewlines(complete, complete.length)
    if (complete.length) yield complete
  }
  if (utf16) {
    for await (const s of utf16) yield Buffer.from(s, 'utf8')
    return
  }
  if (!started && carry.length) {
    const s = sniffEncoding(carry)
    if (s.encoding !== 'utf-8') {
      for await (const t of decodeText(Readable.from([carry]))) yield Buffer.from(t, 'utf8')
      return
    }
    carry = carry.subarray(s.bomBytes)
  }
  if (carry.length) {
    if (!isUtf8(carry)) throw utf8Error(carry, linesBefore)
    yield carry
  }
}

async function* restOf(first: Buffer, it: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first
  for (;;) {
    const n = await it.next()
    if (n.done) return
    yield n.value
  }
}

function utf8Error(buf: Buffer, linesBefore: number): ParseError {
  const at = firstInvalidUtf8(buf)
  const line = linesBefore + countNewlines(buf, at < 0 ? buf.length : at) + 1
  return new ParseError('invalid UTF-8 byte sequence (save the file as UTF-8, or as UTF-16 with a BOM)', { line })
}
