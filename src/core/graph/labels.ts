import { labelsForAddresses, type LabelSummary } from '../attribution/label-lookup'
import type { Db } from '../store/db'

/** A function that finds labels for addresses, keyed by addressKey (`network:address`). */
export type LabelSource = (db: Db, refs: { network: string; address: string }[]) => Map<string, LabelSummary[]>

// The attribution area's lookup is the product source; tests and the fixture dev host may add another
// (a test double's labels) without touching the labels tables that area owns.
const sources: LabelSource[] = [labelsForAddresses]

/** Add a label source (test doubles only; the product reads labelsForAddresses). */
export function registerLabelSource(s: LabelSource): void {
  if (!sources.includes(s)) sources.push(s)
}

/** Labels for these addresses from every source, best (sanctioned, then most confident) first. */
export function graphLabels(db: Db, refs: { network: string; address: string }[]): Map<string, LabelSummary[]> {
  const out = new Map<string, LabelSummary[]>()
  for (const s of sources) {
    for (const [k, v] of s(db, refs)) out.set(k, [...(out.get(k) ?? []), ...v])
  }
  for (const v of out.values()) v.sort((a, b) => Number(b.sanctioned) - Number(a.sanctioned) || (b.confidence ?? 0) - (a.confidence ?? 0))
  return out
}
