import { parse as parseCsv } from 'csv-parse/sync'
import type { Db } from '../../store/db'
import type { Importer, Sink, SinkContext } from '../types'
import { ParseError } from '../types'
import { EntryCheck, readText } from './entries'
import { addressesInRemarks, REMARKS_LIMIT, sdnIdentity, sdnLabel, splitPrograms, type SdnParty } from './ofac-common'
import { storeImportedLabel, storeSkipped } from './sink'

const CSV_MAX_BYTES = 64 * 1024 * 1024
const SDN_SOURCE = 'https://www.treasury.gov/ofac/downloads/sdn.csv'

/** `-0-` (with or without padding) is OFAC's null. */
function nul(x: string | undefined): string | null {
  const t = (x ?? '').trim()
  return t === '-0-' || t === '' ? null : t
}

async function readRows(input: Parameters<Importer['parse']>[0]): Promise<{ line: number; cells: string[] }[]> {
  let text = await readText(input, CSV_MAX_BYTES)
  // Legacy OFAC files end with a DOS end-of-file mark (0x1A) on its own line.
  text = text.replace(/\r?\n?\x1a\s*$/, '\n')
  try {
    return (parseCsv(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as { info: { lines: number }; record: string[] }[]).map((r) => ({ line: r.info.lines, cells: r.record }))
  } catch (e) {
    const err = e as { message: string; lines?: number }
    throw new ParseError(`not valid CSV: ${err.message}`, { line: err.lines ?? 1 })
  }
}

/**
 * OFAC SDN.CSV (legacy delimited, no header): 12 columns, Remarks last. Rows are staged and turned into labels after
 * every file of the import was read, so a Remarks text cut at 1000 characters is first completed from
 * sdn_comments.csv imported alongside.
 */
export const sdnCsvImporter: Importer = {
  id: 'labels-ofac-sdn-csv',
  name: 'OFAC SDN.CSV (digital currency addresses)',
  version: '1',
  detect(head) {
    const first = head.toString('utf8').split(/\r?\n/)[0]
    return /^\d+,"[^"]*",(-0- *|"[^"]*"),"[^"]*",/.test(first) ? 85 : 0
  },
  async *parse(input, opts) {
    yield { kind: 'label.set', loc: { line: 1 }, data: { format: 'ofac-sdn-csv', title: 'OFAC SDN List (SDN.CSV)', creator: 'OFAC', description: 'Specially Designated Nationals list, delimited format' } }
    for (const { line, cells } of await readRows(input)) {
      if (cells.length !== 12) throw new ParseError(`an SDN.CSV row has 12 columns, this one has ${cells.length}`, { line })
      if (!/^\d+$/.test(cells[0].trim())) throw new ParseError(`ent_num ${JSON.stringify(cells[0])} is not a number`, { line })
      yield { kind: 'ofac.sdn', loc: { line }, data: { ent: cells[0].trim(), name: nul(cells[1]) ?? '', programs: nul(cells[3]) ?? '', remarks: nul(cells[11]) ?? '', file: input.name, skip: opts.skipInvalid === true || opts.skipInvalid === 'true' } }
    }
  }
}

/** OFAC sdn_comments.csv: the spill-over of Remarks longer than 1000 characters (ent_num, text). */
export const sdnCommentsImporter: Importer = {
  id: 'labels-ofac-sdn-comments',
  name: 'OFAC sdn_comments.csv (Remarks spill-over)',
  version: '1',
  detect(head) {
    const first = head.toString('utf8').split(/\r?\n/)[0]
    return /^\d+,"[^"]*"?\s*$/.test(first) && !/^\d+,"[^"]*",/.test(first) ? 80 : 0
  },
  async *parse(input) {
    for (const { line, cells } of await readRows(input)) {
      if (cells.length < 2) throw new ParseError('an sdn_comments.csv row has ent_num and text', { line })
      if (!/^\d+$/.test(cells[0].trim())) throw new ParseError(`ent_num ${JSON.stringify(cells[0])} is not a number`, { line })
      yield { kind: 'ofac.comment', loc: { line }, data: { ent: cells[0].trim(), text: cells.slice(1).join(',') } }
    }
  }
}

interface StageRow {
  kind: 'sdn' | 'comment'
  ent: string
  name: string
  programs: string
  text: string
  evidence_id: number
  import_id: number
  locator: string
  file: string
  skip: number
}

