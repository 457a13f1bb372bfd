import { createHash } from 'node:crypto'
import { read } from 'node:fs'
import { open } from 'node:fs/promises'
import { promisify } from 'node:util'

const CHUNK = 4 * 1024 * 1024
const readAt = promisify(read)

/**
 * The bytes behind `fd` from offset 0, by positional reads: the descriptor's own position is never used or moved,
 * so threads sharing it do not disturb each other, and it is never closed here. With `reuse`, one buffer is
 * refilled each time (valid only until the next chunk is asked for); otherwise each chunk is a buffer of its own.
 */
export async function* fdChunks(fd: number, size = CHUNK, reuse = false): AsyncGenerator<Buffer> {
  let buf = Buffer.allocUnsafe(size)
  for (let pos = 0; ; ) {
    if (!reuse && pos) buf = Buffer.allocUnsafe(size)
    const { bytesRead } = await readAt(fd, buf, 0, size, pos)
    if (!bytesRead) return
    pos += bytesRead
    yield bytesRead === size ? buf : buf.subarray(0, bytesRead)
  }
}

/** SHA-256 and size of what `fd` holds (see fdChunks): constant memory whatever the size. */
export async function hashFd(fd: number): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256')
  let size = 0
  for await (const chunk of fdChunks(fd, CHUNK, true)) {
    h.update(chunk)
    size += chunk.length
  }
  return { sha256: h.digest('hex'), size }
}

/** Stream a file through SHA-256 with one reused buffer: constant memory whatever the size. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const fh = await open(path, 'r')
  try {
    return await hashFd(fh.fd)
  } finally {
    await fh.close()
  }
}
