import { runImport } from '../importers/pipeline'
import { listImporters } from '../importers/registry'
import '../importers/index'
import type { HandlerMap } from './context'

interface ImportRow {
  id: number
  sha256: string
  original_name: string
  format: string
  parser_version: string
  started_at: string
  finished_at: string
  examiner: string
  summary: string
}

interface ConflictDbRow {
  id: number
  kind: string
  key: string
  field: string
  existing_value: string | null
  existing_sha: string | null
  existing_locator: string | null
  new_value: string | null
  new_sha: string
  new_locator: string
}

/** Import methods of the contract. */
export const importHandlers: HandlerMap<'imports.formats' | 'imports.run' | 'imports.list' | 'imports.conflicts'> = {
  'imports.formats': () => listImporters().map((i) => ({ id: i.id, name: i.name, version: i.version })),
  'imports.run': async (i, { state, progress }) => {
    const c = state.caseById(i.caseId)
    const staged = i.files.map((f) => (i.dryRun ? state.peekUpload(f.uploadId) : state.takeUpload(f.uploadId)))
    try {
      const results = await runImport(
        c,
        staged.map((u) => ({ path: u.path, originalName: u.originalName, originalPath: u.originalPath })),
        { examiner: state.examinerFor(c), format: i.format, options: i.options, dryRun: i.dryRun, progress }
      )
      return { results }
    } finally {
      if (!i.dryRun) for (const u of staged) state.releaseUpload(u)
    }
  },
  'imports.list': (i, { state }) => {
    const rows = state
      .caseById(i.caseId)
      .db.prepare(
        `SELECT i.id, e.sha256, e.original_name, i.format, i.parser_version, i.started_at, i.finished_at, i.examiner, i.summary
         FROM imports i JOIN evidence e ON e.id = i.evidence_id ORDER BY i.id`
      )
      .all() as ImportRow[]
    return rows.map((r) => ({
      id: r.id,
      evidenceSha256: r.sha256,
      file: r.original_name,
      format: r.format,
      parserVersion: r.parser_version,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      examiner: r.examiner,
      summary: JSON.parse(r.summary) as unknown
    }))
  },
  'imports.conflicts': (i, { state }) => {
    const db = state.caseById(i.caseId).db
    const total = (db.prepare('SELECT count(*) AS n FROM conflicts').get() as { n: number }).n
    const rows = db
      .prepare(
        `SELECT c.id, c.kind, c.key, c.field, c.existing_value, ee.sha256 AS existing_sha, c.existing_locator, c.new_value, ne.sha256 AS new_sha, c.new_locator
         FROM conflicts c LEFT JOIN evidence ee ON ee.id = c.existing_evidence_id JOIN evidence ne ON ne.id = c.new_evidence_id
         ORDER BY c.id LIMIT ? OFFSET ?`
      )
      .all(i.limit, i.offset) as ConflictDbRow[]
    return {
      total,
      conflicts: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        key: r.key,
        field: r.field,
        existingValue: r.existing_value,
        existingSha256: r.existing_sha,
        existingLocator: r.existing_locator,
        newValue: r.new_value,
        newSha256: r.new_sha,
        newLocator: r.new_locator
      }))
    }
  }
}
