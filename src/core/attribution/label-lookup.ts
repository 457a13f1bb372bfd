import { categoryStyle } from '../../shared/domain/labels'
import type { Db } from '../store/db'

/** What the graph, tables and reports need to know about an address's labels. */
export interface LabelSummary {
  id: number
  name: string
  category: string
  /** Who says so: the list's title for imported labels, `examiner <name>` for own labels. */
  source: string
  /** Source URL/text the list gives (imported labels). */
  sourceRef: string
  evidenceSha256: string | null
  locator: string | null
  confidence: number | null
  sanctioned: boolean
  sdnName: string | null
  sdnProgram: string | null
  /** Set when the label sits on an entity the address belongs to. */
  viaEntity: string | null
}

/** Key used in lookup maps: `${network}:${canonicalAddress}`. */
export function addressKey(network: string, address: string): string {
  return `${network}:${address}`
}

interface Row {
  k: string
  id: number
  name: string
  category: string
  source_kind: string
  source: string
  list_title: string
  author: string
  sha256: string | null
  locator: string | null
  confidence: number
  sdn_name: string | null
  sdn_program: string | null
  entity_name: string | null
}

const CHUNK = 20_000

/**
 * Labels for a set of addresses (canonical form), keyed by addressKey: labels on the address itself and on any
 * entity it belongs to, most severe category first. One query per 20,000 addresses (the keys go in as one JSON
 * parameter and meet the address index), so a graph of 100,000 nodes costs a handful of queries.
 */
export function labelsForAddresses(db: Db, refs: { network: string; address: string }[]): Map<string, LabelSummary[]> {
  const out = new Map<string, LabelSummary[]>()
  if (!refs.length) return out
  const direct = db.prepare(
    `SELECT j.value ->> '$[0]' || ':' || (j.value ->> '$[1]') AS k, l.id, l.name, l.category, l.source_kind, l.source, l.list_title, l.author, e.sha256, l.locator,
            l.confidence, l.sdn_name, l.sdn_program, NULL AS entity_name
       FROM json_each(?) j JOIN labels l ON l.address = j.value ->> '$[1]' AND l.network = j.value ->> '$[0]'
       LEFT JOIN evidence e ON e.id = l.evidence_id
     UNION ALL
     SELECT j.value ->> '$[0]' || ':' || (j.value ->> '$[1]') AS k, l.id, l.name, l.category, l.source_kind, l.source, l.list_title, l.author, NULL, NULL,
            l.confidence, l.sdn_name, l.sdn_program, en.name
       FROM json_each(?) j JOIN entity_members m ON m.network = j.value ->> '$[0]' AND m.address = j.value ->> '$[1]'
       JOIN labels l ON l.entity_id = m.entity_id JOIN entities en ON en.id = m.entity_id`
  )
  for (let i = 0; i < refs.length; i += CHUNK) {
    const keys = JSON.stringify(refs.slice(i, i + CHUNK).map((r) => [r.network, r.address]))
    for (const r of direct.all(keys, keys) as Row[]) {
      const list = out.get(r.k) ?? []
      if (!list.length) out.set(r.k, list)
      list.push(toSummary(r))
    }
  }
  for (const list of out.values()) list.sort(bySeverity)
  return out
}

function bySeverity(a: LabelSummary, b: LabelSummary): number {
  return categoryStyle(a.category).severity - categoryStyle(b.category).severity || (b.confidence ?? 0) - (a.confidence ?? 0) || a.id - b.id
}

function toSummary(r: Row): LabelSummary {
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    source: r.source_kind === 'examiner' ? `examiner ${r.author}` : r.list_title,
    sourceRef: r.source,
    evidenceSha256: r.sha256,
    locator: r.locator,
    confidence: r.confidence,
    sanctioned: r.category === 'sanctioned',
    sdnName: r.sdn_name,
    sdnProgram: r.sdn_program,
    viaEntity: r.entity_name
  }
}
