import type { GraphState } from '../../shared/api/areas/graph'
import type { Db } from '../store/db'
import { buildModel } from './model-build'
import type { Model } from './model'

// The last few models built, so clicking a node or flow after graph.build does not rebuild a large view.
// Keyed by the case's last-change stamp (every audited write touches it) plus the view's state.
const cache = new Map<string, { db: Db; model: Model }>()
const MAX = 3

/** buildModel with a small cache; any write to the case (import, entity, note) invalidates by key. */
export function cachedModel(db: Db, state: GraphState): Model {
  const stamp = (db.prepare('SELECT updated_at FROM case_meta WHERE singleton = 1').get() as { updated_at: string } | undefined)?.updated_at ?? ''
  const { positions: _p, layout: _l, ...rest } = state
  const key = `${db.name}\u0000${stamp}\u0000${JSON.stringify(rest)}`
  const hit = cache.get(key)
  if (hit && hit.db === db) {
    cache.delete(key)
    cache.set(key, hit)
    return hit.model
  }
  const model = buildModel(db, state)
  cache.set(key, { db, model })
  while (cache.size > MAX) cache.delete(cache.keys().next().value!)
  return model
}
