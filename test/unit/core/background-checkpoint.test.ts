import { statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeEsploraFile } from '../../../bench/lib/esplora-gen'
import { checkpointInBackground, commitWithoutCheckpoint, settleBackgroundCheckpoints } from '../../../src/core/store/background-checkpoint'
import { openDb } from '../../../src/core/store/db'
import { caseDigest } from '../../helpers/case-digest'
import { tmpDir } from '../../helpers/tmp'
import { btcCase, importFiles } from './importers/bitcoin/helpers'

/** Frames in the WAL not yet folded into the database file, as a PASSIVE checkpoint reports them (log - checkpointed). */
function walPending(db: ReturnType<typeof openDb>): number {
  const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[]
  return r.log - r.checkpointed
}

describe('background WAL checkpoint', () => {
  it('a commit without checkpoint leaves the WAL unfolded; the other thread folds it while this connection keeps reading and writing', async () => {
    const file = join(tmpDir(), 'x.sqlite')
    const db = openDb(file, { create: true })
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)')
    db.exec('BEGIN')
    const ins = db.prepare('INSERT INTO t (b) VALUES (randomblob(4000))')
    for (let i = 0; i < 5000; i++) ins.run()
    commitWithoutCheckpoint(db)
    // The database file has not received the rows yet: they are only in the (fsynced) WAL.
    const fileBefore = statSync(file).size
    expect(fileBefore).toBeLessThan(5000 * 4000)
    expect(Number(db.pragma('wal_autocheckpoint', { simple: true }))).toBe(1000)
    const done = checkpointInBackground(db)
    // Meanwhile this connection reads and writes as usual.
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(5000)
    ins.run()
    const r = await done
    expect(r.error).toBeUndefined()
    expect(statSync(file).size).toBeGreaterThan(5000 * 4000)
    expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(5001)
    db.close()
  })

  it('a large import returns committed and its WAL is folded afterwards, the case reading the same before and after', async () => {
    const path = join(tmpDir(), 'txs.json')
    await writeEsploraFile(path, 60_000, 2000)
    const c = btcCase()
    process.env.CHAINTRAIL_PARSE_WORKER = '0'
    try {
      await importFiles(c.core, c.caseId, [path])
    } finally {
      delete process.env.CHAINTRAIL_PARSE_WORKER
    }
    const before = caseDigest(c.db)
    const results = await settleBackgroundCheckpoints()
    expect(results.length).toBeGreaterThan(0)
    expect(results.every((x) => x.ok)).toBe(true)
    expect(results.at(-1)!.folded).toBeGreaterThan(100)
    expect(walPending(c.db)).toBe(0)
    expect(caseDigest(c.db)).toEqual(before)
  })
})
