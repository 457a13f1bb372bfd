import { z } from 'zod'
import { CaseId, Page } from './common'

export const AuditEntry = z.object({
  seq: z.number().int(),
  time: z.string(),
  examiner: z.string(),
  action: z.string(),
  details: z.unknown(),
  context: z.unknown(),
  prevHash: z.string(),
  hash: z.string()
})
export type AuditEntry = z.infer<typeof AuditEntry>

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  head: z.string().nullable(),
  firstBadSeq: z.number().int().nullable(),
  reason: z.string().nullable()
})
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>

/** The hash-chained audit log (read-only through the contract). */
export const auditArea = {
  'audit.list': {
    input: z.object({ caseId: CaseId, ...Page, newestFirst: z.boolean().default(true) }).strict(),
    output: z.object({ total: z.number().int(), entries: z.array(AuditEntry) }),
    mutates: false
  },
  'audit.verify': { input: z.object({ caseId: CaseId }).strict(), output: AuditVerifyResult, mutates: false }
} as const
