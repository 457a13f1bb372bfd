import { closeSync, createReadStream, openSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { ProgressEvent } from '../../shared/api/contract'
import { ApiError, errorCode } from '../../shared/api/errors'
import type { CaseHandle } from '../case/case-folder'
import { abandonEvidence, nameEvidence, recordEvidence, stageEvidence, type PendingEvidence } from '../evidence/receive'
import { AsyncUnit } from '../store/unit-of-work'
import { checkpointInBackground } from '../store/background-checkpoint'
import { nowIso } from '../util/clock'
import { faultPoint } from '../util/fault'
import { detectFormat, importerById, listSinks, sinkFor } from './registry'
import { readHead, rejectNonText } from './sniff'
import { finishParseWorker, parseInWorker, sendCopy, sendParseJob, startParseWorker, stopParseWorker, useParseWorker, type ParseWorker } from './worker-parse'
import { copyMismatch } from '../evidence/locker'
import { formatLocator, ParseError, type ConflictNote, type Importer, type ImportOptions, type ImportRecord, type SinkContext } from './types'

/** A file handed to an import. */
export interface ImportFile {
  path: string
  originalName?: string
  originalPath?: string
  note?: string
}

/** What one file contributed (the CLI's `import --json` and the UI summary print this). */
export interface FileImportResult {
  file: string
  format: string
  formatName: string
  parserVersion: string
  sha256: string
  evidenceAlreadyPresent: boolean
  records: number
  counts: Record<string, number>
  conflicts: ConflictNote[]
  warnings: string[]
}

/** Options of one import call. */
export interface RunImportOptions {
  examiner: string
  format?: string
  options?: ImportOptions
  /** Run everything, report what would happen, and roll back (the UI preview). */
  dryRun?: boolean
  progress?: (e: ProgressEvent) => void
}

const PROGRESS_EVERY = 2000
const CONFLICTS_REPORTED = 200

/**
 * Import files into a case as ONE unit of work (RELIABILITY D2, way (a)): every file is copied into the locker
 * first, then a single BEGIN IMMEDIATE transaction records the evidence, the import rows, every parsed record
 * with its provenance, and one audit entry. Any malformed record rolls all of it back and removes locker files
 * this call created, so the case is exactly as before.
 */
export async function runImport(c: CaseHandle, files: ImportFile[], o: RunImportOptions): Promise<FileImportResult[]> {
  if (!files.length) throw new ApiError('BAD_INPUT', 'no files to import')
  // Cheap checks on the original's first bytes first: a PNG or 2 GB of noise is refused before it is copied.
  const chosen: Importer[] = []
  for (const f of files) {
    const name = f.originalName ?? f.path
    const head = await readHead(f.path).catch(() => {
      throw new ApiError('NOT_FOUND', `cannot read ${name}`, { file: name })
    })
    // A column mapping means "read this through the mapping" (generic CSV/XLSX): never guessed from content.
    const format = o.format ?? (o.options?.mapping !== undefined || o.options?.mappingFile !== undefined ? 'generic-mapped' : undefined)
    rejectNonText(head, name, { zip: format !== undefined })
    chosen.push(format ? importerById(format) : detectFormat(head, name))
  }
  const pending: PendingEvidence[] = []
  let unit: AsyncUnit | undefined
  let committed = false
  // Large files of a format that parses in a worker get their worker now, so it loads during the locker copy.
  const sizes = files.map((f) => sizeOf(f.path))
  const workers = files.map((f, i) => (useParseWorker(chosen[i], sizes[i]) ? startParseWorker() : null))
  // Descriptors of locker copies handed to workers before their rename; closed when the import ends.
  const fds: number[] = []
  try {
    // A file parsed by a worker: the worker parses the original from the start, hashing what it parses, while the
    // kernel copies it into the locker, and reads the copy back (RELIABILITY D4) once it has parsed. Nothing
    // commits unless the parsed bytes and the copy both hash to the evidence hash. The evidence hash is the
    // worker's when no evidence of the same size exists (the file cannot be one already received), so records
    // are stored from the first batch; otherwise this thread hashes the original first, to know whether it is.
    for (const [i, f] of files.entries()) {
      const pw = workers[i]
      const digestLater = pw !== null && sizeIsNew(c, sizes, i)
      if (pw) sendParseJob(pw, chosen[i], f.path, { name: f.originalName ?? basename(f.path), size: sizes[i] }, o.options ?? {}, { verify: true, copy: true })
      const onCopied = pw
        ? (tmp: string) => {
            const fd = openSync(tmp, 'r')
            fds.push(fd)
            sendCopy(pw, fd)
          }
        : undefined
      const p = await stageEvidence(c, { path: f.path, originalName: f.originalName, originalPath: f.originalPath, note: f.note }, { deferVerify: pw !== null, digestLater, onCopied })
      // A copy that failed before it was handed over releases the worker; the failure itself is raised below.
      if (pw) p.put.copied.catch(() => sendCopy(pw, null))
      pending.push(p)
    }
    unit = new AsyncUnit(c)
    const results: FileImportResult[] = []
    for (let i = 0; i < files.length; i++) {
      try {
        results.push(await importOne(c, pending[i], chosen[i], o, workers[i]))
      } catch (e) {
        throw e instanceof ParseError ? parseErrorToApi(e, pending[i].originalName) : ioCode(e) ? ioErrorToApi(e as Error, ioCode(e)!, pending[i].originalName) : e
      }
    }
    const finishCtx = { count: (n: string, k = 1) => bump(results[results.length - 1].counts, n, k), warn: (m: string) => results[results.length - 1].warnings.push(m) }
    // Meanwhile the workers read the locker copies back.
    for (const s of listSinks()) s.finish?.(c.db, finishCtx)
    // Every locker copy in place and read back identically before any row naming it commits.
    for (const [i, p] of pending.entries()) {
      if (workers[i]) await finishParseWorker(workers[i])
      await p.put.settled
      const got = workers[i]?.copyDigest
      if (workers[i] && (got?.sha256 !== p.put.sha256 || got.size !== p.put.size)) throw copyMismatch(p.originalName)
    }
    if (o.dryRun) {
      unit.rollback()
      return results
    }
    committed = true
    // A large import's WAL is folded into the database file on another thread once it has committed.
    const large = results.reduce((n, r) => n + r.records, 0) > 50_000
    unit.finish(
      o.examiner,
      'import',
      {
        files: results.map((r) => ({ file: r.file, sha256: r.sha256, format: r.format, parserVersion: r.parserVersion, records: r.records, counts: r.counts, conflicts: r.conflicts.length, warnings: r.warnings.length })),
        options: o.options ?? {}
      },
      large ? { checkpoint: 'background' } : {}
    )
    if (large) void checkpointInBackground(c.db)
    return results
  } catch (e) {
    committed = false
    unit?.rollback()
    // A disk or database failure after the files were read (finish, commit) names the whole import.
    const code = e instanceof ApiError ? null : ioCode(e)
    throw code ? ioErrorToApi(e as Error, code, files.map((f) => f.originalName ?? basename(f.path)).join(', ')) : e
  } finally {
    // Locker files this call created go again unless their rows committed (dry runs never commit); a copy still
    // on its way into place is waited for first.
    if (!committed) {
      for (const p of pending) {
        // A copy still waiting for its digest is dropped (a no-op for one already named or placed).
        p.put.name(null)
        await p.put.settled.catch(() => undefined)
        abandonEvidence(c, p)
      }
    }
    for (const w of workers) await stopParseWorker(w)
    for (const fd of fds) closeSync(fd)
  }
}

function bump(counts: Record<string, number>, name: string, n: number): void {
  counts[name] = (counts[name] ?? 0) + n
}

/**
 * Whether no evidence in the case, and no other file of this call, has file i's size: then its bytes are new
 * evidence whatever they hash to, and the hash can wait until the worker has read them.
 */
function sizeIsNew(c: CaseHandle, sizes: number[], i: number): boolean {
  if (sizes.some((s, k) => k !== i && s === sizes[i])) return false
  return c.db.prepare('SELECT 1 FROM evidence WHERE size = ? LIMIT 1').get(sizes[i]) === undefined
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

async function importOne(c: CaseHandle, p: PendingEvidence, imp: Importer, o: RunImportOptions, worker: ParseWorker | null): Promise<FileImportResult> {
  const recorded = recordEvidence(c.db, p, o.examiner)
  let item = recorded.item
  const started = nowIso()
  const importId = Number(
    c.db
      .prepare('INSERT INTO imports (evidence_id, format, parser_version, started_at, finished_at, examiner) VALUES (?, ?, ?, ?, ?, ?)')
      .run(item.id, imp.id, imp.version, started, started, o.examiner).lastInsertRowid
  )
  const result: FileImportResult = {
    file: p.originalName,
    format: imp.id,
    formatName: imp.name,
    parserVersion: imp.version,
    sha256: item.sha256,
    evidenceAlreadyPresent: recorded.duplicate,
    records: 0,
    counts: {},
    conflicts: [],
    warnings: []
  }
  const addSource = c.db.prepare('INSERT OR IGNORE INTO record_sources (kind, key, evidence_id, locator, import_id) VALUES (?, ?, ?, ?, ?)')
  const addConflict = c.db.prepare(
    `INSERT INTO conflicts (kind, key, field, existing_value, existing_evidence_id, existing_locator, new_value, new_evidence_id, new_locator, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  let conflictCount = 0
  const ctx: SinkContext = {
    db: c.db,
    evidenceId: item.id,
    get evidenceSha256() {
      // Not known while a worker is still hashing the file it parses (digestLater); no sink of such a format asks.
      if (!p.put.sha256) throw new Error('the evidence digest is not known yet')
      return item.sha256
    },
    importId,
    locator: '',
    count: (n, k = 1) => bump(result.counts, n, k),
    addSource: (kind, key) => void addSource.run(kind, key, item.id, ctx.locator, importId),
    conflict: (n) => {
      addConflict.run(n.kind, n.key, n.field, n.existing, n.existingEvidenceId ?? null, n.existingLocator ?? null, n.incoming, item.id, ctx.locator, importId)
      conflictCount++
      if (result.conflicts.length < CONFLICTS_REPORTED) result.conflicts.push(n)
    },
    warn: (m) => {
      if (result.warnings.length < 1000) result.warnings.push(m)
    }
  }
  // A copy waiting for its digest is still at its temporary path (parsed there only if the worker cannot start).
  const lockerPath = p.put.tmp ?? join(c.dir, item.lockerPath)
  const input = { name: p.originalName, size: item.size, open: () => createReadStream(lockerPath, { highWaterMark: 1 << 20 }) }
  const storeRecord = (rec: ImportRecord): void => {
    ctx.locator = formatLocator(rec.loc)
    try {
      sinkFor(rec.kind).store(rec, ctx)
    } catch (e) {
      if (e instanceof ParseError || e instanceof ApiError || ioCode(e)) throw e
      throw new ParseError((e as Error).message, rec.loc)
    }
    if (++result.records % PROGRESS_EVERY === 0) {
      o.progress?.({ op: 'import', phase: p.originalName, done: result.records, total: null })
      faultPoint('mid-import')
    }
  }
  // A worker (large files of opt-in formats) parses in parallel; otherwise batches when the importer has them.
  if (worker) {
    // The job was sent before the file's digest was known: what it parsed is checked against the digest when this
    // thread has one, else that digest names the evidence (below).
    const verify = p.put.sha256 ? { sha256: p.put.sha256, size: p.put.size } : null
    for await (const batch of parseInWorker(worker, imp, lockerPath, input, o.options ?? {}, verify, p.put.tmp ? p.put.copied : p.put.settled)) for (const rec of batch) storeRecord(rec)
    if (!p.put.sha256) {
      // The worker's digest of exactly the bytes it parsed names the evidence (and, once copied, its locker file).
      const d = worker.sourceDigest
      if (!d || d.size !== p.put.size) throw sourceChanged(p.originalName)
      item = nameEvidence(c.db, item, d.sha256)
      p.put.name(d.sha256)
      result.sha256 = item.sha256
    }
  } else if (imp.parseBatches) {
    for await (const batch of imp.parseBatches(input, o.options ?? {})) for (const rec of batch) storeRecord(rec)
  } else {
    for await (const rec of imp.parse(input, o.options ?? {})) storeRecord(rec)
  }
  for (const s of listSinks()) s.endFile?.(ctx)
  if (conflictCount > result.conflicts.length) result.warnings.push(`${conflictCount} conflicts in all; the first ${result.conflicts.length} are listed`)
  c.db
    .prepare('UPDATE imports SET finished_at = ?, summary = ? WHERE id = ?')
    .run(nowIso(), JSON.stringify({ records: result.records, counts: result.counts, conflicts: conflictCount, warnings: result.warnings.length }), importId)
  o.progress?.({ op: 'import', phase: p.originalName, done: result.records, total: result.records })
  return result
}

/**
 * The code of an operating-system (ENOSPC, EIO…) or SQLite storage failure (SQLITE_FULL, SQLITE_IOERR…), else
 * null. A constraint a record breaks is not one: that stays the record's error, with its location.
 */
function ioCode(e: unknown): string | null {
  const code = errorCode(e)
  return /^E[A-Z]+$/.test(code) || /^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN|NOMEM|CORRUPT|NOTADB|PROTOCOL)/.test(code) ? code : null
}

function sourceChanged(name: string): ApiError {
  return new ApiError('IO', `${name} changed while it was being imported (its size is not the size it had); nothing was kept`)
}

/** RELIABILITY D6: a disk or database failure is not the file's fault; name the operation, the file and the code. */
function ioErrorToApi(e: Error, code: string, file: string): ApiError {
  return new ApiError('IO', `importing ${file} failed: ${e.message} (${code}); nothing was kept`, { file })
}

/** Name the file (by its original name) and the place in it: `file:line[:column]: message`. */
function parseErrorToApi(e: ParseError, file: string): ApiError {
  const where = e.loc.line === undefined && e.loc.pointer !== undefined ? ` (at ${e.loc.pointer || '/'})` : ''
  return new ApiError('PARSE', e.message + where, { file, line: e.loc.line, column: e.loc.column, details: e.loc.pointer !== undefined ? { pointer: e.loc.pointer } : undefined })
}
