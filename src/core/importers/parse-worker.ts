import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { ApiError } from '../../shared/api/errors'
import { parentPort } from 'node:worker_threads'
import { initChains } from '../chains/init'
import { IMPORTER_FAMILIES } from './families'
import { hasImporter, importerById } from './registry'
import { ParseError, type ImportOptions } from './types'
import { hashFd, hashFile } from '../evidence/hash-file'
import { WireWriter } from './wire'
import { encodeRecord } from './wire-records'
import type { ParseJob, ParseReply } from './worker-parse'

/**
 * Parse worker (node:worker_threads), started before the file is copied into the locker: waits for its job, loads
 * the importer's family, then runs one importer's `parse` over the file and posts its records to the importing
 * thread in flat batches (wire.ts). At most `window` batches are unacknowledged at a time, so a fast parser
 * cannot pile a file's records up in memory. A ParseError travels as its message and location.
 */
const port = parentPort!
let acked = 0
let wake: (() => void) | null = null
let writer: WireWriter | null = null
/** The locker copy to read back once parsing is done (null: none was made). */
let copyFd: Promise<number | null> | null = null
let gotCopy: ((fd: number | null) => void) | null = null
port.on('message', (m: { type: 'ack'; tags: Uint8Array; nums: Float64Array } | { type: 'job'; job: ParseJob } | { type: 'copy'; fd: number | null }) => {
  if (m.type === 'ack') {
    acked++
    writer?.recycle(m.tags, m.nums)
    wake?.()
  } else if (m.type === 'job') {
    if (m.job.copy) copyFd ??= new Promise((r) => (gotCopy = r))
    run(m.job).catch(fail)
  } else if (m.type === 'copy') {
    if (gotCopy) gotCopy(m.fd)
    else copyFd = Promise.resolve(m.fd)
  }
})

async function run(job: ParseJob): Promise<void> {
  initChains()
  for (const load of IMPORTER_FAMILIES) {
    if (hasImporter(job.importer)) break
    await load()
  }
  const imp = importerById(job.importer)
  // With `verify`, the bytes the parser reads are hashed as they pass, so the digest reported is that of exactly
  // what was parsed (the importing thread compares it with the evidence hash). A parser that opens the file
  // more than once, or stops before its end, has the file hashed again in full instead.
  const digest = createHash('sha256')
  let opens = 0
  let hashed = 0
  let ended = false
  const open = (): Readable => {
    const src = createReadStream(job.path, { highWaterMark: 1 << 20 })
    if (!job.verify || ++opens > 1) return src
    return Readable.from(
      (async function* () {
        for await (const c of src as AsyncIterable<Buffer>) {
          digest.update(c)
          hashed += c.length
          yield c
        }
        ended = true
      })(),
      { objectMode: false }
    )
  }
  const input = { name: job.name, size: job.size, open }
  const w = (writer = new WireWriter())
  let n = 0
  let sent = 0
  const send = (): void => {
    const { batch, transfer } = w.take()
    port.postMessage({ type: 'batch', batch, count: n } satisfies ParseReply, transfer)
    n = 0
  }
  const post = async (): Promise<void> => {
    send()
    sent++
    while (sent - acked >= job.window) await new Promise<void>((r) => (wake = r))
    wake = null
  }
  const opts = job.options as ImportOptions
  try {
    // An importer with batches is read a batch at a time (one await per batch, not per record).
    if (imp.parseBatches) {
      for await (const recs of imp.parseBatches(input, opts)) {
        for (const rec of recs) {
          encodeRecord(rec, w)
          if (++n === job.batch) await post()
        }
      }
    } else {
      for await (const rec of imp.parse(input, opts)) {
        encodeRecord(rec, w)
        if (++n === job.batch) await post()
      }
    }
  } catch (e) {
    // The records before a bad one are stored first, as in-process: a sink error among them is the one reported.
    if (n) send()
    throw e
  }
  if (n) await post()
  if (job.verify) {
    const h = opens === 1 && ended ? { sha256: digest.digest('hex'), size: hashed } : await hashFile(job.path)
    port.postMessage({ type: 'verified', sha256: h.sha256, size: h.size } satisfies ParseReply)
  }
  port.postMessage({ type: 'parsed' } satisfies ParseReply)
  // RELIABILITY D4's read-back check of the locker copy, made while this thread parsed the original. The
  // descriptor is the importing thread's (opened before the copy's rename): read with positional reads, not closed.
  const fd = copyFd ? await copyFd : null
  if (fd !== null) {
    const h = await hashFd(fd)
    port.postMessage({ type: 'copy-verified', sha256: h.sha256, size: h.size } satisfies ParseReply)
  }
  port.postMessage({ type: 'done' } satisfies ParseReply)
}

function fail(e: unknown): void {
  const reply: ParseReply =
    e instanceof ParseError
      ? { type: 'error', parse: { message: e.message, loc: e.loc } }
      : { type: 'error', api: e instanceof ApiError ? e.toShape() : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } }
  port.postMessage(reply)
}
