import { createHash } from 'node:crypto'
import { read } from 'node:fs'
import { open } from 'node:fs/promises'
import { promisify } from 'node:util'

const CHUNK = 4 * 1024 * 1024

/** Stream a file through SHA-256 with one reused buffer: constant memory whatever the size. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const fh = await open(path, 'r')
  try {
    const h = createHash('sha256')
    const buf = Buffer.allocUnsafe(CHUNK)
    let size = 0
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, null)
      if (bytesRead === 0) break
      h.update(bytesRead === CHUNK ? buf : buf.subarray(0, bytesRead))
      size += bytesRead
    }
    return { sha256: h.digest('hex'), size }
  } finally {
    await fh.close()
  }
}

const readAt = promisify(read)

/** As hashFile, over a descriptor another thread may share: positional reads from offset 0, the fd stays open. */
export async function hashFd(fd: number): Promise<{ sha256: string; size: number }> {
  const h = createHash('sha256')
  const buf = Buffer.allocUnsafe(CHUNK)
  let size = 0
  for (;;) {
    const { bytesRead } = await readAt(fd, buf, 0, CHUNK, size)
    if (bytesRead === 0) break
    h.update(bytesRead === CHUNK ? buf : buf.subarray(0, bytesRead))
    size += bytesRead
  }
  return { sha256: h.digest('hex'), size }
}
