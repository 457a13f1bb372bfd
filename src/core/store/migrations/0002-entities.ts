import type { Migration } from './index'

/**
 * Entities: named groups of addresses (made by hand, or proposed by a clustering heuristic and accepted).
 * Clusters are derived, never primary facts, so every membership records how it was made and by whom.
 */
export const m0002: Migration = {
  version: 2,
  name: 'entities',
  up(db) {
    db.exec(`
      CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('manual', 'cluster')),
        note TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE entity_members (
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        network TEXT NOT NULL,
        address TEXT NOT NULL,
        method TEXT NOT NULL,
        author TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (entity_id, network, address)
      ) WITHOUT ROWID;
      CREATE INDEX entity_members_by_address ON entity_members(network, address);
    `)
  }
}
