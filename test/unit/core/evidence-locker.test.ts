import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCase, openCase } from '../../../src/core/case/case-folder'
import { addEvidence, verifyEvidence } from '../../../src/core/service/evidence'
import { tmpDir } from '../../helpers/tmp'

function newCase() {
  const root = tmpDir()
  return { root, h: createCase(join(root, 'case'), { title: 'L', caseNumber: '1', examiner: 'E' }) }
}

function file(root: string, name: string, body: string | Buffer): string {
  const p = join(root, name)
  writeFileSync(p, body)
  return p
}

describe('evidence locker', () => {
  it('stores a byte-exact, read-only copy under its SHA-256 and records it', async () => {
    const { root, h } = newCase()
    const body = Buffer.from('Txhash,Blockno\r\n"0x1","2"\r\n\u00ff')
    const src = file(root, 'export.csv', body)
    const { item, duplicate } = await addEvidence(h, { path: src, note: 'Etherscan export downloaded by DC Smith' }, 'DC Smith')
    const sha = createHash('sha256').update(body).digest('hex')
    expect(duplicate).toBe(false)
    expect(item).toMatchObject({ sha256: sha, size: body.length, originalName: 'export.csv', examiner: 'DC Smith', note: 'Etherscan export downloaded by DC Smith' })
    const stored = join(h.dir, 'evidence', sha.slice(0, 2), sha)
    expect(statSync(stored).mode & 0o777).toBe(0o444)
    expect(createHash('sha256').update(await import('node:fs').then((f) => f.readFileSync(stored))).digest('hex')).toBe(sha)
    const audit = h.db.prepare("SELECT details FROM audit_log WHERE action = 'evidence.added'").get() as { details: string }
    expect(JSON.parse(audit.details)).toMatchObject({ sha256: sha, duplicate: false })
    h.close()
  })

  it('stores identical bytes once and says so, auditing the second receipt', async () => {
    const { root, h } = newCase()
    const a = await addEvidence(h, { path: file(root, 'a.json', '{"x":1}') }, 'E')
    const b = await addEvidence(h, { path: file(root, 'copy-of-a.json', '{"x":1}') }, 'E')
    expect(b.duplicate).toBe(true)
    expect(b.item.id).toBe(a.item.id)
    expect((h.db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n).toBe(1)
    expect(readdirSync(join(h.dir, 'evidence', a.item.sha256.slice(0, 2)))).toEqual([a.item.sha256])
    expect((h.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'evidence.added'").get() as { n: number }).n).toBe(2)
    h.close()
  })

  it('is unaffected when the original changes afterwards', async () => {
    const { root, h } = newCase()
    const src = file(root, 'x.txt', 'original')
    await addEvidence(h, { path: src }, 'E')
    writeFileSync(src, 'edited later')
    expect(await verifyEvidence(h)).toMatchObject({ ok: true, checked: 1 })
    h.close()
  })

  it('verify names a locker file whose content changed by one byte', async () => {
    const { root, h } = newCase()
    const { item } = await addEvidence(h, { path: file(root, 'tx.json', '{"txid":"ab"}') }, 'E')
    const p = join(h.dir, 'evidence', item.sha256.slice(0, 2), item.sha256)
    chmodSync(p, 0o644)
    writeFileSync(p, '{"txid":"ac"}')
    chmodSync(p, 0o444)
    const r = await verifyEvidence(h)
    expect(r.ok).toBe(false)
    expect(r.problems).toEqual([expect.objectContaining({ sha256: item.sha256, originalName: 'tx.json', problem: expect.stringMatching(/content changed/) })])
    h.close()
  })

  it('verify reports a missing locker file and one that lost its read-only bit', async () => {
    const { root, h } = newCase()
    const a = await addEvidence(h, { path: file(root, 'a', 'a') }, 'E')
    const b = await addEvidence(h, { path: file(root, 'b', 'b') }, 'E')
    const pa = join(h.dir, 'evidence', a.item.sha256.slice(0, 2), a.item.sha256)
    chmodSync(pa, 0o644)
    const pb = join(h.dir, 'evidence', b.item.sha256.slice(0, 2), b.item.sha256)
    chmodSync(pb, 0o644)
    ;(await import('node:fs')).rmSync(pb)
    const r = await verifyEvidence(h)
    expect(r.problems.map((p) => p.problem).sort()).toEqual(['the locker file is missing', 'the locker file is no longer read-only'])
    h.close()
  })

  it('at open, removes interrupted temp copies and moves unrecorded locker files to orphans (audited)', () => {
    const { h } = newCase()
    const dir = h.dir
    h.close()
    writeFileSync(join(dir, 'evidence', '.incoming-deadbeef.tmp'), 'partial')
    mkdirSync(join(dir, 'evidence', 'ab'), { recursive: true })
    writeFileSync(join(dir, 'evidence', 'ab', 'ab'.padEnd(64, '0')), 'orphan')
    const again = openCase(dir)
    expect(existsSync(join(dir, 'evidence', '.incoming-deadbeef.tmp'))).toBe(false)
    expect(existsSync(join(dir, 'evidence', 'orphans', 'ab'.padEnd(64, '0')))).toBe(true)
    const a = again.db.prepare("SELECT details FROM audit_log WHERE action = 'evidence.orphans-moved'").get() as { details: string }
    expect(JSON.parse(a.details).files).toEqual([join('evidence', 'orphans', 'ab'.padEnd(64, '0'))])
    again.close()
  })

  it('refuses a directory or a missing file with a clear message and no change', async () => {
    const { root, h } = newCase()
    await expect(addEvidence(h, { path: join(root, 'nope.csv') }, 'E')).rejects.toThrow(/no such file/)
    await expect(addEvidence(h, { path: root }, 'E')).rejects.toThrow(/not a regular file/)
    expect((h.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(1)
    h.close()
  })
})
