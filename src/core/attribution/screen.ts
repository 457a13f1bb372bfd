import type { ScreenHit } from '../../shared/api/areas/labels'
import { categoryStyle, worstCategory, type LabelCategory } from '../../shared/domain/labels'
import { NETWORKS } from '../../shared/domain/networks'
import { normalizeAddress } from '../chains/address'
import { listProviders } from '../explore/providers'
import type { Db } from '../store/db'
import { addrHash } from './addr-hash'
import { addressKey, labelsForAddresses } from './label-lookup'

/**
 * The hook for "path of funds to the hit": when the trace engine exists it registers a finder that returns the
 * hops from the case's subject addresses to a hit (or null when none is known). Screening stays correct without it.
 */
export type ScreenPathFinder = (db: Db, hit: { network: string; address: string }) => ScreenHit['path']

let pathFinder: ScreenPathFinder | undefined

/** Let the trace engine supply paths to screening hits. */
export function registerScreenPathFinder(f: ScreenPathFinder | undefined): void {
  pathFinder = f
}

/**
 * Every address carrying a label, directly or through an entity, as addrHash integers: a million labelled
 * addresses cost a few MB and no string per row. Matches are candidates that screening confirms exactly.
 */
export function labelledHashes(db: Db): Set<number> {
  const hashes = new Set<number>()
  for (const h of db.prepare('SELECT addr_hash FROM labels WHERE addr_hash IS NOT NULL').pluck().iterate() as Iterable<number>) hashes.add(h)
  for (const [n, a] of db.prepare('SELECT DISTINCT m.network, m.address FROM entity_members m JOIN labels l ON l.entity_id = m.entity_id').raw().iterate() as Iterable<[string, string]>) hashes.add(addrHash(n, a))
  return hashes
}

function display(network: string, address: string): string {
  if (!NETWORKS.has(network)) return address
  try {
    return normalizeAddress(address, network).display
  } catch {
    return address
  }
}

/**
 * Screen every address the case holds (each provider's addressKeys) against every label. Hits are ordered by the
 * worst category among their labels (sanctioned first, then theft/hack, ransomware, darknet, mixer, scam, …),
 * then by address; each hit lists all its labels with their sources, SDN entry name and program.
 */
export function screenCase(db: Db, limit = Infinity): { addressesChecked: number; labelsChecked: number; totalHits: number; hits: ScreenHit[]; byCategory: Record<string, number> } {
  const labelled = labelledHashes(db)
  const hitRefs: { network: string; address: string }[] = []
  const seen = new Set<string>()
  let checked = 0
  for (const p of listProviders()) {
    for (const ref of p.addressKeys(db)) {
      checked++
      if (!labelled.has(addrHash(ref.network, ref.address))) continue
      const k = addressKey(ref.network, ref.address)
      if (!seen.has(k)) {
        seen.add(k)
        hitRefs.push(ref)
      }
    }
  }
  const labels = labelsForAddresses(db, hitRefs)
  const hits: ScreenHit[] = []
  const byCategory: Record<string, number> = {}
  for (const ref of hitRefs) {
    const ls = labels.get(addressKey(ref.network, ref.address)) ?? []
    if (!ls.length) continue
    const category = worstCategory(ls.map((l) => l.category)) as LabelCategory
    byCategory[category] = (byCategory[category] ?? 0) + 1
    hits.push({
      network: ref.network,
      address: ref.address,
      display: display(ref.network, ref.address),
      category,
      severity: categoryStyle(category).severity,
      labels: ls.map((l) => ({ id: l.id, name: l.name, category: l.category as LabelCategory, source: l.source, sourceRef: l.sourceRef, evidenceSha256: l.evidenceSha256, locator: l.locator, confidence: l.confidence, sdnName: l.sdnName, sdnProgram: l.sdnProgram, viaEntity: l.viaEntity })),
      path: pathFinder ? pathFinder(db, ref) : null
    })
  }
  hits.sort((a, b) => a.severity - b.severity || a.network.localeCompare(b.network) || a.address.localeCompare(b.address))
  const labelsChecked = (db.prepare('SELECT count(*) AS n FROM labels').get() as { n: number }).n
  return { addressesChecked: checked, labelsChecked, totalHits: hits.length, hits: hits.slice(0, limit), byCategory }
}
