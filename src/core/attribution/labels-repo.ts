import type { Label } from '../../shared/api/areas/labels'
import { ApiError } from '../../shared/api/errors'
import { addressCheckMarker } from '../../shared/domain/label-networks'
import { CONFIDENCE_LEVELS, isLabelCategory, type LabelCategory } from '../../shared/domain/labels'
import { NETWORKS } from '../../shared/domain/networks'
import type { CaseHandle } from '../case/case-folder'
import { normalizeAddress } from '../chains/address'
import type { Db } from '../store/db'
import { mutate } from '../store/unit-of-work'
import { nowIso } from '../util/clock'
import { addrHash } from './addr-hash'
import { resolveLabelAddress } from './label-address'

interface LabelRow {
  id: number
  network: string | null
  address: string | null
  address_text: string | null
  address_check: string | null
  tx_hash: string | null
  entity_id: number | null
  entity_name: string | null
  name: string
  category: LabelCategory
  concept: string
  source_kind: 'import' | 'examiner'
  source: string
  list_title: string
  sha256: string | null
  file: string | null
  locator: string | null
  confidence_id: string
  confidence: number
  note: string
  author: string
  created_at: string
  updated_at: string
  actor: string | null
  tag_type: string | null
  is_public: number | null
  context: string | null
  sdn_name: string | null
  sdn_program: string | null
  sdn_uid: string | null
}

const SELECT = `SELECT l.*, e.sha256, e.original_name AS file, en.name AS entity_name
  FROM labels l LEFT JOIN evidence e ON e.id = l.evidence_id LEFT JOIN entities en ON en.id = l.entity_id`

function display(network: string, canonical: string): string {
  if (!NETWORKS.has(network)) return canonical
  try {
    return normalizeAddress(canonical, network).display
  } catch {
    return canonical
  }
}

function toLabel(db: Db, r: LabelRow): Label {
  const alsoIn = (
    db
      .prepare("SELECT e.sha256, e.original_name AS file, s.locator FROM record_sources s JOIN evidence e ON e.id = s.evidence_id WHERE s.kind = 'label' AND s.key = ? ORDER BY s.evidence_id, s.locator")
      .all(String(r.id)) as { sha256: string; file: string; locator: string }[]
  ).map((x) => ({ sha256: x.sha256, file: x.file, locator: x.locator }))
  const target: Label['target'] =
    r.address !== null
      ? { kind: 'address', network: r.network!, address: r.address, display: display(r.network!, r.address), addressText: r.address_text ?? r.address, check: r.address_check!, marker: addressCheckMarker(r.address_check!) }
      : r.entity_id !== null
        ? { kind: 'entity', entityId: r.entity_id, entityName: r.entity_name ?? '' }
        : { kind: 'tx', network: r.network!, txHash: r.tx_hash! }
  return {
    id: r.id,
    target,
    name: r.name,
    category: r.category,
    concept: r.concept,
    sourceKind: r.source_kind,
    source: r.source,
    listTitle: r.list_title,
    evidence: r.sha256 ? { sha256: r.sha256, file: r.file ?? '', locator: r.locator ?? '' } : null,
    alsoIn,
    confidenceId: r.confidence_id,
    confidence: r.confidence,
    note: r.note,
    author: r.author,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    actor: r.actor,
    tagType: r.tag_type,
    isPublic: r.is_public === null ? null : r.is_public === 1,
    context: r.context,
    sdnName: r.sdn_name,
    sdnProgram: r.sdn_program,
    sdnUid: r.sdn_uid
  }
}

/** One label by id. */
export function getLabel(db: Db, id: number): Label {
  const r = db.prepare(SELECT + ' WHERE l.id = ?').get(id) as LabelRow | undefined
  if (!r) throw new ApiError('NOT_FOUND', `no label ${id} in this case`)
  return toLabel(db, r)
}

/** Escape LIKE wildcards so a search for "50%" finds that text. */
function likeText(s: string): string {
  return '%' + s.replace(/[\\%_]/g, (c) => '\\' + c) + '%'
}

/** Filters of the Labels view and `label list`. */
export interface LabelFilter {
  search?: string
  category?: string
  source?: string
  network?: string
  address?: string
  entityId?: number
  offset: number
  limit: number
}

/**
 * Labels matching a filter, most severe category first. An address filter is validated for its network and
 * matched in canonical form, and also returns labels on entities holding that address.
 */
