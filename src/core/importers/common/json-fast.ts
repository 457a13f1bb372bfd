import { isAscii } from 'node:buffer'
import { JsonInt, type JsonLimits, type JsonObject, type JsonValue } from './json-parse'
import type { SliceBuffer } from './json-util'

/** JsonInts of small values (versions, vouts, sizes), shared: a JsonInt never changes what it says. */
const SMALL = Array.from({ length: 1024 }, (_, i) => new JsonInt(i))

/**
 * Fast path for the elements of streamed arrays (StreamJsonOptions.fastElements): the engine's JSON.parse builds
 * the element, and one byte scan beforehand proves the result is exactly what the exact parser (json-parse.ts)
 * would build. It takes only an object or array element that ends inside the current buffer and that is
 * - pure ASCII with no backslash (so a latin1 slice is the text, and no escape needs decoding);
 * - free of any number but plain non-negative integers of at most 15 digits (no '-', '+', '.', 'e'/'E' after a
 *   digit, no longer run of digits): such a number is exact as a double and prints back as its source text;
 * - free of strings (keys included) longer than the smallest string cap and of nesting deeper than `maxDepth`;
 * - accepted by JSON.parse (which refuses exactly what the exact parser refuses on such bytes), with as many own
 *   keys as the scan saw ':' outside strings (fewer means a duplicate key, which JSON.parse would silently merge).
 * The parsed tree is then given the exact parser's shape: objects get the same Object.prototype-free prototype,
 * numbers become JsonInt (a JsonNumber with its source text). Anything else returns undefined and the caller
 * parses the element with the exact parser, which yields today's value or error, position and pointer.
 */
export class FastElements {
  private buf: SliceBuffer | null = null
  /** Whether all of `buf` is ASCII (checked once per buffer; else per element). */
  private ascii = false
  /** Position of the next backslash in `buf` at or after the last element start, or -1 for none. */
  private backslash = -1
  /** End (exclusive) of the element the last `parse` took. */
  end = 0
  private colons = 0
  /** The smallest string cap of the read (a per-key cap may be below maxString). */
  private readonly maxString: number

  constructor(
    private readonly limits: JsonLimits,
    private readonly proto: object
  ) {
    this.maxString = Math.min(limits.maxString, ...(limits.longKeys?.values() ?? []))
  }

  /** The element starting at `start` (on '{' or '['), nested `depth` levels deep, or undefined (use the exact parser). */
  parse(buf: SliceBuffer, start: number, depth: number): JsonValue | undefined {
    if (buf !== this.buf) {
      this.buf = buf
      this.ascii = isAscii(buf)
      this.backslash = buf.indexOf(0x5c, start)
    } else if (this.backslash >= 0 && this.backslash < start) this.backslash = buf.indexOf(0x5c, start)
    const end = this.scan(buf, start, this.limits.maxDepth - depth)
    if (end < 0 || (this.backslash >= 0 && this.backslash < end)) return undefined
    if (!this.ascii && !isAscii(buf.subarray(start, end))) return undefined
    let v: unknown
    try {
      v = JSON.parse(buf.latin1Slice(start, end))
    } catch {
      return undefined
    }
    const keys = Array.isArray(v) ? this.fixArray(v) : this.fixObject(v as Record<string, unknown>)
    if (keys !== this.colons) return undefined
    this.end = end
    return v as JsonValue
  }

  /** End (exclusive) of the element, or -1 when it has something the fast path does not take or does not end in `b`. */
  private scan(b: SliceBuffer, p: number, maxDepth: number): number {
    const len = b.length
    const maxString = this.maxString
    let depth = 0
    let colons = 0
    let digits = 0
    while (p < len) {
      const c = b[p++]
      if (c === 0x22) {
        // No backslash in the element (checked by the caller), so the next '"' ends the string; indexOf (memchr)
        // beats a byte loop here even for short keys.
        const q = b.indexOf(0x22, p)
        if (q < 0) return -1
        if (q - p > maxString) return -1
        p = q + 1
        continue
      }
      if (c >= 0x30 && c <= 0x39) {
        if (++digits > 15) return -1
        continue
      }
      if (c === 0x65 && digits) return -1
      digits = 0
      if (c === 0x3a) colons++
      else if (c === 0x7b || c === 0x5b) {
        if (++depth > maxDepth) return -1
      } else if (c === 0x7d || c === 0x5d) {
        if (--depth === 0) {
          this.colons = colons
          return p
        }
      } else if (c === 0x2d || c === 0x2b || c === 0x2e || c === 0x45) return -1
    }
    return -1
  }

  private fixObject(o: Record<string, unknown>): number {
    let n = 0
    for (const k in o) {
      n++
      const x = o[k]
      if (typeof x === 'number') o[k] = x < SMALL.length ? SMALL[x] : new JsonInt(x)
      else if (typeof x === 'object' && x !== null) n += Array.isArray(x) ? this.fixArray(x) : this.fixObject(x as JsonObject)
    }
    // After the walk: for-in over the shape JSON.parse made reuses its cached key list, over the new shape it
    // would not (~0.6 µs per Bitcoin tx).
    Object.setPrototypeOf(o, this.proto)
    return n
  }

  private fixArray(a: unknown[]): number {
    let n = 0
    for (let i = 0; i < a.length; i++) {
      const x = a[i]
      if (typeof x === 'number') a[i] = x < SMALL.length ? SMALL[x] : new JsonInt(x)
      else if (typeof x === 'object' && x !== null) n += Array.isArray(x) ? this.fixArray(x) : this.fixObject(x as JsonObject)
    }
    return n
  }
}
