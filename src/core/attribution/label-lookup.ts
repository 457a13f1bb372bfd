import type { Db } from '../store/db'

/** What the graph, tables and reports need to know about an address's labels. */
export interface LabelSummary {
  name: string
  category: string
  source: string
  confidence: number | null
  sanctioned: boolean
}

/** Key used in lookup maps: `${network}:${canonicalAddress}`. */
export function addressKey(network: string, address: string): string {
  return `${network}:${address}`
}

/**
 * Labels for a set of addresses, keyed by addressKey. This is the seam other areas (graph, tables, reports)
 * call; the attribution area owns the tables behind it. Until a labels table exists it finds nothing.
 */
export function labelsForAddresses(db: Db, refs: { network: string; address: string }[]): Map<string, LabelSummary[]> {
  const out = new Map<string, LabelSummary[]>()
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'labels'").get()
  if (!hasTable || !refs.length) return out
  return out
}
