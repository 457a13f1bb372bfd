import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { nativeBindingPath, type Db } from './db'

/**
 * After a large import the WAL holds all of it (about 400 MB per million Bitcoin transactions). The import is
 * durable once its COMMIT has fsynced the WAL (synchronous=FULL); folding the WAL into the database file (a
 * checkpoint) took another ~1 s per million transactions on the importing thread. It is done instead on a
 * thread of its own, with its own connection, as a PASSIVE checkpoint: SQLite's WAL locks let it run beside
 * this connection's readers and writers without blocking them, and a crash midway leaves a WAL that the next
 * open folds in as usual. The importing connection commits with its automatic checkpoint off (`commitWithoutCheckpoint`).
 */

// A CommonJS script run with `eval`: no separate entry file to bundle, and better-sqlite3 is loaded from the
// path this thread resolved (the Electron build's addon too), so it is the same library.
const SCRIPT = `
const { workerData, parentPort } = require('node:worker_threads')
let db
try {
  const Database = require(workerData.lib)
  db = new Database(workerData.file, { fileMustExist: true, ...(workerData.binding ? { nativeBinding: workerData.binding } : {}) })
  db.pragma('busy_timeout = 5000')
  const [r] = db.pragma('wal_checkpoint(PASSIVE)')
  parentPort.postMessage({ ok: r.busy === 0, frames: r.log, folded: r.checkpointed })
} catch (e) {
  parentPort.postMessage({ ok: false, error: String((e && e.message) || e) })
} finally {
  try { if (db) db.close() } catch {}
}`

/** What a background checkpoint did: frames in the WAL, frames folded in, or why it could not. */
export interface CheckpointResult {
  ok: boolean
  frames?: number
  folded?: number
  error?: string
  ms: number
}

const running = new Set<Promise<CheckpointResult>>()

/** Fold the WAL of the database `db` is open on into its file, on another thread. Never rejects. */
export function checkpointInBackground(db: Db): Promise<CheckpointResult> {
  const t0 = Date.now()
  const lib = createRequire(import.meta.url).resolve('better-sqlite3')
  const p = new Promise<CheckpointResult>((resolve) => {
    const w = new Worker(SCRIPT, { eval: true, workerData: { lib, file: db.name, binding: nativeBindingPath() } })
    let got: Omit<CheckpointResult, 'ms'> = { ok: false, error: 'the checkpoint thread stopped without a word' }
    w.on('message', (m: Omit<CheckpointResult, 'ms'>) => (got = m))
    w.on('error', (e) => (got = { ok: false, error: e.message }))
    w.on('exit', () => resolve({ ...got, ms: Date.now() - t0 }))
  })
  running.add(p)
  void p.then(() => running.delete(p))
  return p
}

/** Wait for every background checkpoint started so far (benches, tests, and a CLI about to exit). */
export async function settleBackgroundCheckpoints(): Promise<CheckpointResult[]> {
  return Promise.all([...running])
}

/** COMMIT without SQLite's automatic checkpoint at the end of it (the caller starts a background one). */
export function commitWithoutCheckpoint(db: Db): void {
  const before = Number(db.pragma('wal_autocheckpoint', { simple: true }))
  db.pragma('wal_autocheckpoint = 0')
  try {
    db.exec('COMMIT')
  } finally {
    db.pragma('wal_autocheckpoint = ' + String(Math.trunc(before)))
  }
}
