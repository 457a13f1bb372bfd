import { ParseError } from '../types'
import { FastElements } from './json-fast'
import { makeItem, type JsonItem } from './json-item'
import { describeByte, escapePointer, JsonSyntaxError, NEED_MORE, OBJECT_PROTO, sliceable, ValueParser, type JsonLimits, type JsonObject, type JsonValue } from './json-parse'

export { JsonInt, JsonNumber, escapePointer, type JsonObject, type JsonValue } from './json-parse'
export type { JsonItem } from './json-item'

/**
 * Streaming, lossless JSON reader shared by every JSON importer (RELIABILITY §4 hostile inputs):
 * - numbers stay their source text (JsonNumber), so `123456789012345678901234567890` survives;
 * - duplicate keys are refused; objects carry no Object.prototype, so `__proto__`/`constructor` are plain keys;
 * - nesting is capped (64), strings are capped (64 KiB) with per-key exceptions for long hex fields;
 * - truncation, invalid UTF-8 and garbage fail with line:column and the JSON pointer;
 * - arrays at the pointers named in `streamAt` are not built: their elements are yielded one at a time, so a
 *   2 GB `/txs` array is read with memory bounded by its largest element.
 * Columns count bytes from the start of the line (equal to characters for the ASCII that explorers write).
 */

/** What `streamJson` yields: each streamed element, then the document with streamed arrays left empty. */
export type JsonEvent = { type: 'item'; item: JsonItem } | { type: 'end'; root: JsonValue; items: number; locate(pointer: string): { line?: number; column?: number } }

/** Options of one read. */
export interface StreamJsonOptions {
  /** Pointers of arrays to stream element by element; a `*` segment matches any key or index. */
  streamAt?: string[]
  maxDepth?: number
  /** Cap on a string's bytes (default 64 KiB). */
  maxString?: number
  /** Keys whose string values may be longer, with their own cap (raw tx hex, witness). */
  longKeys?: Record<string, number>
  /** Cap on a single value that is not streamed (default 256 MiB): a bigger one is refused, not buffered. */
  maxValueBytes?: number
  /**
   * Build elements of streamed arrays with the engine's JSON.parse when a byte scan proves the result exact
   * (json-fast.ts); any other element takes the exact parser. Values, errors, pointers and positions are the
   * same either way, except that a plain integer (≤ 15 digits, non-negative) from the fast path is a JsonInt.
   */
  fastElements?: boolean
}

/** Elements per batch of streamJsonBatches (also yielded when the buffer runs out). */
const BATCH = 16

/** Largest non-streamed value whose bytes are kept for locating errors after parsing. */
const KEEP_BYTES = 4 * 1024 * 1024

/** Bytes of the next chunk copied behind a value cut at a chunk's end (at least; twice the cut part if longer). */
const BRIDGE = 64 * 1024

interface Frame {
  kind: 'obj' | 'arr'
  container: JsonObject | JsonValue[]
  pointer: string
  streamed: boolean
  index: number
  state: 'first' | 'next' | 'after'
}

/** Read a JSON document from a byte stream; see the module comment. */
export async function* streamJson(source: AsyncIterable<Buffer | string>, opts: StreamJsonOptions = {}): AsyncGenerator<JsonEvent> {
  for await (const events of streamJsonBatches(source, opts)) yield* events
}

/**
 * `streamJson`'s events in small batches (up to BATCH elements, cut at each buffer refill): one await per batch
 * instead of per element, which matters for million-element files. On a syntax error the elements before it come
 * first, then the error, as with streamJson.
 */
