import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/**
 * Durable write of a whole file (RELIABILITY D3): temp file created with `wx` beside the target, written,
 * fsynced, renamed over the target, then the directory fsynced. A crash leaves the old file or the new one.
 * Windows cannot fsync a directory; there the final step is skipped.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const tmp = tempPathFor(target)
  const fd = openSync(tmp, 'wx', 0o644)
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    let off = 0
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off)
    fsyncSync(fd)
  } catch (e) {
    closeSync(fd)
    rmSync(tmp, { force: true })
    throw e
  }
  closeSync(fd)
  try {
    renameWithRetry(tmp, target)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  }
  fsyncDir(dirname(target))
}

/** A unique temp name in the target's own directory so rename stays on one filesystem. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
}

/** fsync a directory so a rename inside it is durable (no-op where the OS cannot). */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** rename, retrying briefly on EPERM/EBUSY that virus scanners cause on Windows. */
export function renameWithRetry(from: string, to: string): void {
  for (let i = 0; ; i++) {
    try {
      renameSync(from, to)
      return
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (i >= 5 || (code !== 'EPERM' && code !== 'EBUSY')) throw e
      const until = Date.now() + 20 * (i + 1)
      while (Date.now() < until) {
        /* short busy wait: synchronous by design, rare path */
      }
    }
  }
}
