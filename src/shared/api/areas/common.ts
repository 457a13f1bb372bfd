import { z } from 'zod'

/** A case is addressed by its UUID (stored inside case.sqlite), never by a path from the renderer. */
export const CaseId = z.string().uuid()
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case 64-hex SHA-256')
/** Base-unit amounts cross the contract as decimal integer strings. */
export const Units = z.string().regex(/^-?(0|[1-9][0-9]*)$/, 'an integer amount in base units')
/** A single line of human text with a sane bound. */
export const Text = (max = 2000) => z.string().max(max)
export const Empty = z.object({}).strict()
export const Page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(10000).default(200) }
