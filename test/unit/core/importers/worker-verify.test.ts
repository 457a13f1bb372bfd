import { closeSync, createReadStream, fstatSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeEsploraFile } from '../../../../bench/lib/esplora-gen'
import { hashFile } from '../../../../src/core/evidence/hash-file'
import '../../../../src/core/importers/index'
import { esploraImporter } from '../../../../src/core/importers/esplora/index'
import { finishParseWorker, parseInWorker, sendCopy, sendParseJob, startParseWorker } from '../../../../src/core/importers/worker-parse'
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

  it('parses the original while it is copied, then reads back the copy it is handed after parsing, and leaves that descriptor open', async () => {
    const dir = tmpDir()
    const path = join(dir, 'txs.json')
    await writeEsploraFile(path, 1200, 300)
    const h = await hashFile(path)
    // A "copy" that differs in its last byte: the worker must report the copy's own digest, not the original's.
    const bytes = readFileSync(path)
    bytes[bytes.length - 1] = 0x20
    const copy = join(dir, 'copy.json')
    writeFileSync(copy, bytes)
    const copyHash = await hashFile(copy)
    expect(copyHash.sha256).not.toBe(h.sha256)
    const input = { name: 'txs.json', size: h.size, open: () => createReadStream(path) }
    const fd = openSync(copy, 'r')
    try {
      const pw = startParseWorker()
      sendParseJob(pw, esploraImporter, path, input, {}, { verify: true, copy: true })
      let n = 0
      // Parsing ends (every record, and the digest of what was parsed) without waiting for the copy...
      for await (const batch of parseInWorker(pw, esploraImporter, '/nonexistent-path-never-opened', input, {}, h)) n += batch.length
      expect(n).toBe(1200)
      expect(pw.sourceDigest).toEqual(h)
      // ...and the worker's last word waits for it: the read-back overlaps whatever the importing thread does next.
      let finished = false
      const last = finishParseWorker(pw).then(() => (finished = true))
      await new Promise((r) => setTimeout(r, 100))
      expect(finished).toBe(false)
      expect(pw.copyDigest).toBeNull()
      sendCopy(pw, fd)
      await last
      expect(pw.copyDigest).toEqual(copyHash)
      // The worker's reads neither closed nor moved the shared descriptor.
      expect(fstatSync(fd).size).toBe(h.size)
      // No copy coming (copying failed): the worker finishes without a copy digest.
      const pw2 = startParseWorker()
      sendParseJob(pw2, esploraImporter, path, input, {}, { verify: true, copy: true })
      sendCopy(pw2, null)
      let m = 0
      for await (const batch of parseInWorker(pw2, esploraImporter, '/nonexistent-path-never-opened', input, {}, h)) m += batch.length
      await finishParseWorker(pw2)
      expect(m).toBe(1200)
      expect(pw2.copyDigest).toBeNull()
    } finally {
      closeSync(fd)
    }
  })

  it('reports the digest of the bytes it parsed: an original that is not the evidence fails', async () => {
    const path = join(tmpDir(), 'txs.json')
    await writeEsploraFile(path, 1200, 300)
    const h = await hashFile(path)
    const input = { name: 'txs.json', size: h.size, open: () => createReadStream(path) }
    const pw = startParseWorker()
    sendParseJob(pw, esploraImporter, path, input, {}, { verify: true, copy: false })
    const run = (async () => {
      for await (const batch of parseInWorker(pw, esploraImporter, '/nonexistent-path-never-opened', input, {}, { sha256: 'f'.repeat(64), size: h.size })) void batch
    })()
    await expect(run).rejects.toThrow(/does not read back identically/)
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
