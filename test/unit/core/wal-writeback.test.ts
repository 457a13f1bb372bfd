import { appendFileSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startWalWriteback } from '../../../src/core/store/wal-writeback'
import { tmpDir } from '../../helpers/tmp'

/** Descriptors this process holds open on `path` (Linux /proc; elsewhere the check is skipped). */
function openOn(path: string): number | null {
  try {
    return readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync('/proc/self/fd/' + fd) === path
      } catch {
        return false
      }
    }).length
  } catch {
    return null
  }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('WAL write-back during a long import', () => {
  it('holds one read-only descriptor on the WAL while it grows, leaves its bytes alone, and closes it when stopped', async () => {
    const wal = join(tmpDir(), 'case.sqlite-wal')
    const stop = startWalWriteback(wal, 20)
    // No WAL yet: nothing to sync, nothing held open.
    await wait(60)
    expect(openOn(wal) ?? 0).toBe(0)
    writeFileSync(wal, Buffer.alloc(4096, 1))
    for (let i = 0; i < 5; i++) {
      appendFileSync(wal, Buffer.alloc(4096, i))
      await wait(30)
    }
    if (openOn(wal) !== null) expect(openOn(wal)).toBe(1)
    await stop()
    if (openOn(wal) !== null) expect(openOn(wal)).toBe(0)
    expect(readdirSync(join(wal, '..'))).toEqual(['case.sqlite-wal'])
    expect(readFileSync(wal)).toEqual(Buffer.concat([Buffer.alloc(4096, 1), ...[0, 1, 2, 3, 4].map((i) => Buffer.alloc(4096, i))]))
  })
})
