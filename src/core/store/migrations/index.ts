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
import { m0010 } from './0010-btc-tx-key'

/** A numbered schema step. `up` runs inside the migration transaction. */
export interface Migration {
  version: number
  name: string
  /**
   * The step rebuilds a table other tables refer to (create, copy, drop, rename): these are the tables that
   * refer to it. Foreign keys are then off while it runs, as SQLite's procedure for such changes requires
   * (dropping the old table would otherwise count its children as orphans), and these tables' references are
   * checked before the step commits.
   */
  rebuildsParentOf?: readonly string[]
  up(db: Db): void
}

/** All migrations in order. Append new ones; never edit or renumber a released one. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010]

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
    // PRAGMA foreign_keys cannot change inside a transaction: it is set around it.
    if (m.rebuildsParentOf) db.pragma('foreign_keys = OFF')
    try {
      db.transaction(() => {
        m.up(db)
        for (const child of m.rebuildsParentOf ?? []) {
          // Names come from the migration itself, never from input.
          const broken = db.pragma('foreign_key_check("' + child + '")') as unknown[]
          if (broken.length) throw new Error(`migration ${m.version} (${m.name}): ${broken.length} foreign key reference(s) would break; the case was left as it was`)
        }
        db.pragma(`user_version = ${m.version}`)
      }).immediate()
    } finally {
      if (m.rebuildsParentOf) db.pragma('foreign_keys = ON')
    }
  }
  return { from, to: SCHEMA_VERSION }
}
