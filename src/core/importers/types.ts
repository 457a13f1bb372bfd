import type { Readable } from 'node:stream'
import type { Db } from '../store/db'

/**
 * Where in its file a record came from: a line (and column) for text formats, a JSON pointer for JSON. Stored
 * with every derived row as the locator text produced by `formatLocator`.
 */
export interface SourceLocation {
  line?: number
  column?: number
  /** RFC 6901 JSON pointer, e.g. "/txs/3/vout/1". */
  pointer?: string
}

/** "line 12", "line 12:4", "/txs/0" or "line 3 /vin/0" — the locator text kept beside each row. */
export function formatLocator(loc: SourceLocation): string {
  const parts: string[] = []
  if (loc.line !== undefined) parts.push(`line ${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`)
  if (loc.pointer !== undefined) parts.push(loc.pointer || '/')
  return parts.join(' ') || 'file'
}

/** A malformed record: the pipeline turns it into `file:line[:column]: message` and rolls everything back. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly loc: SourceLocation = {}
  ) {
    super(message)
    this.name = 'ParseError'
  }
}

/** One normalized record a parser yields; `kind` selects the sink that stores it. */
export interface ImportRecord {
  kind: string
  loc: SourceLocation
  data: unknown
}

/** The bytes an importer reads: always the locker copy, never the analyst's original. */
export interface ImportInput {
  /** Name to show in messages (the original file name). */
  name: string
  size: number
  /** A fresh read stream over the whole file. */
  open(): Readable
}

/** Options the analyst can give an import (forced chain, address the export belongs to, a column mapping…). */
export type ImportOptions = Record<string, unknown>

/** A file format Chaintrail can read. One small module per format under importers/<format>/. */
export interface Importer {
  /** Stable id used with --format, e.g. "esplora-json". */
  id: string
  /** Human name, e.g. "Esplora REST JSON (mempool.space, blockstream.info)". */
  name: string
  /** Bumped whenever the records it yields for the same bytes change (RELIABILITY §2 tool validation). */
  version: string
  /**
   * Confidence 0–100 that `head` (the first 64 KiB) is this format, from content only — never the file name.
   * 0 means "not this format".
   */
  detect(head: Buffer): number
  /** Stream the file into records. Throw ParseError (with a location) on anything malformed. */
  parse(input: ImportInput, opts: ImportOptions): AsyncIterable<ImportRecord>
  /**
   * Optional: the same records as `parse`, in the same order, a batch at a time (the pipeline prefers it; one
   * await per batch instead of per record matters for million-row files).
   */
  parseBatches?(input: ImportInput, opts: ImportOptions): AsyncIterable<ImportRecord[]>
  /**
   * Parse large files in a worker thread while the import stores records (worker-parse.ts). Only for importers
   * whose parse is pure (no state shared with the importing thread) and whose options are plain data.
   */
  parseInWorker?: boolean
  /**
   * Records per worker batch (default 500). Small records want bigger batches: every batch costs a thread
   * wake-up on each side, which on a busy machine can take milliseconds.
   */
  workerBatch?: number
}

/** A conflict between what the case holds and what a new source says. */
export interface ConflictNote {
  kind: string
  key: string
  field: string
  existing: string | null
  incoming: string | null
  existingEvidenceId?: number | null
  existingLocator?: string | null
}

/** What a sink can use while storing a record. */
export interface SinkContext {
  db: Db
  evidenceId: number
  evidenceSha256: string
  importId: number
  /** Locator text of the record being stored. */
  locator: string
  /** Count something for the per-file summary ("transactions.new", "outputs.existing", …). */
  count(name: string, n?: number): void
  /** Record that this fact, already stored from another source, also appears here. */
  addSource(kind: string, key: string): void
  /** Record (and report) a disagreement between sources; nothing is overwritten. */
  conflict(c: ConflictNote): void
  warn(message: string): void
}

/**
 * Stores records of one kind. `endFile` (optional) runs after each file's last record with that file's context,
 * so a sink may buffer or bulk-load a file's records; `finish` runs once per import after all files, inside the
 * same transaction.
 */
export interface Sink {
  kind: string
  store(record: ImportRecord, ctx: SinkContext): void
  endFile?(ctx: SinkContext): void
  finish?(db: Db, ctx: Pick<SinkContext, 'count' | 'warn'>): void
}
