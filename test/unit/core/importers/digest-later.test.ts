import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { writeEsploraFile } from '../../../../bench/lib/esplora-gen'
import { hashFile } from '../../../../src/core/evidence/hash-file'
import { verifyEvidence } from '../../../../src/core/service/evidence'
import { caseDigest } from '../../../helpers/case-digest'
import { tmpDir } from '../../../helpers/tmp'
import { btcCase, importError, importFiles } from './bitcoin/helpers'

/**
 * A file parsed in a worker whose size no evidence in the case has is not hashed by the importing thread at all:
 * the worker's digest of the bytes it parsed names the evidence row (written with a placeholder until then) and
 * the locker copy. A file whose size is already there is hashed first, so a re-import finds its evidence.
 */
const mainHashes: string[] = []
vi.mock('../../../../src/core/evidence/hash-file', async (original) => {
  const m = await original<typeof import('../../../../src/core/evidence/hash-file')>()
  return {
    ...m,
    hashFile: (p: string) => {
      mainHashes.push(p)
      return m.hashFile(p)
    }
  }
})

// When set, every parse worker is stopped as soon as it starts, as in a build whose worker cannot run.
let killWorkers = false
vi.mock('../../../../src/core/importers/worker-parse', async (original) => {
  const m = await original<typeof import('../../../../src/core/importers/worker-parse')>()
  return {
    ...m,
    startParseWorker: () => {
      const pw = m.startParseWorker()
      if (killWorkers) void pw.worker.terminate()
      return pw
    }
  }
})

beforeEach(() => {
  killWorkers = false
  process.env.CHAINTRAIL_PARSE_WORKER = '1'
  mainHashes.length = 0
})
afterEach(() => {
  delete process.env.CHAINTRAIL_PARSE_WORKER
})

function lockerFiles(dir: string): string[] {
  const ev = join(dir, 'evidence')
  return readdirSync(ev, { recursive: true }).map(String).filter((f) => statSync(join(ev, f)).isFile())
}

function evidenceRows(c: ReturnType<typeof btcCase>): { sha256: string; size: number }[] {
  return c.db.prepare('SELECT sha256, size FROM evidence ORDER BY id').all() as { sha256: string; size: number }[]
}

describe('evidence digest from the parse worker', () => {
  it('a file of a new size is stored under the digest of what the worker parsed, never hashed on the importing thread', async () => {
    const path = join(tmpDir(), 'txs.json')
    await writeEsploraFile(path, 1200, 300)
    const want = await hashFile(path)
    mainHashes.length = 0
    const c = btcCase()
    const [r] = await importFiles(c.core, c.caseId, [path])
    expect(mainHashes).toEqual([])
    expect(r.sha256).toBe(want.sha256)
    expect(r.evidenceAlreadyPresent).toBe(false)
    expect(r.counts['transactions.new']).toBe(1200)
    expect(evidenceRows(c)).toEqual([{ sha256: want.sha256, size: want.size }])
    expect(lockerFiles(c.dir)).toEqual([join(want.sha256.slice(0, 2), want.sha256)])
    expect(await verifyEvidence(c.core.state.caseById(c.caseId))).toMatchObject({ ok: true, checked: 1 })
    // Every row names the evidence by its id: the placeholder digest was never seen outside the transaction.
    expect(c.db.prepare("SELECT count(*) FROM evidence WHERE sha256 LIKE 'pending:%'").pluck().get()).toBe(0)
  })

  it('the same file again is hashed first and found: no second evidence row, no duplicate transactions', async () => {
    const path = join(tmpDir(), 'txs.json')
    await writeEsploraFile(path, 1200, 300)
    const c = btcCase()
    await importFiles(c.core, c.caseId, [path])
    mainHashes.length = 0
    const [r] = await importFiles(c.core, c.caseId, [path])
    expect(mainHashes).toEqual([path])
    expect(r.evidenceAlreadyPresent).toBe(true)
    expect(r.counts['transactions.existing']).toBe(1200)
    expect(r.counts['transactions.new']).toBeUndefined()
    expect(evidenceRows(c)).toHaveLength(1)
    expect(lockerFiles(c.dir)).toHaveLength(1)
  })

  it('different bytes of a size already in the case, or two files of one size in one call, take the hash-first way and stay apart', async () => {
    const dir = tmpDir()
    const a = join(dir, 'a.json')
    await writeEsploraFile(a, 1200, 300)
    // Same length, other bytes: one digit of a value changed.
    const bytes = readFileSync(a)
    const k = bytes.indexOf('"value":') + 8
    bytes[k] = bytes[k] === 0x31 ? 0x32 : 0x31
    const b = join(dir, 'b.json')
    writeFileSync(b, bytes)
    const c = btcCase()
    await importFiles(c.core, c.caseId, [a])
    mainHashes.length = 0
    const [r] = await importFiles(c.core, c.caseId, [b])
    expect(mainHashes).toEqual([b])
    expect(r.evidenceAlreadyPresent).toBe(false)
    expect(r.sha256).toBe((await hashFile(b)).sha256)
    expect(evidenceRows(c).map((e) => e.sha256)).toEqual([(await hashFile(a)).sha256, r.sha256])

    const c2 = btcCase()
    mainHashes.length = 0
    const both = await importFiles(c2.core, c2.caseId, [a, b])
    expect(mainHashes).toEqual([a, b])
    expect(both.map((x) => x.sha256)).toEqual(evidenceRows(c2).map((e) => e.sha256))
    expect(await verifyEvidence(c2.core.state.caseById(c2.caseId))).toMatchObject({ ok: true, checked: 2 })
  })

  it('a file that fails at its end leaves the case and the locker as they were (no placeholder, no copy)', async () => {
    const dir = tmpDir()
    const path = join(dir, 'txs.json')
    await writeEsploraFile(path, 1200, 300)
    const whole = readFileSync(path)
    writeFileSync(path, whole.subarray(0, whole.length - 40))
    const c = btcCase()
    const before = caseDigest(c.db)
    const e = await importError(c.core, c.caseId, [path])
    expect(e.message).not.toMatch(/locker|digest/)
    expect(e.line).toBeGreaterThan(0)
    expect(mainHashes).toEqual([])
    expect(caseDigest(c.db)).toEqual(before)
    expect(lockerFiles(c.dir)).toEqual([])
    // The whole file then imports under its own digest.
    writeFileSync(path, whole)
    const [r] = await importFiles(c.core, c.caseId, [path])
    expect(r.sha256).toBe((await hashFile(path)).sha256)
    expect(lockerFiles(c.dir)).toHaveLength(1)
  })

  it('a worker that cannot start: the file is parsed here from its copy, with both digests made here', async () => {
    const path = join(tmpDir(), 'txs.json')
    await writeEsploraFile(path, 1200, 300)
    const want = await hashFile(path)
    mainHashes.length = 0
    killWorkers = true
    const c = btcCase()
    const [r] = await importFiles(c.core, c.caseId, [path])
    // The original once (the digest), then the locker copy at its temporary path (the read-back).
    expect(mainHashes).toHaveLength(2)
    expect(mainHashes).toContain(path)
    expect(r.sha256).toBe(want.sha256)
    expect(r.counts['transactions.new']).toBe(1200)
    expect(evidenceRows(c)).toEqual([{ sha256: want.sha256, size: want.size }])
    expect(lockerFiles(c.dir)).toEqual([join(want.sha256.slice(0, 2), want.sha256)])
  })
})
