import { closeSync, createReadStream, fstatSync, openSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeEsploraFile } from '../../../../bench/lib/esplora-gen'
import { hashFile } from '../../../../src/core/evidence/hash-file'
import '../../../../src/core/importers/index'
import { esploraImporter } from '../../../../src/core/importers/esplora/index'
import { parseInWorker, sendParseJob, startParseWorker } from '../../../../src/core/importers/worker-parse'
import { verifyEvidence } from '../../../../src/core/service/evidence'
import { tmpDir } from '../../../helpers/tmp'
import { btcCase, importFiles } from './bitcoin/helpers'

/**
 * A file parsed in a worker has its locker read-back check (RELIABILITY D4) done by the worker while it parses
 * (locker.ts deferVerify): the records come through only when the file re-hashes to what was copied.
 */
async function drain(path: string, expect: { sha256: string; size: number }): Promise<number> {
  const input = { name: 'txs.json', size: statSync(path).size, open: () => createReadStream(path) }
  let n = 0
  for await (const batch of parseInWorker(startParseWorker(), esploraImporter, path, input, {}, expect)) n += batch.length
  return n
}

describe('parse worker: locker read-back check', () => {
  it('passes every record when the locker file re-hashes to the copy hash', async () => {
    const path = join(tmpDir(), 'txs.json')
    await writeEsploraFile(path, 1200, 300)
    expect(await drain(path, await hashFile(path))).toBe(1200)
  })

  it('fails after the last record, before anything can commit, when it does not', async () => {
    const path = join(tmpDir(), 'txs.json')
    await writeEsploraFile(path, 1200, 300)
    const h = await hashFile(path)
    await expect(drain(path, { sha256: '0'.repeat(64), size: h.size })).rejects.toThrow(/does not read back identically/)
    await expect(drain(path, { sha256: h.sha256, size: h.size + 1 })).rejects.toThrow(/does not read back identically/)
  })

  it('reads a descriptor handed over before the copy is renamed, checks it the same way, and leaves it open', async () => {
    const path = join(tmpDir(), 'txs.json')
    await writeEsploraFile(path, 1200, 300)
    const h = await hashFile(path)
    const input = { name: 'txs.json', size: h.size, open: () => createReadStream(path) }
    const fd = openSync(path, 'r')
    try {
      for (const [expected, ok] of [[h, true], [{ sha256: '0'.repeat(64), size: h.size }, false]] as const) {
        const pw = startParseWorker()
        sendParseJob(pw, esploraImporter, { fd }, input, {}, true)
        let n = 0
        const run = (async () => {
          for await (const batch of parseInWorker(pw, esploraImporter, '/nonexistent-path-never-opened', input, {}, expected)) n += batch.length
        })()
        if (ok) {
          await run
          expect(n).toBe(1200)
        } else {
          await expect(run).rejects.toThrow(/does not read back identically/)
        }
        // The worker's reads neither closed nor moved the shared descriptor.
        expect(fstatSync(fd).size).toBe(h.size)
      }
    } finally {
      closeSync(fd)
    }
  })

  it('an import through the worker stores the file in the locker (kernel copy) byte for byte, hash verified, read-only', async () => {
    const path = join(tmpDir(), 'txs.json')
    await writeEsploraFile(path, 1200, 300)
    const c = btcCase()
    process.env.CHAINTRAIL_PARSE_WORKER = '1'
    try {
      const [r] = await importFiles(c.core, c.caseId, [path])
      expect(r.sha256).toBe((await hashFile(path)).sha256)
      expect(r.counts['transactions.new']).toBe(1200)
    } finally {
      delete process.env.CHAINTRAIL_PARSE_WORKER
    }
    expect(await verifyEvidence(c.core.state.caseById(c.caseId))).toMatchObject({ ok: true, checked: 1 })
  })
})
