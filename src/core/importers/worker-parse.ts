import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { ApiError, type ApiErrorShape } from '../../shared/api/errors'
import { ParseError, type Importer, type ImportInput, type ImportOptions, type ImportRecord, type SourceLocation } from './types'
import { hashFile } from '../evidence/hash-file'
import { copyMismatch } from '../evidence/locker'
import type { WireBatch } from './wire'
import { WireKeys } from './wire-keys'
import { decodeBatch } from './wire-records'

/**
 * Parse on a second core: an importer that sets `parseInWorker` has a large file parsed in a worker thread
 * (parse-worker.ts) while this thread stores the records, so parsing and SQLite writes overlap instead of
 * adding up. Records arrive in flat batches (wire.ts) and are yielded in file order exactly as `parse` would
 * yield them; a ParseError from the worker is rethrown here with its location, so the import still fails as
 * `file:line[:col]: message` and rolls back. Without a worker file next to this module (an unusual build),
 * or with CHAINTRAIL_PARSE_WORKER=0, the file is parsed in-process as before.
 */

/** What the worker is told to parse. */
export interface ParseJob {
  importer: string
  /** The file to parse (the original, read while it is being copied into the locker). */
  path: string
  name: string
  size: number
  options: unknown
  /** Records per batch. */
  batch: number
  /** Batches the worker may run ahead of this thread. */
  window: number
  /** Hash the bytes parsed and report the digest before `done` (they must be the evidence's bytes). */
  verify: boolean
  /** A descriptor of the locker copy follows (sendCopy): hash it after parsing and report it before `done`. */
  copy: boolean
}

/** What the worker posts back. */
export type ParseReply =
  | { type: 'batch'; batch: WireBatch; count: number }
  | { type: 'done' }
  | { type: 'verified'; sha256: string; size: number }
  /** Every record and the parsed bytes' digest are posted; the read-back of the locker copy may follow. */
  | { type: 'parsed' }
  | { type: 'copy-verified'; sha256: string; size: number }
  | { type: 'error'; parse?: { message: string; loc: SourceLocation }; api?: ApiErrorShape }

/** Files smaller than this are parsed in-process: starting a worker costs more than it saves. */
const WORKER_MIN_BYTES = 16 * 1024 * 1024

function here(name: string): string {
  return fileURLToPath(new URL('./' + name, import.meta.url))
}

/** The worker entry to start, or null when this build has none. */
function workerEntry(): string | null {
  // Built app: parse-worker.js beside the bundle (or one level up from a chunk). Source tree (tsx, vitest, the
  // CLI): a small .mjs that registers tsx in the worker, then loads parse-worker.ts.
  const candidates = import.meta.url.endsWith('.ts') ? [here('parse-worker-tsx.mjs')] : [here('parse-worker.js'), here('../parse-worker.js')]
  return candidates.find((p) => existsSync(p)) ?? null
}

/** Whether this file should be parsed in a worker. */
export function useParseWorker(imp: Importer, size: number): boolean {
  const env = process.env.CHAINTRAIL_PARSE_WORKER
  if (!imp.parseInWorker || env === '0') return false
  return (env === '1' || size >= WORKER_MIN_BYTES) && workerEntry() !== null
}

/** A parse worker started ahead of time (while the file is copied into the locker), waiting for its job. */
export interface ParseWorker {
  worker: Worker
  inbox: ParseReply[]
  failure: Error | null
  exited: boolean
  wake: (() => void) | null
  /** The job as sent (by sendParseJob, ahead of parseInWorker or from it); null until then. */
  job: ParseJob | null
  /** The digest of the bytes the worker parsed (a job with `verify`), once it has posted it. */
  sourceDigest: { sha256: string; size: number } | null
  /** What the worker read back from the locker copy (sendCopy), once it has. */
  copyDigest: { sha256: string; size: number } | null
}

/** Start a worker now so its module loading overlaps the locker copy; `parseInWorker` gives it the job. */
export function startParseWorker(): ParseWorker {
  const worker = new Worker(workerEntry()!, { resourceLimits: { maxOldGenerationSizeMb: 1024 } })
  const pw: ParseWorker = { worker, inbox: [], failure: null, exited: false, wake: null, job: null, sourceDigest: null, copyDigest: null }
  const poke = () => {
    pw.wake?.()
    pw.wake = null
  }
  worker.on('message', (m: ParseReply) => {
    pw.inbox.push(m)
    poke()
  })
  worker.on('error', (e) => {
    pw.failure = e
    poke()
  })
  worker.on('exit', () => {
    pw.exited = true
    poke()
  })
  return pw
}

/** Stop a worker (idempotent; also for workers whose import failed before they got a job). */
export async function stopParseWorker(pw: ParseWorker | null | undefined): Promise<void> {
  if (pw && !pw.exited) await pw.worker.terminate()
}

/** What the locker copy must hash to when its read-back check is left to the parse (locker.ts deferVerify). */
export interface ExpectedCopy {
  sha256: string
  size: number
}

/**
 * Give the worker its job: the file to parse, before its digest is known (with `verify` the worker hashes what it
 * parses and parseInWorker compares). The worker may run WINDOW batches ahead of this thread, so a job sent early
 * has records ready when the import's transaction opens. With `copy`, sendCopy must follow.
 */
export function sendParseJob(pw: ParseWorker, imp: Importer, path: string, input: Pick<ImportInput, 'name' | 'size'>, opts: ImportOptions, o: { verify: boolean; copy: boolean }): void {
  const job: ParseJob = { importer: imp.id, path, name: input.name, size: input.size, options: opts, batch: imp.workerBatch ?? 500, window: WINDOW, ...o }
  pw.worker.postMessage({ type: 'job', job })
  pw.job = job
}

