import type { Migration } from './index'

/**
 * The investigation workspace: saved graph views ("exhibits") and annotations on graph nodes and edges. A view
 * stores only its state (which nodes, positions, filters); the figures are always rebuilt from the evidence.
 */
export const m0006: Migration = {
  version: 6,
  name: 'workspace',
  up(db) {
    db.exec(`
      CREATE TABLE graph_views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        note TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE graph_annotations (
        target TEXT PRIMARY KEY,
        note TEXT NOT NULL,
        author TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `)
  }
}
