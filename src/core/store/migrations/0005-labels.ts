import type { Migration } from './index'

/**
 * Labels: names for addresses, entities or transactions. An imported label is a fact read from an evidence file
 * (evidence_id + locator, read-only: triggers refuse UPDATE/DELETE); an examiner's own label names its author and
 * may be edited or deleted (audited, the audit entry keeps what was removed). Labels from different sources are
 * never merged, so conflicting names all stay visible. addr_hash (core/attribution/addr-hash.ts) lets screening hold
 * every labelled address as a small integer.
 */
export const m0005: Migration = {
  version: 5,
  name: 'labels',
  up(db) {
    db.exec(`
      CREATE TABLE label_sets (
        import_id INTEGER PRIMARY KEY REFERENCES imports(id),
        evidence_id INTEGER NOT NULL REFERENCES evidence(id),
        format TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        creator TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        lastmod TEXT,
        entries INTEGER NOT NULL DEFAULT 0,
        skipped TEXT NOT NULL DEFAULT '[]'
      );

      CREATE TABLE labels (
        id INTEGER PRIMARY KEY,
        network TEXT,
        address TEXT,
        address_text TEXT,
        addr_hash INTEGER,
        address_check TEXT CHECK (address_check IN ('valid', 'checksum', 'format', 'none')),
        tx_hash TEXT,
        entity_id INTEGER REFERENCES entities(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('sanctioned', 'theft_hack', 'ransomware', 'darknet_market', 'mixer', 'scam', 'suspect', 'le_seized', 'gambling', 'bridge', 'swap_service', 'defi', 'exchange', 'victim', 'unknown')),
        concept TEXT NOT NULL DEFAULT '',
        source_kind TEXT NOT NULL CHECK (source_kind IN ('import', 'examiner')),
        source TEXT NOT NULL DEFAULT '',
        list_title TEXT NOT NULL DEFAULT '',
        evidence_id INTEGER REFERENCES evidence(id),
        locator TEXT,
        import_id INTEGER REFERENCES imports(id),
        confidence_id TEXT NOT NULL,
        confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
        note TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        actor TEXT,
        tag_type TEXT,
        is_public INTEGER,
        is_cluster_definer INTEGER,
        context TEXT,
        lastmod TEXT,
        sdn_name TEXT,
        sdn_program TEXT,
        sdn_uid TEXT,
        CHECK ((address IS NOT NULL) + (entity_id IS NOT NULL) + (tx_hash IS NOT NULL) = 1),
        CHECK (address IS NULL OR (network IS NOT NULL AND address_check IS NOT NULL AND addr_hash IS NOT NULL)),
        CHECK ((source_kind = 'import') = (evidence_id IS NOT NULL AND locator IS NOT NULL AND import_id IS NOT NULL))
      );
      CREATE INDEX labels_by_address ON labels(address, network);
      CREATE INDEX labels_by_entity ON labels(entity_id) WHERE entity_id IS NOT NULL;
      CREATE UNIQUE INDEX labels_one_per_entry ON labels(evidence_id, locator) WHERE evidence_id IS NOT NULL;
      CREATE TRIGGER labels_imported_read_only BEFORE UPDATE ON labels WHEN OLD.source_kind = 'import'
        BEGIN SELECT RAISE(ABORT, 'imported labels are read-only facts of their evidence file'); END;
      CREATE TRIGGER labels_imported_no_delete BEFORE DELETE ON labels WHEN OLD.source_kind = 'import'
        BEGIN SELECT RAISE(ABORT, 'imported labels are read-only facts of their evidence file'); END;
    `)
  }
}
