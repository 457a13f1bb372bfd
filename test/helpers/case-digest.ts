import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'

/**
 * Per-table row counts and content digests of a case database (rows ordered by every column, so the digest does
 * not depend on physical order). Used to prove "the case is exactly as before" after a refused import or a crash.
 */
export function caseDigest(db: Database.Database): Record<string, string> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
  const out: Record<string, string> = {}
  for (const t of tables) {
    if (!/^[a-z_0-9]+$/.test(t)) throw new Error(`unexpected table name ${t}`)
    const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').all(t) as { name: string }[]).map((c) => c.name)
    const sql = 'SELECT * FROM ' + t + ' ORDER BY ' + cols.map((_, i) => String(i + 1)).join(', ')
    const rows = db.prepare(sql).safeIntegers(true).raw(true).all() as unknown[][]
    const h = createHash('sha256')
    for (const r of rows) h.update(JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) + '\n')
    out[t] = `${rows.length}:${h.digest('hex').slice(0, 16)}`
  }
  return out
}
