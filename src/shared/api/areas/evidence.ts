import { z } from 'zod'
import { CaseId, Sha256, Text } from './common'

export const EvidenceItem = z.object({
  id: z.number().int(),
  sha256: Sha256,
  originalName: z.string(),
  originalPath: z.string(),
  size: z.number().int(),
  receivedAt: z.string(),
  examiner: z.string(),
  note: z.string(),
  sourceMtime: z.string().nullable(),
  lockerPath: z.string()
})
export type EvidenceItem = z.infer<typeof EvidenceItem>

export const EvidenceVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  problems: z.array(z.object({ sha256: Sha256, originalName: z.string(), problem: z.string() }))
})
export type EvidenceVerifyResult = z.infer<typeof EvidenceVerifyResult>

/** A file the host staged for the core: an upload (dev host) or a path picked in a native dialog (Electron). */
export const StagedFile = z.object({ uploadId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict()

/** The evidence locker. */
export const evidenceArea = {
  'evidence.list': { input: z.object({ caseId: CaseId }).strict(), output: z.array(EvidenceItem), mutates: false },
  'evidence.add': {
    input: z.object({ caseId: CaseId, file: StagedFile, note: Text(2000).optional() }).strict(),
    output: z.object({ item: EvidenceItem, duplicate: z.boolean() }),
    mutates: true
  },
  'evidence.verify': { input: z.object({ caseId: CaseId }).strict(), output: EvidenceVerifyResult, mutates: false }
} as const
