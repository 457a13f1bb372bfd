import type { ImportRecord } from './types'

/**
 * Compact transport of records from the parse worker to the importing thread. Structured clone of millions of
 * small objects costs about as much as parsing them (~7 µs per Bitcoin tx with its inputs and outputs); a flat
 * array of primitives per batch costs ~1.7 µs. A record kind may register a codec that flattens its data into
 * such an array; a kind without one travels as its object (correct, just slower). Strings that repeat from record
 * to record (record kinds, networks, statuses, the exported address) may go into the batch's string table and
 * travel as their index: the receiving thread then makes each once per batch instead of once per record.
 */
export interface WireCodec {
  /** Append the record's data to `out` as primitives (strings, numbers, bigints, booleans, null, undefined). */
  encode(data: unknown, out: unknown[], strings: StringTable): void
  /** Read one record's data back from `buf` starting at `at.i`, advancing `at.i` past it. */
  decode(buf: unknown[], at: { i: number }, strings: readonly string[]): unknown
}

/** A batch's table of repeated strings: `id` gives a string's index (null travels as -1). */
export class StringTable {
  readonly list: string[] = []
  private readonly ids = new Map<string, number>()
  id(s: string | null): number {
    if (s === null) return -1
    let i = this.ids.get(s)
    if (i === undefined) {
      i = this.list.length
      this.list.push(s)
      this.ids.set(s, i)
    }
    return i
  }
}

/** The string (or null) a StringTable index stands for. */
export function str(strings: readonly string[], i: unknown): string | null {
  return (i as number) < 0 ? null : strings[i as number]
}

const codecs = new Map<string, WireCodec>()

/** Make a record kind travel flat between threads. */
export function registerWire(kind: string, codec: WireCodec): void {
  codecs.set(kind, codec)
}

/**
 * Append one record to a batch: [kind, line] and the codec's values when the record has a codec and a line
 * only (the common case); else [kind, -1, line, column, pointer, has codec] and the codec's values or the data.
 */
export function encodeRecord(r: ImportRecord, out: unknown[], strings: StringTable): void {
  const c = codecs.get(r.kind)
  const { line, column, pointer } = r.loc
  if (c && line !== undefined && line >= 0 && column === undefined && pointer === undefined) out.push(strings.id(r.kind), line)
  else out.push(strings.id(r.kind), -1, line, column, pointer, c ? 1 : 0)
  if (c) c.encode(r.data, out, strings)
  else out.push(r.data)
}

/** Read every record of a batch made by `encodeRecord` with the batch's string table, in order. */
export function* decodeBatch(buf: unknown[], strings: readonly string[]): Generator<ImportRecord> {
  const at = { i: 0 }
  while (at.i < buf.length) {
    const i = at.i
    const kind = strings[buf[i] as number]
    const first = buf[i + 1] as number
    let loc: ImportRecord['loc']
    let flat = true
    if (first >= 0) {
      loc = { line: first }
      at.i = i + 2
    } else {
      const line = buf[i + 2] as number | undefined
      const column = buf[i + 3] as number | undefined
      const pointer = buf[i + 4] as string | undefined
      flat = buf[i + 5] === 1
      at.i = i + 6
      loc = {}
      if (line !== undefined) loc.line = line
      if (column !== undefined) loc.column = column
      if (pointer !== undefined) loc.pointer = pointer
    }
    let data: unknown
    if (flat) data = codecs.get(kind)!.decode(buf, at, strings)
    else data = buf[at.i++]
    yield { kind, loc, data }
  }
}
