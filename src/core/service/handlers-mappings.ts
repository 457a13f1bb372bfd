import { Readable } from 'node:stream'
import { createReadStream } from 'node:fs'
import { ColumnMapping } from '../../shared/api/areas/mappings'
import { CsvHeader } from '../importers/common/csv'
import { isZip, readTable } from '../importers/generic/table'
import { readHead } from '../importers/sniff'
import { mutate } from '../store/unit-of-work'
import { nowIso } from '../util/clock'
import type { Db } from '../store/db'
import type { HandlerMap } from './context'

const SAMPLE_ROWS = 20

/** The saved mapping for a header signature, if any. */
export function savedMapping(db: Db, signature: string): ColumnMapping | null {
  const r = db.prepare('SELECT mapping FROM csv_mappings WHERE signature = ?').get(signature) as { mapping: string } | undefined
  if (!r) return null
  const p = ColumnMapping.safeParse(JSON.parse(r.mapping))
  return p.success ? p.data : null
}

/** Save (or replace) the mapping for a header signature; used by the dialog and by imports. */
export function storeMapping(db: Db, signature: string, mapping: ColumnMapping, examiner: string): string {
  const at = nowIso()
  db.prepare('INSERT INTO csv_mappings (signature, name, mapping, saved_at, examiner) VALUES (?, ?, ?, ?, ?) ON CONFLICT(signature) DO UPDATE SET name = excluded.name, mapping = excluded.mapping, saved_at = excluded.saved_at, examiner = excluded.examiner').run(
    signature, mapping.name, JSON.stringify(mapping), at, examiner
  )
  return at
}

async function readSample(open: () => Readable, delimiter: ',' | ';' | '\t', sheet: string | number | undefined, xlsx: boolean, max: number): Promise<{ header: CsvHeader; rows: string[][] }> {
  let header: CsvHeader | undefined
  const rows: string[][] = []
  for await (const row of readTable(open, { delimiter, sheet, xlsx })) {
    if (!header) header = new CsvHeader(row.fields, row.line)
    else rows.push(row.fields)
    if (!header || rows.length >= max) break
  }
  return { header: header ?? new CsvHeader([], 1), rows }
}

/** Column-mapping methods: read a staged file's header and first rows, save and list mappings. */
export const mappingHandlers: HandlerMap<'mappings.sample' | 'mappings.save' | 'mappings.list'> = {
  'mappings.sample': async (i, { state }) => {
    const db = state.caseById(i.caseId).db
    const u = state.peekUpload(i.uploadId)
    const xlsx = isZip(await readHead(u.path))
    const open = () => createReadStream(u.path) as Readable
    // No delimiter asked for: one whose header has a saved mapping that states that very delimiter is offered
    // (the mapping is explicit about it); otherwise comma. Nothing is guessed from the data.
    let delimiter = i.delimiter
    if (!delimiter && !xlsx) {
      for (const d of [',', ';', '\t'] as const) {
        const s = await readSample(open, d, i.sheet, false, 0).catch(() => undefined)
        const saved = s && savedMapping(db, s.header.signature())
        if (saved && saved.delimiter === d) {
          delimiter = d
          break
        }
      }
    }
    const used = delimiter ?? ','
    const { header: h, rows } = await readSample(open, used, i.sheet, xlsx, SAMPLE_ROWS)
    return { kind: xlsx ? 'xlsx' : 'csv', delimiter: used, sheets: [], header: h.names, headerLine: h.line, rows, signature: h.signature(), saved: savedMapping(db, h.signature()) }
  },
  'mappings.save': (i, { state }) => {
    const c = state.caseById(i.caseId)
    const examiner = state.examinerFor(c)
    return mutate(c, examiner, 'mappings.save', () => {
      const savedAt = storeMapping(c.db, i.signature, i.mapping, examiner)
      return { result: { signature: i.signature, savedAt }, details: { signature: i.signature, name: i.mapping.name, mapping: i.mapping } }
    }).result
  },
  'mappings.list': (i, { state }) => {
    const rows = state.caseById(i.caseId).db.prepare('SELECT signature, name, mapping, saved_at, examiner FROM csv_mappings ORDER BY saved_at DESC').all() as { signature: string; name: string; mapping: string; saved_at: string; examiner: string }[]
    return rows.flatMap((r) => {
      const p = ColumnMapping.safeParse(JSON.parse(r.mapping))
      return p.success ? [{ signature: r.signature, name: r.name, savedAt: r.saved_at, examiner: r.examiner, mapping: p.data }] : []
    })
  }
}