export async function* streamJsonBatches(source: AsyncIterable<Buffer | string>, opts: StreamJsonOptions = {}): AsyncGenerator<JsonEvent[]> {
  const limits: JsonLimits = {
    maxDepth: opts.maxDepth ?? 64,
    maxString: opts.maxString ?? 64 * 1024,
    longKeys: opts.longKeys ? new Map(Object.entries(opts.longKeys)) : undefined
  }
  const patterns = (opts.streamAt ?? []).map(splitPointer)
  const maxValue = opts.maxValueBytes ?? 256 * 1024 * 1024
  const p = new ValueParser(limits)
  const fast = opts.fastElements ? new FastElements(limits, OBJECT_PROTO) : null
  const it = source[Symbol.asyncIterator]()
  // Line cursor: absolute offset up to which newlines were counted, its line, and where that line starts.
  let curAbs = 0
  let curLine = 1
  let lineStart = 0
  const advance = (abs: number): void => {
    const buf = p.buf
    let i = curAbs - p.base
    const end = abs - p.base
    for (;;) {
      const nl = buf.indexOf(10, i)
      if (nl < 0 || nl >= end) break
      curLine++
      lineStart = p.base + nl + 1
      i = nl + 1
    }
    curAbs = abs
  }
  const where = (abs: number): { line: number; column: number } => {
    advance(Math.max(abs, curAbs))
    return { line: curLine, column: abs - lineStart + 1 }
  }
  const stack: Frame[] = []
  let root: JsonValue | undefined
  let started = false
  let done = false
  let items = 0
  const kept: JsonItem[] = []
  let keptBytes = 0

  const wantsDescend = (ptr: string): boolean => patterns.some((pat) => isPrefix(splitPointer(ptr), pat))
  const wantsStream = (ptr: string): boolean => patterns.some((pat) => matches(splitPointer(ptr), pat))

  /** Open a container as a spine frame, or parse the value whole. Returns the value to attach. */
  const valueAt = (ptr: string, key: string | null): { value: JsonValue; frame?: Frame } => {
    const b = p.ws()
    if ((b === 0x7b || b === 0x5b) && wantsDescend(ptr)) {
      if (stack.length + 1 > limits.maxDepth) p.fail(`nesting deeper than ${limits.maxDepth} levels`)
      p.pos++
      const container = b === 0x7b ? (Object.create(null) as JsonObject) : []
      const frame: Frame = { kind: b === 0x7b ? 'obj' : 'arr', container, pointer: ptr, streamed: b === 0x5b && wantsStream(ptr), index: 0, state: 'first' }
      return { value: container, frame }
    }
    p.basePointer = ptr
    p.pathLen = 0
    const start = p.pos
    const value = p.value(stack.length, key)
    // Values parsed whole beside the streamed arrays keep their bytes (when small) so errors found later in
    // them can still name line:column.
    if (p.pos - start <= KEEP_BYTES && (keptBytes += p.pos - start) <= 4 * KEEP_BYTES) kept.push(makeItem(ptr, value, where(p.base + start), p.buf, start, p.pos, limits))
    return { value }
  }

  let pending: JsonEvent[] = []
  /** One small step of the spine; throws NEED_MORE to be retried from the same position with more bytes. */
  const step = (): void => {
    if (!started) {
      if (p.buf.length - p.pos < 3 && !p.eof) throw NEED_MORE
      if (p.buf[0] === 0xef && p.buf[1] === 0xbb && p.buf[2] === 0xbf && p.pos === 0 && p.base === 0) p.pos = 3
      if ((p.buf[0] === 0xff && p.buf[1] === 0xfe) || (p.buf[0] === 0xfe && p.buf[1] === 0xff)) p.fail('UTF-16 JSON is not supported; save the file as UTF-8', 0)
      if (p.ws() === -1) p.fail('the file holds no JSON value (empty or only whitespace)')
      const { value, frame } = valueAt('', null)
      started = true
      root = value
      if (frame) stack.push(frame)
      else done = true
      return
    }
    const f = stack[stack.length - 1]
    p.basePointer = f.pointer
    p.pathLen = 0
    if (f.kind === 'obj') {
      const obj = f.container as JsonObject
      let b = p.ws()
      if (f.state === 'after') {
        if (b === 0x2c) {
          p.pos++
          f.state = 'next'
          return
        }
        if (b === 0x7d) return close()
        return p.fail(b === -1 ? 'unexpected end of input inside an object (the file is truncated)' : `unexpected ${describeByte(b)}; expected ',' or '}'`)
      }
      if (b === 0x7d && f.state === 'first') return close()
      if (b !== 0x22) p.fail(b === -1 ? 'unexpected end of input inside an object (the file is truncated)' : `unexpected ${describeByte(b)}; expected a "key" string`)
      const keyAt = p.pos
      p.basePointer = f.pointer
      const k = p.key()
      if (obj[k] !== undefined) p.fail(`duplicate key ${JSON.stringify(k)} in one object`, keyAt)
      b = p.ws()
      if (b !== 0x3a) p.fail(b === -1 ? 'unexpected end of input after a key (the file is truncated)' : `unexpected ${describeByte(b)}; expected ':'`)
      p.pos++
      const { value, frame } = valueAt(f.pointer + '/' + escapePointer(k), k)
      obj[k] = value
      f.state = 'after'
      if (frame) stack.push(frame)
      return
    }
    const arr = f.container as JsonValue[]
    const b = p.ws()
    if (f.state === 'after') {
      if (b === 0x2c) {
        p.pos++
        f.state = 'next'
        return
      }
      if (b === 0x5d) return close()
      return p.fail(b === -1 ? 'unexpected end of input inside an array (the file is truncated)' : `unexpected ${describeByte(b)}; expected ',' or ']'`)
    }
    if (b === 0x5d && f.state === 'first') return close()
    const ptr = f.pointer + '/' + f.index
    if (f.streamed) {
      const start = p.pos
      let value = fast && (b === 0x7b || b === 0x5b) ? fast.parse(p.buf, start, stack.length) : undefined
      if (value !== undefined) p.pos = fast!.end
      else {
        p.basePointer = ptr
        p.pathLen = 0
        value = p.value(stack.length, null)
      }
      const at = where(p.base + start)
      pending.push({ type: 'item', item: makeItem(ptr, value, at, p.buf, start, p.pos, limits) })
      items++
    } else {
      const { value, frame } = valueAt(ptr, null)
      arr.push(value)
      if (frame) stack.push(frame)
    }
    f.index++
    f.state = 'after'
  }
  const close = (): void => {
    p.pos++
    stack.pop()
    if (!stack.length) done = true
  }

  // A value cut at the end of a chunk is finished on a small "bridge" buffer, its tail plus the first bytes of the
  // next chunk, and parsing moves on to that chunk itself once past the bridge: copying every chunk behind the
  // tail of the previous one cost a fresh 1 MB buffer per chunk (page faults, ~1 µs per Bitcoin tx).
  let ahead: { chunk: Buffer; from: number } | null = null
  try {
    for (;;) {
      if (ahead !== null && p.pos >= ahead.from) {
        const abs = p.base + ahead.from
        advance(Math.max(curAbs, abs))
        p.pos -= ahead.from
        p.base = abs
        p.buf = sliceable(ahead.chunk)
        ahead = null
      }
      const checkpoint = p.pos
      try {
        if (done) {
          if (p.ws() !== -1) p.fail(`unexpected ${describeByte(p.buf[p.pos])} after the end of the JSON document`)
          break
        }
        step()
        // Small batches: a whole buffer's elements alive at once costs more in GC than the awaits it saves.
        if (pending.length >= BATCH) {
          yield pending
          pending = []
        }
      } catch (e) {
        if (e !== NEED_MORE) throw e
        if (pending.length) {
          yield pending
          pending = []
        }
        p.pos = checkpoint
        advance(p.base + checkpoint)
        const keep = p.buf.subarray(checkpoint)
        if (keep.length > maxValue) p.fail(`a single JSON value larger than ${maxValue} bytes; not supported`, checkpoint)
        const chunks: Buffer[] = [keep]
        let got = 0
        if (ahead !== null) {
          // Still on a bridge: the rest of its chunk comes before anything new is read.
          const rest = ahead.chunk.subarray(p.buf.length - ahead.from)
          chunks.push(rest)
          got = rest.length
          ahead = null
        }
        while (got < Math.max(keep.length, 1)) {
          const r = await it.next()
          if (r.done) {
            p.eof = true
            break
          }
          const c = typeof r.value === 'string' ? Buffer.from(r.value) : r.value
          chunks.push(c)
          got += c.length
        }
        p.base += checkpoint
        const bridge = Math.max(BRIDGE, keep.length * 2)
        if (chunks.length === 2 && !keep.length) p.buf = sliceable(chunks[1])
        else if (chunks.length === 2 && chunks[1].length > 2 * bridge) {
          p.buf = sliceable(Buffer.concat([keep, chunks[1].subarray(0, bridge)]))
          ahead = { chunk: chunks[1], from: keep.length }
        } else p.buf = sliceable(chunks.length === 1 ? keep : Buffer.concat(chunks))
        p.pos = 0
      }
    }
  } catch (e) {
    const error = e instanceof JsonSyntaxError ? new ParseError(e.message, { ...where(e.offset), pointer: e.pointer }) : e
    // The elements read before the error are handed out first (their own errors come first).
    if (pending.length) yield pending
    throw error
  } finally {
    await it.return?.()
  }
  const locate = (target: string): { line?: number; column?: number } => {
    const owner = kept.find((k) => target === k.pointer || target.startsWith(k.pointer + '/') || k.pointer === '')
    return owner ? owner.locate(target) : {}
  }
  pending.push({ type: 'end', root: root as JsonValue, items, locate })
  yield pending
}

function splitPointer(ptr: string): string[] {
  return ptr === '' ? [] : ptr.slice(1).split('/')
}

function isPrefix(segs: string[], pat: string[]): boolean {
  if (segs.length > pat.length) return false
  return segs.every((s, i) => pat[i] === '*' || pat[i] === s)
}

function matches(segs: string[], pat: string[]): boolean {
  return segs.length === pat.length && isPrefix(segs, pat)
}
