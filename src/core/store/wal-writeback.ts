import { close, fdatasync, open } from 'node:fs'

/**
 * Write-back of a long transaction's WAL while it runs. A large import writes hundreds of megabytes to the WAL,
 * and the kernel keeps most of them in memory until COMMIT's fsync, which then waits for all of it (about 2 s
 * for a 1M-transaction Bitcoin import here). Asking for write-back every second, on libuv's thread pool, lets the
 * disk work while the import is still storing records, so the commit has little left to wait for. It changes
 * nothing about durability: SQLite still fsyncs at COMMIT and nothing is promised before that. Where a
 * read-only descriptor cannot be synced (Windows), this does nothing.
 */
export function startWalWriteback(walPath: string, everyMs = 1000): () => Promise<void> {
  let fd: number | null = null
  let busy = false
  let stopped = false
  let idle: Promise<void> = Promise.resolve()
  const tick = (): void => {
    if (busy || stopped) return
    busy = true
    idle = new Promise<void>((done) => {
      const finish = (): void => {
        busy = false
        done()
      }
      const sync = (d: number): void => fdatasync(d, finish)
      if (fd !== null) return sync(fd)
      // The WAL appears with the first write; until then there is nothing to sync.
      open(walPath, 'r', (e, d) => {
        if (e) return finish()
        if (stopped) return close(d, finish)
        fd = d
        sync(d)
      })
    })
  }
  const timer = setInterval(tick, everyMs)
  timer.unref()
  return async () => {
    stopped = true
    clearInterval(timer)
    await idle
    if (fd !== null) await new Promise<void>((r) => close(fd!, () => r()))
    fd = null
  }
}
