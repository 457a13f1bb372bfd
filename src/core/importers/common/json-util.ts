import { isUtf8 } from 'node:buffer'

/** Small byte-level helpers of the JSON reader (json-parse.ts, json.ts) and the line reader. */

/**
 * Buffer's undocumented-but-stable slice methods (what toString('latin1'|'utf8', s, e) calls after its argument
 * checks); used directly because they are the hot path of every import.
 */
export type SliceBuffer = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string }

/** View a Buffer with its fast slice methods. */
export function sliceable(b: Buffer): SliceBuffer {
  return b as SliceBuffer
}

/** Escape one pointer segment (RFC 6901). */
export function escapePointer(seg: string | number): string {
  return typeof seg === 'number' ? String(seg) : seg.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** "'x'" for printable ASCII, "byte 0xNN" otherwise. */
export function describeByte(b: number): string {
  return b >= 0x21 && b < 0x7f ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, '0')}`
}

/** Offset of the first byte that breaks UTF-8 in `b` (only called when b is known to be invalid). */
export function firstBadUtf8(b: Buffer): number {
  let i = 0
  while (i < b.length) {
    const x = b[i]
    const n = x < 0x80 ? 1 : x >= 0xc2 && x < 0xe0 ? 2 : x >= 0xe0 && x < 0xf0 ? 3 : x >= 0xf0 && x < 0xf5 ? 4 : 0
    if (n === 0 || i + n > b.length || !isUtf8(b.subarray(i, i + n))) return i
    i += n
  }
  return 0
}
