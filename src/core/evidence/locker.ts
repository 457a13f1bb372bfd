import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { copyFile, open } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { ApiError } from '../../shared/api/errors'
import { fsyncDir, renameWithRetry } from '../fs/atomic'
import { faultPoint } from '../util/fault'
import { hashFile } from './hash-file'

const CHUNK = 4 * 1024 * 1024

/** Where a locker file with this hash lives, relative to the case folder. */
export function lockerRelPath(sha256: string): string {
  return join('evidence', sha256.slice(0, 2), sha256)
}

/** Result of copying a file into the locker. */
export interface LockerPut {
  sha256: string
  size: number
  relPath: string
  /** False when identical bytes were already in the locker. */
  created: boolean
  /**
   * False when the copy's read-back check was left to the caller (`deferVerify`): it must re-hash the locker
   * file (the parse worker does, while parsing it) and refuse to commit unless it matches.
   */
  verified: boolean
  /**
   * With `deferVerify`: settles when the copy is fsynced and in its place (or, when identical bytes were there
   * already, removed); rejects, with the copy gone, when copying failed. The caller awaits it before committing
   * rows that name the file, and before removing the file on failure. Already settled otherwise.
   */
  settled: Promise<void>
  /** Settles when the copy is complete and fsynced, before its move into place (with `digestLater`, before it is named). */
  copied: Promise<void>
  /** With `digestLater`: the copy's temporary path, where it stays until `name` gives its digest. */
  tmp: string | null
  /**
   * With `digestLater`: the digest the reader of the file computed (sha256 and size are then set, and the copy
   * goes to its address once complete: `settled`), or null to drop the copy (`settled` then rejects). Must be
   * called once either way, or `settled` never settles. A no-op otherwise.
   */
  name(sha256: string | null): void
}

/** The error when a locker copy does not hash back to its source (here, or in a parse worker's deferred check). */
export function copyMismatch(name: string): ApiError {
  return new ApiError('IO', `the locker copy of ${name} does not read back identically (disk or filesystem fault)`)
}

/** Options of putInLocker. */
export interface PutOptions {
  /**
   * Skip the re-read and re-hash here: the caller re-reads the locker file anyway (a parse worker) and checks it
   * before its rows commit; a mismatch then rolls the import back and removes the file.
   */
  deferVerify?: boolean
  /**
   * With deferVerify: called as soon as the copy is complete, before it is fsynced and renamed, with its temp path,
   * so a parse worker can read it back (through a descriptor opened right then: the path changes on rename).
   */
  onCopied?: (tmpPath: string) => void
  /**
   * With deferVerify: do not hash the source here at all. `sha256` stays empty until the caller, which reads the
   * whole source anyway (a parse worker hashes what it parses), gives it with `name`; the copy waits at `tmp`.
   */
  digestLater?: boolean
}

const DONE = Promise.resolve()

/**
 * Copy a source file into the content-addressed locker (RELIABILITY D4): hash while streaming into a temp
 * file, fsync, re-read and re-hash the copy, rename to evidence/<aa>/<sha256>, make it read-only, fsync the
 * directory. The source is only ever opened for reading. With `deferVerify` (a file a parse worker is about to
 * read in full) the kernel copies while the source is hashed, and the read-back check is the worker's.
 */
export async function putInLocker(caseDir: string, sourcePath: string, opts: PutOptions = {}): Promise<LockerPut> {
  const evDir = join(caseDir, 'evidence')
  mkdirSync(evDir, { recursive: true })
  const tmp = join(evDir, `.incoming-${randomBytes(8).toString('hex')}.tmp`)
  if (opts.deferVerify) return kernelCopy(caseDir, sourcePath, tmp, opts)
  const { sha256, size } = await streamCopy(sourcePath, tmp)
  faultPoint('after-evidence-fsync')
  const reread = await hashFile(tmp)
  if (reread.sha256 !== sha256 || reread.size !== size) {
    rmSync(tmp, { force: true })
    throw copyMismatch(sourcePath)
  }
  const created = place(caseDir, tmp, sha256)
  return { sha256, size, relPath: lockerRelPath(sha256), created, verified: true, settled: DONE, copied: DONE, tmp: null, name: () => undefined }
}

/** Move a complete, fsynced copy to its content address; false (copy removed) when identical bytes are there. */
function place(caseDir: string, tmp: string, sha256: string): boolean {
  const target = join(caseDir, lockerRelPath(sha256))
  if (existsSync(target)) {
    // The file already there was checked when it was stored; this copy is gone.
    rmSync(tmp, { force: true })
    return false
  }
  const dir = join(caseDir, 'evidence', sha256.slice(0, 2))
  mkdirSync(dir, { recursive: true })
  faultPoint('mid-rename')
  renameWithRetry(tmp, target)
  chmodSync(target, 0o444)
  fsyncDir(dir)
  return true
}

