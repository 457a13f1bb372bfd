import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addressPool, esploraTx } from '../../../../bench/lib/esplora-gen'
import { verifyEvidence } from '../../../../src/core/service/evidence'
import { caseDigest } from '../../../helpers/case-digest'
import { tmpDir } from '../../../helpers/tmp'
import { btcCase, importError, importFiles } from './bitcoin/helpers'

/**
 * RELIABILITY "Disk full" (a) and D6: with the database capped just above its size (PRAGMA max_page_count), an
 * import fails with SQLITE_FULL part-way. It must be reported as an I/O failure naming the code (not as a fault of
 * the file), roll back, leave no locker file or temp file behind, and leave the case exactly as it was and
 * usable: the same import succeeds once there is room.
 */
const ENV = ['CHAINTRAIL_PARSE_WORKER', 'CHAINTRAIL_BULK_MIN'] as const
afterEach(() => {
  for (const k of ENV) delete process.env[k]
})

function esploraFile(n: number, from: number): string {
  const pool = addressPool(50)
  const path = join(tmpDir(), `txs-${from}.json`)
  writeFileSync(path, '[' + Array.from({ length: n }, (_, i) => esploraTx(from + i, pool)).join(',\n') + ']')
  return path
}

function lockerFiles(dir: string): string[] {
  const ev = join(dir, 'evidence')
  return readdirSync(ev, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort()
}

describe('disk full during an import (SQLITE_FULL)', () => {
  for (const [mode, env] of [
    ['in-process, staged', {}],
    ['parse worker, bulk mode', { CHAINTRAIL_PARSE_WORKER: '1', CHAINTRAIL_BULK_MIN: '100' }]
  ] as const) {
    it(`${mode}: reported as I/O with its code, rolled back whole, and the case works afterwards`, async () => {
      const { core, caseId, db, dir } = btcCase()
      await importFiles(core, caseId, [esploraFile(50, 0)])
      const before = caseDigest(db)
      const locker = lockerFiles(dir)
      const pages = Number(db.pragma('page_count', { simple: true }))
      Object.assign(process.env, env)
      const big = esploraFile(3000, 1000)
      // ~640 KiB of room: the import (~1.3 MB of rows) fails part-way, after bulk mode's switch at 500 txs.
      db.pragma('max_page_count = ' + String(pages + 40))
      try {
        const e = await importError(core, caseId, [big])
        expect((e as { code?: string }).code).toBe('IO')
        expect(e.message).toMatch(/SQLITE_FULL/)
      } finally {
        db.pragma('max_page_count = 1073741823')
      }
      expect(db.inTransaction).toBe(false)
      expect(caseDigest(db)).toEqual(before)
      expect(lockerFiles(dir)).toEqual(locker)
      expect(await verifyEvidence(core.state.caseById(caseId))).toMatchObject({ ok: true })
      // Room again: the same file imports in full.
      const [r] = await importFiles(core, caseId, [big])
      expect(r.counts['transactions.new']).toBe(3000)
    })
  }
})