/**
 * Hand the worker a descriptor of the finished locker copy, to hash once it has parsed (RELIABILITY D4's read-back
 * check); null when no copy will come (copying failed). The caller keeps the descriptor open until the worker stops.
 */
export function sendCopy(pw: ParseWorker, fd: number | null): void {
  if (!pw.exited) pw.worker.postMessage({ type: 'copy', fd })
}

/** Batches a worker may post before this thread takes them (~500 records each: a few MB at most). */
const WINDOW = 32

/**
 * The records of `input` as `imp.parse` yields them, in batches (one await per batch, not per record), parsed by
 * `pw` (from the file its job names; `path` is the locker copy, parsed here only if the worker could not start,
 * once `ready`). With `expect`, the digest of what the worker parsed must match it (checked after the last record,
 * before anything can commit); without, a job with `verify` leaves that digest in `pw.sourceDigest`. Returns
 * once everything is parsed: the worker may still be reading the locker copy back (finishParseWorker).
 */
export async function* parseInWorker(pw: ParseWorker, imp: Importer, path: string, input: ImportInput, opts: ImportOptions, expect: ExpectedCopy | null = null, ready: Promise<void> = Promise.resolve()): AsyncGenerator<ImportRecord[]> {
  if (!pw.job) sendParseJob(pw, imp, path, input, opts, { verify: expect !== null, copy: false })
  let got = 0
  // The worker's address keys outlive a batch (wire.ts): read with one table for the whole file.
  const keys = new WireKeys()
  // Set when the worker lives on to read the locker copy back (finishParseWorker stops it); stopped here otherwise.
  let copyToRead = false
  try {
    for (;;) {
      const m = await nextReply(pw)
      if (!m) {
        // The worker died without a reply. Before any record arrived it most likely could not start (a build
        // without a usable worker): parse here instead. Later, it is a real failure.
        if (got) throw pw.failure ?? new Error('the parse worker stopped unexpectedly')
        yield* parseHere(pw, imp, path, input, opts, expect, ready)
        return
      }
      if (m.type === 'verified') {
        if (expect && (m.sha256 !== expect.sha256 || m.size !== expect.size)) throw copyMismatch(input.name)
        pw.sourceDigest = { sha256: m.sha256, size: m.size }
        continue
      }
      if (m.type === 'parsed' && !pw.job?.copy) continue
      if (m.type === 'parsed' || m.type === 'done') {
        if (pw.job?.verify && !pw.sourceDigest) throw copyMismatch(input.name)
        copyToRead = m.type === 'parsed'
        return
      }
      if (m.type !== 'batch') {
        handleEnd(pw, m)
        continue
      }
      got++
      const recs = decodeBatch(m.batch, keys)
      // The batch's arrays go back with the acknowledgement, for the worker to write a later batch into.
      pw.worker.postMessage({ type: 'ack', tags: m.batch.tags, nums: m.batch.nums }, [m.batch.tags.buffer as ArrayBuffer, m.batch.nums.buffer as ArrayBuffer])
      yield recs
    }
  } finally {
    if (!copyToRead) await stopParseWorker(pw)
  }
}

/**
 * Wait for the worker's last word after parseInWorker: its read-back digest of the locker copy (`pw.copyDigest`)
 * when it was given one. Run while the import finishes its tables, so the read-back overlaps that work.
 */
export async function finishParseWorker(pw: ParseWorker): Promise<void> {
  try {
    for (;;) {
      const m = await nextReply(pw)
      if (!m || m.type === 'done') return
      handleEnd(pw, m)
    }
  } finally {
    await stopParseWorker(pw)
  }
}

/** The worker's next reply, or null once it has exited (or failed) with nothing more to say. */
async function nextReply(pw: ParseWorker): Promise<ParseReply | null> {
  while (!pw.inbox.length && !pw.failure && !pw.exited) await new Promise<void>((r) => (pw.wake = r))
  return pw.inbox.shift() ?? null
}

/** A reply that is neither a batch nor the end of parsing: the copy's digest, or an error (thrown). */
function handleEnd(pw: ParseWorker, m: ParseReply): void {
  if (m.type === 'copy-verified') pw.copyDigest = { sha256: m.sha256, size: m.size }
  else if (m.type === 'error') {
    if (m.parse) throw new ParseError(m.parse.message, m.parse.loc)
    throw ApiError.from(m.api!)
  }
}

/** parseInWorker's in-process fallback: both digests made here, then the locker copy parsed. */
async function* parseHere(pw: ParseWorker, imp: Importer, path: string, input: ImportInput, opts: ImportOptions, expect: ExpectedCopy | null, ready: Promise<void>): AsyncGenerator<ImportRecord[]> {
  // The locker file (`path`) may still be on its way.
  await ready
  if (expect || pw.job?.verify) {
    const copy = await hashFile(path)
    // The original was to be hashed by the worker as it parsed: hashed here instead.
    if (!expect) pw.sourceDigest = pw.job!.path === path ? copy : await hashFile(pw.job!.path)
    const want = expect ?? pw.sourceDigest!
    if (copy.sha256 !== want.sha256 || copy.size !== want.size) throw copyMismatch(input.name)
    pw.copyDigest = copy
  }
  const recs: ImportRecord[] = []
  try {
    for await (const r of imp.parse(input, opts)) if (recs.push(r) === 500) yield recs.splice(0)
  } catch (e) {
    // The records before a bad one are stored first: a sink error among them is the one reported.
    if (recs.length) yield recs.splice(0)
    throw e
  }
  if (recs.length) yield recs
}
