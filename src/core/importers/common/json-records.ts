import type { ImportInput, ImportRecord, SourceLocation } from '../types'
import { streamJsonBatches, type JsonValue, type StreamJsonOptions } from './json'
import { JsonFields } from './json-access'

/** Maps one JSON value (a streamed element, or the document) to records. */
export type JsonMapper = (value: JsonValue, pointer: string, f: JsonFields, loc: SourceLocation) => Iterable<ImportRecord>

/**
 * The JSON half of an importer: stream the locker copy, hand each element of the `streamAt` arrays to `onItem`
 * as it arrives (constant memory), then the rest of the document to `onEnd` (whose streamed arrays are empty).
 */
export async function* jsonRecords(
  input: ImportInput,
  opts: StreamJsonOptions,
  onItem: JsonMapper,
  onEnd: (root: JsonValue, items: number, f: JsonFields) => Iterable<ImportRecord>
): AsyncGenerator<ImportRecord> {
  for await (const batch of jsonRecordBatches(input, opts, onItem, onEnd)) yield* batch
}

/**
 * `jsonRecords` a batch of elements at a time (streamJsonBatches; for Importer.parseBatches). When a mapper throws, the records mapped
 * before it are yielded first, then the error, so the import fails exactly as record by record.
 */
export async function* jsonRecordBatches(
  input: ImportInput,
  opts: StreamJsonOptions,
  onItem: JsonMapper,
  onEnd: (root: JsonValue, items: number, f: JsonFields) => Iterable<ImportRecord>
): AsyncGenerator<ImportRecord[]> {
  for await (const events of streamJsonBatches(input.open(), opts)) {
    const out: ImportRecord[] = []
    try {
      for (const e of events) {
        if (e.type === 'item') {
          const { item } = e
          for (const r of onItem(item.value, item.pointer, new JsonFields(item), { line: item.line, column: item.column, pointer: item.pointer })) out.push(r)
        } else {
          for (const r of onEnd(e.root, e.items, new JsonFields({ locate: e.locate }))) out.push(r)
        }
      }
    } catch (e) {
      if (out.length) yield out
      throw e
    }
    if (out.length) yield out
  }
}

/** Detection helper: the head as text (it may end mid-value) with whitespace squeezed out after structural bytes. */
export function headText(head: Buffer): string {
  return head.toString('utf8').replace(/^\uFEFF/, '').replace(/([{[,:])\s+/g, '$1').replace(/\s+([}\],:])/g, '$1')
}

/** Long hex fields a Bitcoin explorer may print (scripts, witness items, raw tx): allowed up to 4 MiB. */
export const BTC_LONG_KEYS: Record<string, number> = {
  scriptpubkey: 4 << 20, scriptpubkey_asm: 4 << 20, scriptsig: 4 << 20, scriptsig_asm: 4 << 20, script: 4 << 20,
  witness: 4 << 20, inner_redeemscript_asm: 4 << 20, inner_witnessscript_asm: 4 << 20, hex: 4 << 20, script_hex: 4 << 20,
  data_hex: 4 << 20, data_string: 4 << 20, spending_witness: 4 << 20, spending_signature_hex: 4 << 20
}