function stage(ctx: SinkContext, row: Omit<StageRow, 'evidence_id' | 'import_id' | 'locator'>): void {
  ctx.db.exec('CREATE TEMP TABLE IF NOT EXISTS ofac_stage (seq INTEGER PRIMARY KEY, kind TEXT, ent TEXT, name TEXT, programs TEXT, text TEXT, evidence_id INTEGER, import_id INTEGER, locator TEXT, file TEXT, skip INTEGER)')
  ctx.db
    .prepare('INSERT INTO temp.ofac_stage (kind, ent, name, programs, text, evidence_id, import_id, locator, file, skip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(row.kind, row.ent, row.name, row.programs, row.text, ctx.evidenceId, ctx.importId, ctx.locator, row.file, row.skip)
}

/** A SinkContext for storing a staged row's labels after parsing (same provenance as the row). */
function contextFor(db: Db, r: StageRow, base: Pick<SinkContext, 'count' | 'warn'>, sha: string): SinkContext {
  const ctx: SinkContext = {
    db,
    evidenceId: r.evidence_id,
    evidenceSha256: sha,
    importId: r.import_id,
    locator: r.locator,
    count: base.count,
    warn: base.warn,
    addSource: (kind, key) => void db.prepare('INSERT OR IGNORE INTO record_sources (kind, key, evidence_id, locator, import_id) VALUES (?, ?, ?, ?, ?)').run(kind, key, r.evidence_id, ctx.locator, r.import_id),
    conflict: (n) =>
      void db
        .prepare('INSERT INTO conflicts (kind, key, field, existing_value, existing_evidence_id, existing_locator, new_value, new_evidence_id, new_locator, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(n.kind, n.key, n.field, n.existing, n.existingEvidenceId ?? null, n.existingLocator ?? null, n.incoming, r.evidence_id, ctx.locator, r.import_id)
  }
  return ctx
}

/** Join SDN rows with their spill-over, extract addresses and store labels; every bad address is listed. */
function finishSdn(db: Db, base: Pick<SinkContext, 'count' | 'warn'>): void {
  if (!db.prepare("SELECT 1 FROM sqlite_temp_master WHERE name = 'ofac_stage'").get()) return
  const rows = db.prepare('SELECT * FROM temp.ofac_stage ORDER BY seq').all() as StageRow[]
  db.exec('DELETE FROM temp.ofac_stage')
  const comments = new Map<string, StageRow[]>()
  for (const r of rows) if (r.kind === 'comment') comments.set(r.ent, [...(comments.get(r.ent) ?? []), r])
  const sdn = rows.filter((r) => r.kind === 'sdn')
  const checks = new Map<string, EntryCheck>()
  for (const r of sdn) {
    const check = checks.get(r.file) ?? new EntryCheck(r.file, { skipInvalid: r.skip === 1 })
    checks.set(r.file, check)
    const spill = comments.get(r.ent) ?? []
    comments.delete(r.ent)
    const full = r.text + spill.map((c) => c.text).join('')
    const { found, lastMayBeCut } = addressesInRemarks(full, r.text.length >= REMARKS_LIMIT && !spill.length)
    const party: SdnParty = { uid: r.ent, name: r.name, programs: splitPrograms(r.programs), source: SDN_SOURCE, listTitle: 'OFAC SDN List (SDN.CSV)' }
    const sha = (db.prepare('SELECT sha256 FROM evidence WHERE id = ?').get(r.evidence_id) as { sha256: string }).sha256
    const ctx = contextFor(db, r, base, sha)
    const seen = new Set<string>()
    found.forEach((a, k) => {
      const loc = { line: Number(r.locator.replace(/^line /, '')), pointer: `/addresses/${k}` }
      ctx.locator = `${r.locator} /addresses/${k}`
      const where = `ent_num ${r.ent} address ${k + 1} (${a.symbol})`
      let skipped
      if (lastMayBeCut && k === found.length - 1) skipped = check.bad(loc, where, `${a.address} runs to the 1000-character Remarks limit and may be cut; import sdn_comments.csv together with SDN.CSV`)
      else if (seen.has(sdnIdentity(party, a))) skipped = check.bad(loc, where, `duplicate entry (${a.address} listed twice for this party)`)
      else {
        seen.add(sdnIdentity(party, a))
        try {
          const id = storeImportedLabel(ctx, sdnLabel(party, a))
          for (const c of spill) if (id !== undefined) db.prepare('INSERT OR IGNORE INTO record_sources (kind, key, evidence_id, locator, import_id) VALUES (?, ?, ?, ?, ?)').run('label', String(id), c.evidence_id, c.locator, c.import_id)
          return
        } catch (e) {
          skipped = check.bad(loc, where, (e as Error).message)
        }
      }
      if (skipped) storeSkipped(ctx, (skipped.data as { reason: string }).reason)
    })
  }
  for (const check of checks.values()) check.end()
  for (const [ent] of comments) base.warn(`sdn_comments.csv has spill-over for ent_num ${ent} but no SDN.CSV row for it was imported with it`)
}

/** Staging sinks and the join that runs once all files of an import were read. */
export const ofacCsvSinks: Sink[] = [
  { kind: 'ofac.sdn', store: (r, ctx) => stage(ctx, { kind: 'sdn', ...(r.data as { ent: string; name: string; programs: string; file: string; skip: boolean }), text: (r.data as { remarks: string }).remarks, skip: (r.data as { skip: boolean }).skip ? 1 : 0 }) },
  { kind: 'ofac.comment', store: (r, ctx) => stage(ctx, { kind: 'comment', ent: (r.data as { ent: string }).ent, name: '', programs: '', text: (r.data as { text: string }).text, file: '', skip: 0 }), finish: finishSdn }
]
