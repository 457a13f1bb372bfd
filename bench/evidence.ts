/**
 * Evidence hashing throughput: streams a 1 GiB file through the locker's SHA-256 (constant memory) and compares
 * with `sha256sum` on the same file. Goal (issue 2): ≥ 0.8× sha256sum.
 *   node --import tsx bench/evidence.ts [sizeMiB]
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { hashFile } from '../src/core/evidence/hash-file'
import { putInLocker } from '../src/core/evidence/locker'
import { rssSampler } from './rss'

const mib = Number(process.argv[2] ?? 1024)
const dir = mkdtempSync(join(tmpdir(), 'ct-bench-ev-'))
const file = join(dir, 'big.bin')
try {
  const fd = openSync(file, 'w')
  const block = randomBytes(8 * 2 ** 20)
  for (let i = 0; i < mib / 8; i++) writeSync(fd, block)
  closeSync(fd)
  const bytes = mib * 2 ** 20
  // Warm the page cache so both tools read from memory and the figure compares hashing, not the disk.
  spawnSync('cat', [file], { stdio: ['ignore', 'ignore', 'ignore'] })

  const t0 = process.hrtime.bigint()
  const ref = spawnSync('sha256sum', [file], { encoding: 'utf8' })
  const tRef = Number(process.hrtime.bigint() - t0) / 1e9

  const rss = rssSampler()
  const t1 = process.hrtime.bigint()
  const ours = await hashFile(file)
  const tOurs = Number(process.hrtime.bigint() - t1) / 1e9
  const hashRss = rss.stop()

  const caseDir = join(dir, 'case')
  const rss2 = rssSampler()
  const t2 = process.hrtime.bigint()
  await putInLocker(caseDir, file)
  const tPut = Number(process.hrtime.bigint() - t2) / 1e9
  const putRss = rss2.stop()

  const same = ref.stdout.split(' ')[0] === ours.sha256
  const mbps = (s: number) => (bytes / 1e6 / s).toFixed(0)
  console.log(`machine: node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`)
  console.log(`file: ${mib} MiB (page cache warm); digests agree: ${same}`)
  console.log(`sha256sum            ${mbps(tRef)} MB/s  (${tRef.toFixed(2)} s)`)
  console.log(`chaintrail hashFile  ${mbps(tOurs)} MB/s  (${tOurs.toFixed(2)} s)  ratio ${(tRef / tOurs).toFixed(2)}x  peak RSS ${hashRss.peakMb.toFixed(0)} MB`)
  console.log(`locker ingest (hash + copy + fsync + re-hash)  ${mbps(tPut)} MB/s  (${tPut.toFixed(2)} s)  peak RSS ${putRss.peakMb.toFixed(0)} MB`)
  if (!same) process.exitCode = 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
