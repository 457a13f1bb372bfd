import type { Migration } from './index'

/**
 * Case metadata, evidence locker records, the append-only audit chain, and the generic provenance tables every
 * importer shares (one row per import, extra sources of a fact, and conflicts between sources).
 * FROZEN: a v1 case file in test/fixtures was made by this migration; never edit it, add a new one.
 */
export const m0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE case_meta (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        id TEXT NOT NULL,
        title TEXT NOT NULL,
        case_number TEXT NOT NULL,
        agency TEXT NOT NULL DEFAULT '',
        examiner TEXT NOT NULL,
        jurisdiction TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        created_by_version TEXT NOT NULL,
        audit_head_seq INTEGER NOT NULL DEFAULT 0,
        audit_head_hash TEXT NOT NULL DEFAULT ''
      );

      CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        original_name TEXT NOT NULL,
        original_path TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        received_at TEXT NOT NULL,
        examiner TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        source_mtime TEXT
      );

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        time TEXT NOT NULL,
        examiner TEXT NOT NULL,
        action TEXT NOT NULL,
        details TEXT NOT NULL,
        context TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        format TEXT NOT NULL,
        parser_version TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        examiner TEXT NOT NULL,
        summary TEXT NOT NULL DEFAULT '{}'
      );

      -- Further sources of a fact already stored (the first source sits on the row itself).
      CREATE TABLE record_sources (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        locator TEXT NOT NULL,
        import_id INTEGER NOT NULL REFERENCES imports(id),
        PRIMARY KEY (kind, key, evidence_id, locator)
      ) WITHOUT ROWID;

      -- Two sources disagree on a fact: both are kept, never overwritten.
      CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        field TEXT NOT NULL,
        existing_value TEXT,
        existing_evidence_id INTEGER REFERENCES evidence(id),
        existing_locator TEXT,
        new_value TEXT,
        new_evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        new_locator TEXT NOT NULL,
        import_id INTEGER NOT NULL REFERENCES imports(id)
      );
      CREATE INDEX conflicts_by_key ON conflicts(kind, key);
    `)
  }
}
