import type { ImportRecord } from './types'
import { WireReader, type WireBatch, type WireWriter } from './wire'
import type { WireKeys } from './wire-keys'

/** How a record kind's data is written to and read from a batch (wire.ts), value by value. */
export interface WireCodec {
  /** Write the record's data value by value. */
  encode(data: unknown, w: WireWriter): void
  /** Read one record's data back, in the order `encode` wrote it. */
  decode(r: WireReader): unknown
}

const codecs = new Map<string, WireCodec>()

/** Make a record kind travel flat between threads. */
export function registerWire(kind: string, codec: WireCodec): void {
  codecs.set(kind, codec)
}

/**
 * Append one record to a batch: kind and line when the record has a codec and a line only (the common case);
 * else kind, -1, line, column, pointer, has codec; then the codec's values, or the data as one cloned value.
 */
export function encodeRecord(r: ImportRecord, w: WireWriter): void {
  const c = codecs.get(r.kind)
  const { line, column, pointer } = r.loc
  w.sym(r.kind)
  if (c && line !== undefined && line >= 0 && column === undefined && pointer === undefined) w.val(line)
  else {
    w.val(-1)
    w.val(line)
    w.val(column)
    w.val(pointer)
    w.val(c !== undefined)
  }
  if (c) c.encode(r.data, w)
  else w.val(r.data)
}

/** Every record of a batch made by `encodeRecord`, in order; `keys` as for WireReader. */
export function decodeBatch(b: WireBatch, keys: WireKeys): ImportRecord[] {
  const r = new WireReader(b, keys)
  const out: ImportRecord[] = []
  while (!r.done) {
    const kind = r.val() as string
    const first = r.val() as number
    let loc: ImportRecord['loc']
    let flat = true
    if (first >= 0) loc = { line: first }
    else {
      const line = r.val() as number | undefined
      const column = r.val() as number | undefined
      const pointer = r.val() as string | undefined
      flat = r.val() as boolean
      loc = {}
      if (line !== undefined) loc.line = line
      if (column !== undefined) loc.column = column
      if (pointer !== undefined) loc.pointer = pointer
    }
    out.push({ kind, loc, data: flat ? codecs.get(kind)!.decode(r) : r.val() })
  }
  return out
}
