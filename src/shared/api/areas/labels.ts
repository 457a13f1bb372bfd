import { z } from 'zod'
import { LABEL_CATEGORIES } from '../../domain/labels'
import { CaseId, Page, Text } from './common'
import { StagedFile } from './evidence'
import { FileImportResult } from './imports'

export const LabelCategory = z.enum(LABEL_CATEGORIES)

export const LabelTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('address'), network: z.string(), address: z.string(), display: z.string(), addressText: z.string(), check: z.string(), marker: z.string().nullable() }),
  z.object({ kind: z.literal('entity'), entityId: z.number().int(), entityName: z.string() }),
  z.object({ kind: z.literal('tx'), network: z.string(), txHash: z.string() })
])

export const LabelSourceRef = z.object({ sha256: z.string(), file: z.string(), locator: z.string() })

export const Label = z.object({
  id: z.number().int(),
  target: LabelTarget,
  name: z.string(),
  category: LabelCategory,
  concept: z.string(),
  sourceKind: z.enum(['import', 'examiner']),
  /** Source URL or text the list gives (imported), '' for own labels. */
  source: z.string(),
  listTitle: z.string(),
  /** The evidence file the label was read from, and further files that state the same label. */
  evidence: LabelSourceRef.nullable(),
  alsoIn: z.array(LabelSourceRef),
  confidenceId: z.string(),
  confidence: z.number().int(),
  note: z.string(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actor: z.string().nullable(),
  tagType: z.string().nullable(),
  isPublic: z.boolean().nullable(),
  context: z.string().nullable(),
  sdnName: z.string().nullable(),
  sdnProgram: z.string().nullable(),
  sdnUid: z.string().nullable()
})
export type Label = z.infer<typeof Label>

export const LabelQuery = z
  .object({
    caseId: CaseId,
    search: Text(300).optional(),
    category: LabelCategory.optional(),
    /** 'examiner' for own labels, or a list title. */
    source: Text(500).optional(),
    network: z.string().max(32).optional(),
    address: z.string().max(128).optional(),
    entityId: z.number().int().positive().optional(),
    ...Page
  })
  .strict()

const OwnFields = { name: Text(500).min(1), category: LabelCategory, confidenceId: z.string().max(64).default('forensic_investigation'), note: Text(10_000).default('') }

export const LabelSet = z.object({ importId: z.number().int(), sha256: z.string(), file: z.string(), format: z.string(), title: z.string(), creator: z.string(), lastmod: z.string().nullable(), entries: z.number().int(), skipped: z.array(z.string()), importedAt: z.string() })

/** Labels: imported tag sets (read-only facts) and the examiner's own labels (audited edits). */
export const labelsArea = {
  'labels.list': { input: LabelQuery, output: z.object({ total: z.number().int(), labels: z.array(Label) }), mutates: false },
  'labels.sources': { input: z.object({ caseId: CaseId }).strict(), output: z.object({ sources: z.array(z.object({ source: z.string(), count: z.number().int() })), sets: z.array(LabelSet) }), mutates: false },
  'labels.add': {
    input: z
      .object({ caseId: CaseId, target: z.union([z.object({ network: z.string().min(1).max(32), address: z.string().min(1).max(128) }).strict(), z.object({ entityId: z.number().int().positive() }).strict()]), ...OwnFields })
      .strict(),
    output: Label,
    mutates: true
  },
  'labels.update': {
    input: z.object({ caseId: CaseId, labelId: z.number().int().positive(), name: OwnFields.name.optional(), category: LabelCategory.optional(), confidenceId: z.string().max(64).optional(), note: Text(10_000).optional() }).strict(),
    output: Label,
    mutates: true
  },
  'labels.remove': { input: z.object({ caseId: CaseId, labelId: z.number().int().positive() }).strict(), output: z.object({ removed: Label }), mutates: true },
  'labels.import': {
    input: z.object({ caseId: CaseId, files: z.array(StagedFile).min(1).max(100), format: z.string().max(64).optional(), skipInvalid: z.boolean().default(false), dryRun: z.boolean().default(false) }).strict(),
    output: z.object({ results: z.array(FileImportResult) }),
    mutates: true
  },
  'labels.starter': {
    input: z.object({ caseId: CaseId, dryRun: z.boolean().default(false) }).strict(),
    output: z.object({ results: z.array(FileImportResult) }),
    mutates: true
  }
} as const

export const ScreenHit = z.object({
  network: z.string(),
  address: z.string(),
  display: z.string(),
  /** Worst category among the address's labels (what the hit is sorted by). */
  category: LabelCategory,
  severity: z.number().int(),
  labels: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      category: LabelCategory,
      source: z.string(),
      sourceRef: z.string(),
      evidenceSha256: z.string().nullable(),
      locator: z.string().nullable(),
      confidence: z.number().int().nullable(),
      sdnName: z.string().nullable(),
      sdnProgram: z.string().nullable(),
      viaEntity: z.string().nullable()
    })
  ),
  /** Hops of funds from the case's subject to the hit (see core/attribution/screen.ts); null until a trace engine registers a path finder. */
  path: z.array(z.object({ network: z.string(), txid: z.string(), from: z.string(), to: z.string(), asset: z.string(), amount: z.string() })).nullable()
})
export type ScreenHit = z.infer<typeof ScreenHit>

/** Screening every address of the case against every label. */
export const screenArea = {
  'screen.run': {
    /** `limit` bounds the hits returned (most severe first); totalHits and byCategory always count them all. */
    input: z.object({ caseId: CaseId, limit: z.number().int().min(1).max(1_000_000).default(10_000) }).strict(),
    output: z.object({ addressesChecked: z.number().int(), labelsChecked: z.number().int(), totalHits: z.number().int(), hits: z.array(ScreenHit), byCategory: z.record(z.string(), z.number().int()) }),
    mutates: false
  }
} as const
