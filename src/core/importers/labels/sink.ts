import { CONFIDENCE_LEVELS } from '../../../shared/domain/labels'
import { addrHash } from '../../attribution/addr-hash'
import { addressKey } from '../../attribution/label-lookup'
import { nowIso } from '../../util/clock'
import type { Sink, SinkContext } from '../types'
import type { LabelEntry, LabelSetInfo } from './entries'

interface ExistingRow {
  id: number
  name: string
  category: string
  evidence_id: number
  locator: string
}

function ensureSet(ctx: SinkContext, info: Partial<LabelSetInfo>): void {
  ctx.db
    .prepare('INSERT OR IGNORE INTO label_sets (import_id, evidence_id, format, title, creator, description, lastmod) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(ctx.importId, ctx.evidenceId, info.format ?? '', info.title ?? '', info.creator ?? '', info.description ?? '', info.lastmod ?? null)
}

/**
 * Store one imported label. The same entry of the same file imported again is recognised by (evidence, locator)
 * and not duplicated. The identical label (target, name, category, source) already read from another file gets
 * that file as a further source (record_sources) instead of a second row; a label from the same list and source
 * that now says something else is a new row plus a recorded conflict — both stay visible.
 */
export function storeImportedLabel(ctx: SinkContext, e: LabelEntry): number | undefined {
  const db = ctx.db
  const t = e.target
  const addr = 'address' in t ? t : undefined
  const tx = 'txHash' in t ? t : undefined
  const same = db
    .prepare(
      `SELECT id, name, category, evidence_id, locator FROM labels
       WHERE source_kind = 'import' AND network = ? AND ((address IS NOT NULL AND address = ?) OR (tx_hash IS NOT NULL AND tx_hash = ?))
         AND lower(source) = lower(?) AND evidence_id <> ?`
    )
    .all(t.network, addr?.address ?? null, tx?.txHash ?? null, e.source, ctx.evidenceId) as ExistingRow[]
  const identical = same.find((r) => r.name.toLowerCase() === e.name.toLowerCase() && r.category === e.category)
  if (identical) {
    ctx.addSource('label', String(identical.id))
    ctx.count('labels.also-in-another-file')
    return identical.id
  }
  const now = nowIso()
  const res = db
    .prepare(
      `INSERT OR IGNORE INTO labels (network, address, addr_hash, address_text, address_check, tx_hash, name, category, concept, source_kind, source, list_title,
         evidence_id, locator, import_id, confidence_id, confidence, note, author, created_at, updated_at, actor, tag_type, is_public, is_cluster_definer,
         context, lastmod, sdn_name, sdn_program, sdn_uid)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      t.network,
      addr?.address ?? null,
      addr ? addrHash(t.network, addr.address) : null,
      addr?.addressText ?? null,
      addr?.check ?? null,
      tx?.txHash ?? null,
      e.name,
      e.category,
      e.concept,
      e.source,
      e.listTitle,
      ctx.evidenceId,
      ctx.locator,
      ctx.importId,
      e.confidenceId,
      CONFIDENCE_LEVELS[e.confidenceId],
      e.note ?? '',
      e.author,
      now,
      now,
      e.actor ?? null,
      e.tagType ?? null,
      e.isPublic === undefined ? null : e.isPublic ? 1 : 0,
      e.isClusterDefiner === undefined ? null : e.isClusterDefiner ? 1 : 0,
      e.context ?? null,
      e.lastmod ?? null,
      e.sdnName ?? null,
      e.sdnProgram ?? null,
      e.sdnUid ?? null
    )
  if (!res.changes) {
    ctx.count('labels.already-imported')
    return undefined
  }
  ctx.count('labels.new')
  db.prepare('UPDATE label_sets SET entries = entries + 1 WHERE import_id = ?').run(ctx.importId)
  const changed = same.find((r) => r.name !== e.name || r.category !== e.category)
  if (changed) {
    ctx.count('labels.changed')
    ctx.conflict({
      kind: 'label',
      key: addressKey(t.network, addr?.address ?? tx!.txHash),
      field: 'name/category',
      existing: `${changed.name} (${changed.category})`,
      incoming: `${e.name} (${e.category})`,
      existingEvidenceId: changed.evidence_id,
      existingLocator: changed.locator
    })
  }
  return Number(res.lastInsertRowid)
}

/** Note a skipped entry on the tag set's record and in the file's summary. */
function storeSkipped(ctx: SinkContext, reason: string): void {
  ctx.db.prepare("UPDATE label_sets SET skipped = json_insert(skipped, '$[#]', ?) WHERE import_id = ?").run(reason, ctx.importId)
  ctx.count('labels.skipped')
  ctx.warn(`skipped ${reason}`)
}

/** Sinks of the tag-set importers (TagPack, OFAC, plain CSV/JSON). */
export const labelSinks: Sink[] = [
  { kind: 'label.set', store: (r, ctx) => ensureSet(ctx, r.data as LabelSetInfo) },
  {
    kind: 'label',
    store: (r, ctx) => {
      ensureSet(ctx, {})
      storeImportedLabel(ctx, r.data as LabelEntry)
    }
  },
  {
    kind: 'label.skipped',
    store: (r, ctx) => {
      ensureSet(ctx, {})
      storeSkipped(ctx, (r.data as { reason: string }).reason)
    }
  },
  { kind: 'label.warning', store: (r, ctx) => ctx.warn((r.data as { message: string }).message) }
]

/** Exposed for the OFAC spill-over join, which stores labels after all files were read. */
export { storeSkipped }
