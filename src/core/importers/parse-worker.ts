import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { ApiError } from '../../shared/api/errors'
import { parentPort } from 'node:worker_threads'
import { initChains } from '../chains/init'
import './index'
import { importerById } from './registry'
import { ParseError, type ImportOptions } from './types'
import { fdChunks, hashFd, hashFile } from '../evidence/hash-file'
import { encodeRecord, WireWriter } from './wire'
import type { ParseJob, ParseReply } from './worker-parse'

/**
 * Parse worker (node:worker_threads), started while the file is still being copied into the locker: loads
 * every importer, waits for its job, then runs one importer's `parse` over a locker file and posts its records to
 * the importing thread in flat batches (wire.ts). At most `window` batches are unacknowledged at a time, so a
 * fast parser cannot pile a file's records up in memory. A ParseError travels as its message and location.
 */
const port = parentPort!
let acked = 0
let wake: (() => void) | null = null
let writer: WireWriter | null = null
port.on('message', (m: { type: 'ack'; tags: Uint8Array; nums: Float64Array } | { type: 'job'; job: ParseJob }) => {
  if (m.type === 'ack') {
    acked++
    writer?.recycle(m.tags, m.nums)
    wake?.()
  } else if (m.type === 'job') {
    run(m.job).catch(fail)
  }
})

async function run(job: ParseJob): Promise<void> {
  initChains()
  const imp = importerById(job.importer)
  // A descriptor (a locker copy handed over before its rename) is read with positional reads and never closed
  // here (a ReadStream on it would close it when destroyed): the importing thread owns it.
  const fd = job.fd
  const open = fd === undefined ? () => createReadStream(job.path, { highWaterMark: 1 << 20 }) : () => Readable.from(fdChunks(fd, 1 << 20), { objectMode: false })
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
  // The locker read-back check (locker.ts deferVerify): the file is re-hashed alongside the parse, on this thread.
  // Never rejects (an I/O error comes back as the value), so a parse error cannot leave it unhandled.
  const check = job.verify ? (fd === undefined ? hashFile(job.path) : hashFd(fd)).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))) : null
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
  if (check) {
    const h = await check
    if (h instanceof Error) throw h
    port.postMessage({ type: 'verified', sha256: h.sha256, size: h.size } satisfies ParseReply)
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
