import { ApiError } from '../../../shared/api/errors'

/** A message fit to show for anything a call threw. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message
  if (e instanceof Error) return e.message
  return String(e)
}

/**
 * Per-field messages from a BAD_INPUT error (its details are the contract's zod issues), keyed by the field
 * name after `prefix` (e.g. prefix ['patch'] for cases.update). Returns {} for other errors.
 */
export function fieldErrors(e: unknown, prefix: string[] = []): Record<string, string> {
  const out: Record<string, string> = {}
  if (!(e instanceof ApiError) || e.code !== 'BAD_INPUT' || !Array.isArray(e.details)) return out
  for (const issue of e.details as Array<{ path?: unknown[]; message?: string }>) {
    const path = (issue.path ?? []).map(String)
    if (prefix.some((p, i) => path[i] !== p)) continue
    const field = path[prefix.length]
    if (field && !out[field]) out[field] = issue.message ?? 'invalid'
  }
  return out
}
