import type { AddressRef, Entity } from '../../shared/api/areas/entities'
import { ApiError } from '../../shared/api/errors'
import { normalizeAddress } from '../chains/address'
import type { CaseHandle } from '../case/case-folder'
import type { Db } from '../store/db'
import { mutate } from '../store/unit-of-work'
import { nowIso } from '../util/clock'

interface EntityRow {
  id: number
  name: string
  kind: 'manual' | 'cluster'
  note: string
  author: string
  created_at: string
  updated_at: string
}

interface MemberRow {
  network: string
  address: string
  method: string
  author: string
  added_at: string
}

/** Read one entity with its members. */
export function getEntity(db: Db, id: number): Entity {
  const r = db.prepare('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined
  if (!r) throw new ApiError('NOT_FOUND', `no entity ${id} in this case`)
  const members = (db.prepare('SELECT network, address, method, author, added_at FROM entity_members WHERE entity_id = ? ORDER BY network, address').all(id) as MemberRow[]).map((m) => ({
    network: m.network,
    address: m.address,
    method: m.method,
    author: m.author,
    addedAt: m.added_at
  }))
  return { id: r.id, name: r.name, kind: r.kind, note: r.note, author: r.author, createdAt: r.created_at, updatedAt: r.updated_at, members }
}

/** All entities, by name. */
export function listEntities(db: Db): Entity[] {
  return (db.prepare('SELECT id FROM entities ORDER BY name, id').all() as { id: number }[]).map((r) => getEntity(db, r.id))
}

/** Canonical form of each member address; an invalid one is an error naming it. */
function canonicalMembers(members: AddressRef[]): AddressRef[] {
  return members.map((m) => ({ network: m.network, address: normalizeAddress(m.address, m.network).canonical }))
}

function insertMembers(db: Db, entityId: number, members: AddressRef[], method: string, author: string): number {
  const ins = db.prepare('INSERT OR IGNORE INTO entity_members (entity_id, network, address, method, author, added_at) VALUES (?, ?, ?, ?, ?, ?)')
  const now = nowIso()
  let n = 0
  for (const m of members) n += ins.run(entityId, m.network, m.address, method, author, now).changes
  return n
}

/** Create an entity with its members (audited). */
export function createEntity(c: CaseHandle, author: string, e: { name: string; note?: string; kind: 'manual' | 'cluster'; method: string; members: AddressRef[] }): Entity {
  const members = canonicalMembers(e.members)
  return mutate(c, author, 'entity.created', () => {
    const now = nowIso()
    const id = Number(c.db.prepare('INSERT INTO entities (name, kind, note, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(e.name, e.kind, e.note ?? '', author, now, now).lastInsertRowid)
    insertMembers(c.db, id, members, e.method, author)
    return { result: getEntity(c.db, id), details: { entityId: id, name: e.name, kind: e.kind, method: e.method, members } }
  }).result
}

/** Rename or re-note an entity (audited with before/after). */
export function updateEntity(c: CaseHandle, author: string, id: number, patch: { name?: string; note?: string }): Entity {
  return mutate(c, author, 'entity.updated', () => {
    const before = getEntity(c.db, id)
    c.db.prepare('UPDATE entities SET name = ?, note = ?, updated_at = ? WHERE id = ?').run(patch.name ?? before.name, patch.note ?? before.note, nowIso(), id)
    return { result: getEntity(c.db, id), details: { entityId: id, before: { name: before.name, note: before.note }, after: patch } }
  }).result
}

/** Add members (audited). */
export function addEntityMembers(c: CaseHandle, author: string, id: number, members: AddressRef[], method: string): Entity {
  const canon = canonicalMembers(members)
  return mutate(c, author, 'entity.members-added', () => {
    getEntity(c.db, id)
    const added = insertMembers(c.db, id, canon, method, author)
    c.db.prepare('UPDATE entities SET updated_at = ? WHERE id = ?').run(nowIso(), id)
    return { result: getEntity(c.db, id), details: { entityId: id, method, added, members: canon } }
  }).result
}

/** Remove members (audited). */
export function removeEntityMembers(c: CaseHandle, author: string, id: number, members: AddressRef[]): Entity {
  const canon = canonicalMembers(members)
  return mutate(c, author, 'entity.members-removed', () => {
    getEntity(c.db, id)
    const del = c.db.prepare('DELETE FROM entity_members WHERE entity_id = ? AND network = ? AND address = ?')
    let removed = 0
    for (const m of canon) removed += del.run(id, m.network, m.address).changes
    c.db.prepare('UPDATE entities SET updated_at = ? WHERE id = ?').run(nowIso(), id)
    return { result: getEntity(c.db, id), details: { entityId: id, removed, members: canon } }
  }).result
}

/** Delete an entity, its memberships and its own labels (audited with what it held and said). */
export function deleteEntity(c: CaseHandle, author: string, id: number): number {
  return mutate(c, author, 'entity.deleted', () => {
    const before = getEntity(c.db, id)
    const labels = c.db.prepare('SELECT id, name, category, confidence_id, note, author, created_at FROM labels WHERE entity_id = ?').all(id)
    const n = c.db.prepare('DELETE FROM entities WHERE id = ?').run(id).changes
    return { result: n, details: { entityId: id, name: before.name, members: before.members.map((m) => ({ network: m.network, address: m.address })), labels } }
  }).result
}