/** Hash while streaming the source into `tmp`, then fsync it. */
async function streamCopy(sourcePath: string, tmp: string): Promise<{ sha256: string; size: number }> {
  const src = await open(sourcePath, 'r')
  const out = await open(tmp, 'wx', 0o600)
  let size = 0
  try {
    const h = createHash('sha256')
    const buf = Buffer.allocUnsafe(CHUNK)
    for (;;) {
      const { bytesRead } = await src.read(buf, 0, CHUNK, null)
      if (bytesRead === 0) break
      const chunk = buf.subarray(0, bytesRead)
      h.update(chunk)
      let off = 0
      while (off < bytesRead) off += (await out.write(chunk, off, bytesRead - off)).bytesWritten
      size += bytesRead
    }
    await out.sync()
    await out.close()
    return { sha256: h.digest('hex'), size }
  } catch (e) {
    await out.close().catch(() => undefined)
    rmSync(tmp, { force: true })
    throw e
  } finally {
    await src.close()
  }
}

/**
 * deferVerify: the kernel copies the file (copy_file_range; ~3× faster than writing it from JS) while this thread
 * hashes the source. The digest is that of the source as read, and it is returned as soon as it is known: the
 * copy, its fsync and its move into place go on in the background (`settled`) while the import stores records.
 * The copy is proven identical by the caller's re-hash of it before anything commits (a source changed
 * meanwhile, or a bad copy, then fails the import). With digestLater the source is not hashed here: the put is
 * returned at once, and the copy is moved into place only once the caller names it by the digest it computed.
 */
async function kernelCopy(caseDir: string, sourcePath: string, tmp: string, opts: PutOptions): Promise<LockerPut> {
  const copy = copyFile(sourcePath, tmp, constants.COPYFILE_EXCL)
  let hashed: { sha256: string; size: number }
  try {
    hashed = opts.digestLater ? { sha256: '', size: statSync(sourcePath).size } : await hashFile(sourcePath)
  } catch (e) {
    await copy.catch(() => undefined)
    rmSync(tmp, { force: true })
    throw e
  }
  const { sha256, size } = hashed
  const copied = copy.then(async () => {
    opts.onCopied?.(tmp)
    const out = await open(tmp, 'r')
    try {
      await out.sync()
    } finally {
      await out.close()
    }
    faultPoint('after-evidence-fsync')
  })
  let named: (sha: string | null) => void = () => undefined
  const digest = opts.digestLater ? new Promise<string | null>((r) => (named = r)) : Promise.resolve(sha256)
  const put: LockerPut = {
    sha256,
    size,
    relPath: sha256 && lockerRelPath(sha256),
    created: sha256 !== '' && !existsSync(join(caseDir, lockerRelPath(sha256))),
    verified: false,
    settled: DONE,
    copied,
    tmp: opts.digestLater ? tmp : null,
    name: (sha) => {
      if (!opts.digestLater) return
      if (sha !== null) {
        put.sha256 = sha
        put.relPath = lockerRelPath(sha)
      }
      named(sha)
    }
  }
  put.settled = Promise.all([copied, digest])
    .then(([, sha]) => {
      if (sha === null) throw new Error('locker copy dropped: the import did not go ahead')
      const created = place(caseDir, tmp, sha)
      if (opts.digestLater) put.created = created
    })
    .catch((e: unknown) => {
      rmSync(tmp, { force: true })
      throw e
    })
  // Awaited by the caller before it commits or cleans up; a failure is reported there, not as unhandled here.
  put.settled.catch(() => undefined)
  copied.catch(() => undefined)
  return put
}

/** Remove a locker file this operation created (used when its unit of work rolls back). */
export function removeFromLocker(caseDir: string, sha256: string): void {
  const p = join(caseDir, lockerRelPath(sha256))
  if (!existsSync(p)) return
  chmodSync(p, 0o644)
  rmSync(p, { force: true })
}

/** Problems found by re-hashing one locker file, or null when it is intact. */
export async function checkLockerFile(caseDir: string, sha256: string, size: number): Promise<string | null> {
  const p = join(caseDir, lockerRelPath(sha256))
  if (!existsSync(p)) return 'the locker file is missing'
  const got = await hashFile(p)
  if (got.sha256 !== sha256) return `content changed: SHA-256 is now ${got.sha256}`
  if (got.size !== size) return `size changed: ${got.size} bytes, recorded ${size}`
  const mode = statSync(p).mode & 0o222
  if (mode !== 0) return 'the locker file is no longer read-only'
  return null
}

/**
 * Housekeeping at open: temp files from an interrupted copy are deleted; locker files that no evidence row
 * names (a crash between file and row) are moved to evidence/orphans/. Returns what was moved.
 */
export function sweepLocker(caseDir: string, known: Set<string>): { removedTemp: string[]; orphaned: string[] } {
  const evDir = join(caseDir, 'evidence')
  const removedTemp: string[] = []
  const orphaned: string[] = []
  if (!existsSync(evDir)) return { removedTemp, orphaned }
  for (const name of readdirSync(evDir)) {
    const p = join(evDir, name)
    if (name.endsWith('.tmp')) {
      rmSync(p, { force: true })
      removedTemp.push(name)
      continue
    }
    if (name === 'orphans' || !/^[0-9a-f]{2}$/.test(name)) continue
    for (const f of readdirSync(p)) {
      if (known.has(f)) continue
      const dest = join(evDir, 'orphans')
      mkdirSync(dest, { recursive: true })
      renameSync(join(p, f), join(dest, f))
      orphaned.push(relative(caseDir, join(dest, f)))
    }
  }
  return { removedTemp, orphaned }
}
