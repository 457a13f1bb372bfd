import { createHash } from 'node:crypto'
import type { Db } from '../../src/core/store/db'

/**
 * Per-table row counts and content digests (rows ordered by primary key / rowid): two snapshots compare equal
 * only when the case holds exactly the same data. Used to prove "the case is left exactly as before".
 */
export function tableDigests(db: Db, skip: string[] = []): Record<string, string> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !skip.includes(n))
  const out: Record<string, string> = {}
  for (const t of tables) {
    // Table names come from sqlite_master, not from input; quoting keeps odd names safe.
    const quoted = '"' + t.replace(/"/g, '""') + '"'
    const rows = db.prepare('SELECT * FROM ' + quoted + ' ORDER BY 1, 2').raw().all()
    const h = createHash('sha256')
    for (const r of rows) h.update(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) + '\n')
    out[t] = `${rows.length}:${h.digest('hex').slice(0, 16)}`
  }
  return out
}
