import type { ImportRecord } from './types'

/**
 * Compact transport of records from the parse worker to the importing thread. Structured clone of millions of
 * small objects costs about as much as parsing them (~7 µs per Bitcoin tx with its inputs and outputs); a flat
 * array of primitives per batch costs ~1.7 µs. A record kind may register a codec that flattens its data into
 * such an array; a kind without one travels as its object (correct, just slower).
 */
export interface WireCodec {
  /** Append the record's data to `out` as primitives (strings, numbers, bigints, booleans, null, undefined). */
  encode(data: unknown, out: unknown[]): void
  /** Read one record's data back from `buf` starting at `at.i`, advancing `at.i` past it. */
  decode(buf: unknown[], at: { i: number }): unknown
}

const codecs = new Map<string, WireCodec>()

/** Make a record kind travel flat between threads. */
export function registerWire(kind: string, codec: WireCodec): void {
  codecs.set(kind, codec)
}

/** Append one record (kind, location, data) to a batch. */
export function encodeRecord(r: ImportRecord, out: unknown[]): void {
  const c = codecs.get(r.kind)
  out.push(r.kind, r.loc.line, r.loc.column, r.loc.pointer, c ? 1 : 0)
  if (c) c.encode(r.data, out)
  else out.push(r.data)
}

/** Read every record of a batch made by `encodeRecord`, in order. */
export function* decodeBatch(buf: unknown[]): Generator<ImportRecord> {
  const at = { i: 0 }
  while (at.i < buf.length) {
    const i = at.i
    const kind = buf[i] as string
    const line = buf[i + 1] as number | undefined
    const column = buf[i + 2] as number | undefined
    const pointer = buf[i + 3] as string | undefined
    const flat = buf[i + 4] === 1
    at.i = i + 5
    const loc: ImportRecord['loc'] = {}
    if (line !== undefined) loc.line = line
    if (column !== undefined) loc.column = column
    if (pointer !== undefined) loc.pointer = pointer
    let data: unknown
    if (flat) data = codecs.get(kind)!.decode(buf, at)
    else data = buf[at.i++]
    yield { kind, loc, data }
  }
}
