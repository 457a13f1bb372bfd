import { z } from 'zod'
import { CaseId, Page, Sha256 } from './common'
import { StagedFile } from './evidence'

export const Conflict = z.object({
  kind: z.string(),
  key: z.string(),
  field: z.string(),
  existing: z.string().nullable(),
  incoming: z.string().nullable(),
  existingEvidenceId: z.number().int().nullable().optional(),
  existingLocator: z.string().nullable().optional()
})

export const FileImportResult = z.object({
  file: z.string(),
  format: z.string(),
  formatName: z.string(),
  parserVersion: z.string(),
  sha256: Sha256,
  evidenceAlreadyPresent: z.boolean(),
  records: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  conflicts: z.array(Conflict),
  warnings: z.array(z.string())
})
export type FileImportResult = z.infer<typeof FileImportResult>

export const ImportFormat = z.object({ id: z.string(), name: z.string(), version: z.string() })

export const ImportRecordRow = z.object({
  id: z.number().int(),
  evidenceSha256: Sha256,
  file: z.string(),
  format: z.string(),
  parserVersion: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  examiner: z.string(),
  summary: z.unknown()
})

export const ConflictRow = z.object({
  id: z.number().int(),
  kind: z.string(),
  key: z.string(),
  field: z.string(),
  existingValue: z.string().nullable(),
  existingSha256: z.string().nullable(),
  existingLocator: z.string().nullable(),
  newValue: z.string().nullable(),
  newSha256: z.string(),
  newLocator: z.string()
})

/** Import options are plain JSON the importer documents (chain, exported address, mapping…). */
const Options = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.record(z.string(), z.unknown()), z.array(z.unknown())]))

/** Importing explorer and exchange exports. */
export const importsArea = {
  'imports.formats': { input: z.object({}).strict(), output: z.array(ImportFormat), mutates: false },
  'imports.run': {
    input: z
      .object({
        caseId: CaseId,
        files: z.array(StagedFile).min(1).max(500),
        format: z.string().max(64).optional(),
        options: Options.optional(),
        dryRun: z.boolean().default(false)
      })
      .strict(),
    output: z.object({ results: z.array(FileImportResult) }),
    mutates: true
  },
  'imports.list': { input: z.object({ caseId: CaseId }).strict(), output: z.array(ImportRecordRow), mutates: false },
  'imports.conflicts': {
    input: z.object({ caseId: CaseId, ...Page }).strict(),
    output: z.object({ total: z.number().int(), conflicts: z.array(ConflictRow) }),
    mutates: false
  }
} as const
