import { z } from 'zod'
import { CaseId, Empty, Text } from './common'

export const CaseMeta = z.object({
  id: CaseId,
  title: z.string(),
  caseNumber: z.string(),
  agency: z.string(),
  examiner: z.string(),
  jurisdiction: z.string(),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  schemaVersion: z.number().int()
})
export type CaseMeta = z.infer<typeof CaseMeta>

export const CaseSummary = CaseMeta.extend({
  folder: z.string(),
  evidenceCount: z.number().int(),
  auditCount: z.number().int(),
  readOnly: z.boolean()
})
export type CaseSummary = z.infer<typeof CaseSummary>

const Editable = {
  title: Text(300).min(1, 'a title is required'),
  caseNumber: Text(100).min(1, 'a case number is required'),
  examiner: Text(200).min(1, 'an examiner is required'),
  agency: Text(300).optional(),
  jurisdiction: Text(300).optional(),
  notes: Text(100_000).optional()
}

/** Case library and case metadata. */
export const casesArea = {
  'cases.library': {
    input: Empty,
    output: z.object({ root: z.string(), cases: z.array(CaseSummary), unreadable: z.array(z.object({ folder: z.string(), reason: z.string() })) }),
    mutates: false
  },
  'cases.create': {
    input: z.object(Editable).strict(),
    output: CaseSummary,
    mutates: true
  },
  'cases.info': { input: z.object({ caseId: CaseId }).strict(), output: CaseSummary, mutates: false },
  'cases.update': {
    input: z.object({ caseId: CaseId, patch: z.object({ ...Editable, title: Editable.title.optional(), caseNumber: Editable.caseNumber.optional(), examiner: Editable.examiner.optional() }).strict() }).strict(),
    output: CaseSummary,
    mutates: true
  }
} as const
