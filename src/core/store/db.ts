import Database from 'better-sqlite3'
import { ApiError } from '../../shared/api/errors'

export type Db = Database.Database

let nativeBinding: string | undefined

/**
 * Load better-sqlite3's addon from this path instead of its default build. The Electron host passes the
 * Electron-ABI build (build/native/electron/, TOOLCHAIN §10); Node (CLI, tests) never calls this.
 */
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path
}

/** The addon path set by useNativeBinding, if any (a second connection on another thread must load the same one). */
export function nativeBindingPath(): string | undefined {
  return nativeBinding
}

/**
 * Open a case database with the pragmas RELIABILITY D1 requires and read them back: a connection that cannot
 * get WAL + synchronous=FULL + foreign keys is refused for writing rather than used quietly.
 */
export function openDb(file: string, opts: { readOnly?: boolean; create?: boolean } = {}): Db {
  const db = new Database(file, { readonly: !!opts.readOnly, fileMustExist: !opts.create, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    db.pragma('busy_timeout = 5000')
    db.pragma('foreign_keys = ON')
    // New cases use 16 KiB pages (an existing database keeps the size it was made with: SQLite ignores this then).
    // Million-row imports write a quarter of the pages and WAL frames: a 1M-row account import's commit took
    // 0.7 s instead of 1.5–2.3 s, its index rebuilds 20% less CPU.
    if (opts.create && !opts.readOnly) db.pragma('page_size = 16384')
    if (!opts.readOnly) {
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = FULL')
      db.pragma('journal_size_limit = 67108864')
      checkPragmas(db)
    }
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

function checkPragmas(db: Db): void {
  const mode = String(db.pragma('journal_mode', { simple: true })).toLowerCase()
  const sync = Number(db.pragma('synchronous', { simple: true }))
  const fk = Number(db.pragma('foreign_keys', { simple: true }))
  if (mode !== 'wal' || sync !== 2 || fk !== 1) {
    throw new ApiError('IO', `case database refused: pragmas came back journal_mode=${mode} synchronous=${sync} foreign_keys=${fk}`)
  }
}
