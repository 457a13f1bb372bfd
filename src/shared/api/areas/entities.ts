import { z } from 'zod'
import { CaseId, Text } from './common'

export const AddressRef = z.object({ network: z.string().min(1).max(32), address: z.string().min(1).max(128) })
export type AddressRef = z.infer<typeof AddressRef>

export const Entity = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['manual', 'cluster']),
  note: z.string(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  members: z.array(AddressRef.extend({ method: z.string(), author: z.string(), addedAt: z.string() }))
})
export type Entity = z.infer<typeof Entity>

const Id = z.object({ caseId: CaseId, entityId: z.number().int().positive() })

/** Entities: named groups of addresses that the graph can collapse into one node. */
export const entitiesArea = {
  'entities.list': { input: z.object({ caseId: CaseId }).strict(), output: z.array(Entity), mutates: false },
  'entities.create': {
    input: z
      .object({ caseId: CaseId, name: Text(300).min(1), note: Text(10_000).optional(), kind: z.enum(['manual', 'cluster']).default('manual'), method: z.string().max(64).default('manual'), members: z.array(AddressRef).max(100_000) })
      .strict(),
    output: Entity,
    mutates: true
  },
  'entities.update': { input: Id.extend({ name: Text(300).min(1).optional(), note: Text(10_000).optional() }).strict(), output: Entity, mutates: true },
  'entities.addMembers': { input: Id.extend({ members: z.array(AddressRef).min(1).max(100_000), method: z.string().max(64).default('manual') }).strict(), output: Entity, mutates: true },
  'entities.removeMembers': { input: Id.extend({ members: z.array(AddressRef).min(1).max(100_000) }).strict(), output: Entity, mutates: true },
  'entities.delete': { input: Id.strict(), output: z.object({ deleted: z.number().int() }), mutates: true }
} as const
