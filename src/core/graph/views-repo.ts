import { GraphState, type GraphView } from '../../shared/api/areas/graph'
import { ApiError } from '../../shared/api/errors'
import type { CaseHandle } from '../case/case-folder'
import type { Db } from '../store/db'
import { mutate } from '../store/unit-of-work'
import { nowIso } from '../util/clock'

interface ViewRow {
  id: number
  name: string
  note: string
  state: string
  author: string
  created_at: string
  updated_at: string
}

function toView(r: ViewRow): GraphView {
  return { id: r.id, name: r.name, note: r.note, state: GraphState.parse(JSON.parse(r.state)), author: r.author, createdAt: r.created_at, updatedAt: r.updated_at }
}

/** One saved view by id. */
export function getView(db: Db, id: number): GraphView {
  const r = db.prepare('SELECT * FROM graph_views WHERE id = ?').get(id) as ViewRow | undefined
  if (!r) throw new ApiError('NOT_FOUND', `no saved view ${id} in this case`)
  return toView(r)
}

/** One saved view by exact name. */
export function viewByName(db: Db, name: string): GraphView {
  const r = db.prepare('SELECT * FROM graph_views WHERE name = ?').get(name) as ViewRow | undefined
  if (!r) throw new ApiError('NOT_FOUND', `no saved view named ${JSON.stringify(name)} in this case`)
  return toView(r)
}

/** Every saved view, by name. */
export function listViews(db: Db): GraphView[] {
  return (db.prepare('SELECT * FROM graph_views ORDER BY name, id').all() as ViewRow[]).map(toView)
}

/** Create or replace a view (audited with the state it holds). A duplicate name is a clear error. */
export function saveView(c: CaseHandle, author: string, v: { viewId?: number; name: string; note: string; state: GraphState }): GraphView {
  const clash = c.db.prepare('SELECT id FROM graph_views WHERE name = ?').get(v.name) as { id: number } | undefined
  if (clash && clash.id !== v.viewId) throw new ApiError('CONFLICT', `a view named ${JSON.stringify(v.name)} already exists; choose another name or overwrite that view`)
  const json = JSON.stringify(v.state)
  return mutate(c, author, v.viewId ? 'graph.view-updated' : 'graph.view-saved', () => {
    const now = nowIso()
    let id = v.viewId
    if (id) {
      getView(c.db, id)
      c.db.prepare('UPDATE graph_views SET name = ?, note = ?, state = ?, updated_at = ? WHERE id = ?').run(v.name, v.note, json, now, id)
    } else {
      id = Number(c.db.prepare('INSERT INTO graph_views (name, note, state, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(v.name, v.note, json, author, now, now).lastInsertRowid)
    }
    return { result: getView(c.db, id), details: { viewId: id, name: v.name, nodes: v.state.nodes.length, state: v.state } }
  }).result
}

/** Delete a view (audited with what it held). */
export function deleteView(c: CaseHandle, author: string, id: number): number {
  return mutate(c, author, 'graph.view-deleted', () => {
    const before = getView(c.db, id)
    return { result: c.db.prepare('DELETE FROM graph_views WHERE id = ?').run(id).changes, details: { viewId: id, name: before.name, state: before.state } }
  }).result
}

/** Annotation per node/edge id. */
export function annotationMap(db: Db): Map<string, string> {
  return new Map((db.prepare('SELECT target, note FROM graph_annotations').all() as { target: string; note: string }[]).map((r) => [r.target, r.note]))
}

/** Every annotation with its author. */
export function listAnnotations(db: Db): { target: string; note: string; author: string; updatedAt: string }[] {
  return (db.prepare('SELECT target, note, author, updated_at FROM graph_annotations ORDER BY target').all() as { target: string; note: string; author: string; updated_at: string }[]).map((r) => ({
    target: r.target,
    note: r.note,
    author: r.author,
    updatedAt: r.updated_at
  }))
}

/** Set (or with an empty note, remove) the annotation of a node or edge; audited with before and after. */
export function annotate(c: CaseHandle, author: string, target: string, note: string): { target: string; note: string; author: string; updatedAt: string } {
  return mutate(c, author, 'graph.annotated', () => {
    const before = (c.db.prepare('SELECT note FROM graph_annotations WHERE target = ?').get(target) as { note: string } | undefined)?.note ?? null
    const now = nowIso()
    if (note === '') c.db.prepare('DELETE FROM graph_annotations WHERE target = ?').run(target)
    else c.db.prepare('INSERT INTO graph_annotations (target, note, author, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(target) DO UPDATE SET note = excluded.note, author = excluded.author, updated_at = excluded.updated_at').run(target, note, author, now)
    return { result: { target, note, author, updatedAt: now }, details: { target, before, after: note || null } }
  }).result
}
