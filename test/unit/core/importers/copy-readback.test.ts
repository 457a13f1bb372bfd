import { closeSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { writeEsploraFile } from '../../../../bench/lib/esplora-gen'
import { caseDigest } from '../../../helpers/case-digest'
import { tmpDir } from '../../../helpers/tmp'
import { btcCase, importError, importFiles } from './bitcoin/helpers'

/**
 * A large file is parsed from the original while the kernel copies it into the locker; the parse worker reads
 * the copy back afterwards (RELIABILITY D4). Here the worker is handed a descriptor of a copy with one byte
 * changed, standing in for a disk or filesystem fault: the import must fail before anything commits.
 */
const swap: { path: string | null; fds: number[] } = { path: null, fds: [] }
vi.mock('../../../../src/core/importers/worker-parse', async (original) => {
  const m = await original<typeof import('../../../../src/core/importers/worker-parse')>()
  return {
    ...m,
    sendCopy: (pw: Parameters<typeof m.sendCopy>[0], fd: number | null) => {
      if (fd === null || swap.path === null) return m.sendCopy(pw, fd)
      const other = openSync(swap.path, 'r')
      swap.fds.push(other)
      m.sendCopy(pw, other)
    }
  }
})

afterEach(() => {
  delete process.env.CHAINTRAIL_PARSE_WORKER
  for (const fd of swap.fds.splice(0)) closeSync(fd)
  swap.path = null
})

/** Files in the case's evidence locker (temp copies included). */
function lockerFiles(dir: string): string[] {
  const ev = join(dir, 'evidence')
  return readdirSync(ev, { recursive: true }).map(String).filter((f) => statSync(join(ev, f)).isFile())
}

describe('locker copy read back by the parse worker', () => {
  it('a copy that does not read back identically fails the import with nothing kept; a sound one is kept', async () => {
    const dir = tmpDir()
    const path = join(dir, 'txs.json')
    await writeEsploraFile(path, 1200, 300)
    const bad = readFileSync(path)
    bad[bad.length - 1] = 0x20
    swap.path = join(dir, 'bad-copy.json')
    writeFileSync(swap.path, bad)
    process.env.CHAINTRAIL_PARSE_WORKER = '1'
    const c = btcCase()
    const before = caseDigest(c.db)
    const e = await importError(c.core, c.caseId, [path])
    expect(e.message).toMatch(/the locker copy of txs\.json does not read back identically/)
    expect(caseDigest(c.db)).toEqual(before)
    expect(lockerFiles(c.dir)).toEqual([])
    swap.path = null
    const [r] = await importFiles(c.core, c.caseId, [path])
    expect(r.counts['transactions.new']).toBe(1200)
    expect(lockerFiles(c.dir)).toHaveLength(1)
  })
})
