import { isUtf8 } from 'node:buffer'
import { describeByte, escapePointer, firstBadUtf8, sliceable, type SliceBuffer } from './json-util'
import { JsonNumber } from './json-number'

export { describeByte, escapePointer, firstBadUtf8, sliceable, type SliceBuffer } from './json-util'
export { JsonInt, JsonNumber } from './json-number'

/**
 * The byte-level JSON value parser behind `streamJson` (json.ts). It parses one complete value out of a Buffer
 * by recursive descent, keeping numbers as their source text, refusing duplicate keys, and building objects
 * that have no Object.prototype in their chain. When the buffer ends before the value does it throws NEED_MORE
 * and the streaming layer retries the value with more bytes, so values are parsed whole and never half-built.
 */

/** Any parsed JSON value. Objects have no prototype methods (`__proto__` is an ordinary own key). */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject
/** A parsed JSON object: own enumerable keys only, no inherited members. */
export interface JsonObject {
  [key: string]: JsonValue
}

// Objects made by `new NullProto()` are fast-mode V8 objects whose chain holds one empty prototype without
// Object.prototype: no `__proto__` setter, no `constructor`, so hostile keys are plain data and pollute nothing.
const NullProto = function (this: JsonObject) {} as unknown as { new (): JsonObject }
NullProto.prototype = Object.create(null) as object
Object.freeze(NullProto.prototype)
/** The prototype of every parsed object (no Object.prototype in its chain); the fast path gives it to its objects. */
export const OBJECT_PROTO = NullProto.prototype as object

/** Thrown (as a value) when the buffer ends inside the value being parsed. */
export const NEED_MORE = Symbol('need-more')

/** Limits of one parse. Strings longer than `maxString` are refused unless their key allows more. */
export interface JsonLimits {
  maxDepth: number
  maxString: number
  /** Per-key exceptions to maxString (e.g. raw tx hex, witness data): key → byte cap. */
  longKeys?: ReadonlyMap<string, number>
}

/** A syntax or limit error at an absolute byte offset, with the JSON pointer being parsed. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly pointer: string
  ) {
    super(message)
  }
}

const ESC: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' }
const KEY_CACHE_SIZE = 1024
const NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/

/** Recursive-descent parser over one buffer; see the file comment. */
export class ValueParser {
  buf: SliceBuffer = sliceable(Buffer.alloc(0))
  pos = 0
  /** Absolute file offset of buf[0], for error positions. */
  base = 0
  /** True when no more bytes will come (the buffer ends where the file ends). */
  eof = false
  /** Keys of the containers being parsed, for the JSON pointer of errors. */
  readonly path: (string | number)[] = []
  pathLen = 0
  /** Pointer of the value the current parse started at. */
  basePointer = ''
  /** When set, stop at the value whose pointer equals it (used to locate errors found after parsing). */
  seek: string | null = null
  found = -1
  private readonly keyCache: ({ bytes: Buffer; str: string } | undefined)[] = new Array(KEY_CACHE_SIZE)

  constructor(readonly limits: JsonLimits) {}

  pointer(): string {
    let p = this.basePointer
    for (let i = 0; i < this.pathLen; i++) p += '/' + escapePointer(this.path[i])
    return p
  }

  fail(message: string, at = this.pos): never {
    throw new JsonSyntaxError(message, this.base + at, this.pointer())
  }

