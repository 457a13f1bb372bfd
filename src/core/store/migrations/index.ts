import type { Db } from '../db'
import { ApiError } from '../../../shared/api/errors'
import { m0001 } from './0001-initial'
import { m0002 } from './0002-entities'
import { m0003 } from './0003-utxo'
import { m0004 } from './0004-accounts'
import { m0005 } from './0005-labels'
import { m0006 } from './0006-workspace'
import { m0007 } from './0007-acct-bulk'
import { m0008 } from './0008-btc-compact'
import { m0009 } from './0009-acct-narrow'

/** A numbered schema step. `up` runs inside the migration transaction. */
export interface Migration {
  version: number
  name: string
  up(db: Db): void
}

/** All migrations in order. Append new ones; never edit or renumber a released one. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009]

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version

/** Current PRAGMA user_version of a database. */
export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }))
}

/**
 * Bring a case database up to SCHEMA_VERSION, one transaction per step. A case made by a newer Chaintrail is
 * refused (opening it could misread tables this build does not know).
 */
export function migrate(db: Db): { from: number; to: number } {
  const from = schemaVersion(db)
  if (from > SCHEMA_VERSION) {
    throw new ApiError('UNSUPPORTED', `this case was written by a newer Chaintrail (schema ${from}; this build knows up to ${SCHEMA_VERSION})`)
  }
  for (const m of MIGRATIONS) {
    if (m.version <= from) continue
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }).immediate()
  }
  return { from, to: SCHEMA_VERSION }
}