export function listLabels(db: Db, f: LabelFilter): { total: number; labels: Label[] } {
  const where: string[] = []
  const args: unknown[] = []
  if (f.search) {
    where.push("(l.name LIKE ? ESCAPE '\\' OR l.address LIKE ? ESCAPE '\\' OR l.address_text LIKE ? ESCAPE '\\' OR l.note LIKE ? ESCAPE '\\' OR l.sdn_name LIKE ? ESCAPE '\\')")
    const s = likeText(f.search)
    args.push(s, s.toLowerCase(), s, s, s)
  }
  if (f.category) {
    where.push('l.category = ?')
    args.push(f.category)
  }
  if (f.source === 'examiner') where.push("l.source_kind = 'examiner'")
  else if (f.source) {
    where.push('l.list_title = ?')
    args.push(f.source)
  }
  if (f.network && !f.address) {
    where.push('l.network = ?')
    args.push(f.network)
  }
  if (f.address) {
    if (!f.network) throw new ApiError('BAD_INPUT', 'an address filter needs its network')
    const canon = resolveLabelAddress(f.address, f.network).canonical
    where.push('((l.network = ? AND l.address = ?) OR l.entity_id IN (SELECT entity_id FROM entity_members WHERE network = ? AND address = ?))')
    args.push(f.network, canon, f.network, canon)
  }
  if (f.entityId) {
    where.push('l.entity_id = ?')
    args.push(f.entityId)
  }
  const w = where.length ? ' WHERE ' + where.join(' AND ') : ''
  const total = (db.prepare('SELECT count(*) AS n FROM labels l' + w).get(...args) as { n: number }).n
  const order = " ORDER BY CASE l.category WHEN 'sanctioned' THEN 0 WHEN 'theft_hack' THEN 1 WHEN 'ransomware' THEN 2 WHEN 'darknet_market' THEN 3 WHEN 'mixer' THEN 4 WHEN 'scam' THEN 5 ELSE 6 END, l.address, l.id LIMIT ? OFFSET ?"
  const rows = db.prepare(SELECT + w + order).all(...args, f.limit, f.offset) as LabelRow[]
  return { total, labels: rows.map((r) => toLabel(db, r)) }
}

function confidenceOf(id: string): number {
  if (!Object.prototype.hasOwnProperty.call(CONFIDENCE_LEVELS, id)) throw new ApiError('BAD_INPUT', `unknown confidence "${id}"; known: ${Object.keys(CONFIDENCE_LEVELS).join(', ')}`)
  return CONFIDENCE_LEVELS[id]
}

/** An examiner's own label on an address or an entity (audited). */
export function addLabel(
  c: CaseHandle,
  author: string,
  i: { target: { network: string; address: string } | { entityId: number }; name: string; category: string; confidenceId: string; note: string }
): Label {
  if (!isLabelCategory(i.category)) throw new ApiError('BAD_INPUT', `unknown category "${i.category}"`)
  const level = confidenceOf(i.confidenceId)
  const addr = 'address' in i.target ? resolveLabelAddress(i.target.address, i.target.network) : undefined
  const entityId = 'entityId' in i.target ? i.target.entityId : null
  return mutate(c, author, 'label.added', () => {
    if (entityId !== null && !c.db.prepare('SELECT 1 FROM entities WHERE id = ?').get(entityId)) throw new ApiError('NOT_FOUND', `no entity ${entityId} in this case`)
    const now = nowIso()
    const id = Number(
      c.db
        .prepare(
          `INSERT INTO labels (network, address, addr_hash, address_text, address_check, entity_id, name, category, source_kind, confidence_id, confidence, note, author, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'examiner', ?, ?, ?, ?, ?, ?)`
        )
        .run(addr?.network ?? null, addr?.canonical ?? null, addr ? addrHash(addr.network, addr.canonical) : null, 'address' in i.target ? i.target.address : null, addr?.check ?? null, entityId, i.name, i.category, i.confidenceId, level, i.note, author, now, now).lastInsertRowid
    )
    const label = getLabel(c.db, id)
    return { result: label, details: { labelId: id, label: auditView(label) } }
  }).result
}

function auditView(l: Label): unknown {
  return { target: l.target, name: l.name, category: l.category, confidenceId: l.confidenceId, note: l.note, author: l.author }
}

function ownLabel(db: Db, id: number): Label {
  const l = getLabel(db, id)
  if (l.sourceKind !== 'examiner') throw new ApiError('READ_ONLY', `label ${id} was imported from ${l.evidence?.file ?? 'a tag set'} and is a read-only fact; add your own label instead`)
  return l
}

/** Edit an own label (audited with before and after). Imported labels are refused. */
export function updateLabel(c: CaseHandle, author: string, id: number, patch: { name?: string; category?: string; confidenceId?: string; note?: string }): Label {
  if (patch.category !== undefined && !isLabelCategory(patch.category)) throw new ApiError('BAD_INPUT', `unknown category "${patch.category}"`)
  return mutate(c, author, 'label.updated', () => {
    const before = ownLabel(c.db, id)
    const conf = patch.confidenceId ?? before.confidenceId
    c.db
      .prepare('UPDATE labels SET name = ?, category = ?, confidence_id = ?, confidence = ?, note = ?, updated_at = ? WHERE id = ?')
      .run(patch.name ?? before.name, patch.category ?? before.category, conf, confidenceOf(conf), patch.note ?? before.note, nowIso(), id)
    const after = getLabel(c.db, id)
    return { result: after, details: { labelId: id, before: auditView(before), after: auditView(after) } }
  }).result
}

/** Delete an own label; the audit entry keeps everything it said. Imported labels are refused. */
export function removeLabel(c: CaseHandle, author: string, id: number): Label {
  return mutate(c, author, 'label.removed', () => {
    const before = ownLabel(c.db, id)
    c.db.prepare('DELETE FROM labels WHERE id = ?').run(id)
    return { result: before, details: { labelId: id, removed: { ...(auditView(before) as object), createdAt: before.createdAt, updatedAt: before.updatedAt } } }
  }).result
}

/** Sources to filter by (list titles and "examiner") with their label counts, plus the imported tag sets. */
export function labelSources(db: Db): { sources: { source: string; count: number }[] } {
  const rows = db.prepare("SELECT CASE source_kind WHEN 'examiner' THEN 'examiner' ELSE list_title END AS source, count(*) AS count FROM labels GROUP BY 1 ORDER BY 1").all() as { source: string; count: number }[]
  return { sources: rows }
}