  /** Skip whitespace; throws NEED_MORE at the end of a non-final buffer. */
  ws(): number {
    const buf = this.buf
    let p = this.pos
    for (;;) {
      if (p >= buf.length) {
        this.pos = p
        if (this.eof) return -1
        throw NEED_MORE
      }
      const b = buf[p]
      if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) p++
      else break
    }
    this.pos = p
    return this.buf[p]
  }

  /** Parse one value starting at the next non-space byte. `key` is the key it sits under (for string caps). */
  value(depth: number, key: string | null): JsonValue {
    const b = this.ws()
    if (b === -1) this.fail('unexpected end of input: a value is missing (the file is truncated)')
    if (this.seek !== null && this.found < 0 && this.pointer() === this.seek) this.found = this.pos
    if (b === 0x7b) return this.object(depth + 1)
    if (b === 0x5b) return this.array(depth + 1, key)
    if (b === 0x22) return this.string(key)
    if (b === 0x2d || (b >= 0x30 && b <= 0x39)) return this.number()
    if (b === 0x74) return this.literal('true', true)
    if (b === 0x66) return this.literal('false', false)
    if (b === 0x6e) return this.literal('null', null)
    return this.fail(`unexpected ${describeByte(b)}; expected a JSON value`)
  }

  private object(depth: number): JsonObject {
    if (depth > this.limits.maxDepth) this.fail(`nesting deeper than ${this.limits.maxDepth} levels`)
    const obj = new NullProto()
    this.pos++
    // The object's own pointer until its first key is read (its slot still holds a key of an earlier object).
    const slot = this.pathLen
    let b = this.ws()
    if (b === 0x7d) {
      this.pos++
      return obj
    }
    for (;;) {
      if (b !== 0x22) this.fail(b === -1 ? 'unexpected end of input inside an object (the file is truncated)' : `unexpected ${describeByte(b)}; expected a "key" string`)
      const keyAt = this.pos
      const k = this.key()
      this.path[slot] = k
      this.pathLen = slot + 1
      if (obj[k] !== undefined) this.fail(`duplicate key ${JSON.stringify(k)} in one object`, keyAt)
      b = this.ws()
      if (b !== 0x3a) this.fail(b === -1 ? 'unexpected end of input after a key (the file is truncated)' : `unexpected ${describeByte(b)}; expected ':'`)
      this.pos++
      obj[k] = this.value(depth, k)
      b = this.ws()
      if (b === 0x2c) {
        this.pos++
        b = this.ws()
        continue
      }
      if (b === 0x7d) {
        this.pos++
        this.pathLen--
        return obj
      }
      this.fail(b === -1 ? 'unexpected end of input inside an object (the file is truncated)' : `unexpected ${describeByte(b)}; expected ',' or '}'`)
    }
  }

  /** Elements inherit the array's key for the string cap (a `witness` array holds long hex items). */
  private array(depth: number, key: string | null): JsonValue[] {
    if (depth > this.limits.maxDepth) this.fail(`nesting deeper than ${this.limits.maxDepth} levels`)
    const arr: JsonValue[] = []
    this.pos++
    const slot = this.pathLen++
    let b = this.ws()
    if (b === 0x5d) {
      this.pos++
      this.pathLen--
      return arr
    }
    for (;;) {
      this.path[slot] = arr.length
      arr.push(this.value(depth, key))
      b = this.ws()
      if (b === 0x2c) {
        this.pos++
        continue
      }
      if (b === 0x5d) {
        this.pos++
        this.pathLen--
        return arr
      }
      this.fail(b === -1 ? 'unexpected end of input inside an array (the file is truncated)' : `unexpected ${describeByte(b)}; expected ',' or ']'`)
    }
  }

  /** A key: short ASCII keys without escapes come from a cache, so repeated keys allocate nothing. */
  key(): string {
    const buf = this.buf
    const start = this.pos + 1
    let p = start
    let h = 0
    const stop = Math.min(buf.length, start + 48)
    while (p < stop) {
      const b = buf[p]
      if (b === 0x22) {
        const len = p - start
        const slot = (h ^ len) & (KEY_CACHE_SIZE - 1)
        const hit = this.keyCache[slot]
        if (hit !== undefined && hit.bytes.length === len) {
          const hb = hit.bytes
          let i = 0
          while (i < len && hb[i] === buf[start + i]) i++
          if (i === len) {
            this.pos = p + 1
            return hit.str
          }
        }
        const str = buf.latin1Slice(start, p)
        this.keyCache[slot] = { bytes: Buffer.from(buf.subarray(start, p)), str }
        this.pos = p + 1
        return str
      }
      if (b === 0x5c || b < 0x20 || b >= 0x80) break
      h = (Math.imul(h, 31) + b) | 0
      p++
    }
    return this.string(null)
  }

  /** A string value. Fast path: no escapes → one slice; non-ASCII bytes are checked as UTF-8. */
  string(key: string | null): string {
    const buf = this.buf
    const start = this.pos + 1
    const cap = key !== null && this.limits.longKeys?.get(key) !== undefined ? this.limits.longKeys.get(key)! : this.limits.maxString
    let p = start
    let high = false
    for (;;) {
      if (p >= buf.length) {
        if (p - start > cap) this.fail(`string longer than ${cap} bytes`, start - 1)
        if (this.eof) this.fail('unexpected end of input inside a string (the file is truncated)', p)
        throw NEED_MORE
      }
      const b = buf[p]
      if (b === 0x22) break
      if (b === 0x5c) return this.escapedString(start, cap)
      if (b < 0x20) this.fail(`control character 0x${b.toString(16).padStart(2, '0')} inside a string`, p)
      if (b >= 0x80) high = true
      p++
    }
    if (p - start > cap) this.fail(`string longer than ${cap} bytes`, start - 1)
    if (high) this.checkUtf8(start, p)
    this.pos = p + 1
    return high ? buf.utf8Slice(start, p) : buf.latin1Slice(start, p)
  }

  private escapedString(start: number, cap: number): string {
    const buf = this.buf
    let out = ''
    let seg = start
    let p = start
    for (;;) {
      if (p >= buf.length) {
        if (this.eof) this.fail('unexpected end of input inside a string (the file is truncated)', p)
        throw NEED_MORE
      }
      if (p - start > cap) this.fail(`string longer than ${cap} bytes`, start - 1)
      const b = buf[p]
      if (b === 0x22) break
      if (b < 0x20) this.fail(`control character 0x${b.toString(16).padStart(2, '0')} inside a string`, p)
      if (b !== 0x5c) {
        p++
        continue
      }
      this.checkUtf8(seg, p)
      out += buf.utf8Slice(seg, p)
      if (p + 1 >= buf.length) {
        if (this.eof) this.fail('unexpected end of input inside a string (the file is truncated)', p)
        throw NEED_MORE
      }
      const e = buf[p + 1]
      if (e === 0x75) {
        if (p + 6 > buf.length) {
          if (this.eof) this.fail('unexpected end of input inside a \\u escape', p)
          throw NEED_MORE
        }
        const hex = buf.latin1Slice(p + 2, p + 6)
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('invalid \\u escape', p)
        out += String.fromCharCode(parseInt(hex, 16))
        p += 6
      } else {
        const ch = ESC[e]
        if (ch === undefined) this.fail(`invalid escape \\${String.fromCharCode(e)}`, p)
        out += ch
        p += 2
      }
      seg = p
    }
    this.checkUtf8(seg, p)
    out += buf.utf8Slice(seg, p)
    this.pos = p + 1
    return out
  }

  private checkUtf8(from: number, to: number): void {
    if (to <= from || isUtf8(this.buf.subarray(from, to))) return
    this.fail('invalid UTF-8', from + firstBadUtf8(this.buf.subarray(from, to)))
  }

  private number(): JsonNumber {
    const buf = this.buf
    const len = buf.length
    const start = this.pos
    let p = start
    // Scan the longest run of number characters first (no closures: this is the hot path), then check grammar.
    let b = 0
    while (p < len && ((b = buf[p]) >= 0x30 && b <= 0x39 || b === 0x2d || b === 0x2b || b === 0x2e || b === 0x65 || b === 0x45)) p++
    if (p >= len && !this.eof) throw NEED_MORE
    if (p - start > 400) this.fail('number longer than 400 characters', start)
    const text = buf.latin1Slice(start, p)
    if (!NUMBER.test(text)) this.fail(`invalid number ${JSON.stringify(text)}`, start)
    this.pos = p
    return new JsonNumber(text)
  }

  private literal<T>(word: string, v: T): T {
    const buf = this.buf
    for (let i = 0; i < word.length; i++) {
      const p = this.pos + i
      if (p >= buf.length) {
        if (this.eof) this.fail('unexpected end of input (the file is truncated)', p)
        throw NEED_MORE
      }
      if (buf[p] !== word.charCodeAt(i)) this.fail(`unexpected ${describeByte(buf[this.pos])}; expected a JSON value`)
    }
    this.pos += word.length
    return v
  }
}
