import { dirname } from 'node:path'
import { ApiError } from '../../shared/api/errors'
import { addLabel, labelSources, listLabels, removeLabel, updateLabel } from '../attribution/labels-repo'
import { screenCase } from '../attribution/screen'
import { starterFiles } from '../attribution/starter'
import '../importers/index'
import { LABEL_FORMAT_IDS } from '../importers/labels/index'
import { runImport, type ImportFile } from '../importers/pipeline'
import { detectFormat, importerById } from '../importers/registry'
import { readHead } from '../importers/sniff'
import type { CaseHandle } from '../case/case-folder'
import type { CallContext, HandlerMap, StagedUpload } from './context'

interface SetRow {
  import_id: number
  sha256: string
  original_name: string
  format: string
  title: string
  creator: string
  lastmod: string | null
  entries: number
  skipped: string
  started_at: string
}

/** Refuse files that are not tag sets before anything is copied (labels.import is for labels only). */
async function assertLabelFormats(files: ImportFile[], format: string | undefined): Promise<void> {
  if (format && !LABEL_FORMAT_IDS.includes(importerById(format).id)) throw new ApiError('BAD_INPUT', `${format} is not a tag-set format; known: ${LABEL_FORMAT_IDS.join(', ')}`)
  if (format) return
  for (const f of files) {
    const name = f.originalName ?? f.path
    const head = await readHead(f.path).catch(() => {
      throw new ApiError('NOT_FOUND', `cannot read ${name}`, { file: name })
    })
    const imp = detectFormat(head, name)
    if (!LABEL_FORMAT_IDS.includes(imp.id)) throw new ApiError('UNSUPPORTED', `${name}: looks like ${imp.name}, not a tag set; use import for explorer exports`, { file: name })
  }
}

/** Import tag-set files through the locker and the one-transaction pipeline (audited as an import). */
async function importLabels(c: CaseHandle, ctx: CallContext, examiner: string, files: ImportFile[], o: { format?: string; skipInvalid: boolean; dryRun: boolean; includeDir?: string }) {
  await assertLabelFormats(files, o.format)
  const options: Record<string, unknown> = { skipInvalid: o.skipInvalid }
  if (o.includeDir) options.includeDir = o.includeDir
  return { results: await runImport(c, files, { examiner, format: o.format, options, dryRun: o.dryRun, progress: ctx.progress }) }
}

function originalDir(u: StagedUpload): string | undefined {
  return u.originalPath ? dirname(u.originalPath) : u.owned ? undefined : dirname(u.path)
}

/** Label and screening methods of the contract. */
export const labelHandlers: HandlerMap<'labels.list' | 'labels.sources' | 'labels.add' | 'labels.update' | 'labels.remove' | 'labels.import' | 'labels.starter' | 'screen.run'> = {
  'labels.list': (i, { state }) => listLabels(state.caseById(i.caseId).db, i),
  'labels.sources': (i, { state }) => {
    const db = state.caseById(i.caseId).db
    const sets = (
      db
        .prepare(
          `SELECT s.import_id, e.sha256, e.original_name, s.format, s.title, s.creator, s.lastmod, s.entries, s.skipped, i.started_at
           FROM label_sets s JOIN evidence e ON e.id = s.evidence_id JOIN imports i ON i.id = s.import_id ORDER BY s.import_id`
        )
        .all() as SetRow[]
    ).map((r) => ({ importId: r.import_id, sha256: r.sha256, file: r.original_name, format: r.format, title: r.title, creator: r.creator, lastmod: r.lastmod, entries: r.entries, skipped: JSON.parse(r.skipped) as string[], importedAt: r.started_at }))
    return { ...labelSources(db), sets }
  },
  'labels.add': (i, { state }) => {
    const c = state.caseById(i.caseId)
    return addLabel(c, state.examinerFor(c), i)
  },
  'labels.update': (i, { state }) => {
    const c = state.caseById(i.caseId)
    return updateLabel(c, state.examinerFor(c), i.labelId, i)
  },
  'labels.remove': (i, { state }) => {
    const c = state.caseById(i.caseId)
    return { removed: removeLabel(c, state.examinerFor(c), i.labelId) }
  },
  'labels.import': async (i, ctx) => {
    const { state } = ctx
    const c = state.caseById(i.caseId)
    const staged = i.files.map((f) => (i.dryRun ? state.peekUpload(f.uploadId) : state.takeUpload(f.uploadId)))
    try {
      const dirs = new Set(staged.map(originalDir))
      const includeDir = dirs.size === 1 ? [...dirs][0] : undefined
      const files = staged.map((u) => ({ path: u.path, originalName: u.originalName, originalPath: u.originalPath }))
      return await importLabels(c, ctx, state.examinerFor(c), files, { format: i.format, skipInvalid: i.skipInvalid, dryRun: i.dryRun, includeDir })
    } finally {
      if (!i.dryRun) for (const u of staged) state.releaseUpload(u)
    }
  },
  'labels.starter': async (i, ctx) => {
    const c = ctx.state.caseById(i.caseId)
    const files = starterFiles().map((p) => ({ path: p, originalName: p.split('/').pop()!, originalPath: p, note: 'Chaintrail starter label set (resources/labels)' }))
    return importLabels(c, ctx, ctx.state.examinerFor(c), files, { skipInvalid: false, dryRun: i.dryRun })
  },
  'screen.run': (i, { state }) => screenCase(state.caseById(i.caseId).db, i.limit)
}
