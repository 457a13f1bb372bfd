import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from '../../helpers/cli'
import { tmpDir } from '../../helpers/tmp'

const hasSqlite3 = spawnSync('sqlite3', ['-version']).status === 0

function newCase() {
  const root = tmpDir()
  const dir = join(root, 'case')
  const r = cli(['case', 'create', dir, '--title', 'Ronin bridge', '--number', '2022-0042', '--examiner', 'DC Smith', '--agency', 'NCA'])
  expect(r.stderr).toBe('')
  expect(r.code).toBe(0)
  return { root, dir }
}

describe('chaintrail CLI (foundation)', () => {
  it('create → evidence add → audit verify is intact, with JSON output from the contract types', () => {
    const { root, dir } = newCase()
    const body = 'Txhash,Blockno\n"0x01","1"\n'
    writeFileSync(join(root, 'export.csv'), body)
    const add = cli(['evidence', 'add', dir, join(root, 'export.csv'), '--note', 'Etherscan export', '--json'])
    expect(add.code).toBe(0)
    const added = JSON.parse(add.stdout) as { item: { sha256: string; note: string }; duplicate: boolean }
    expect(added.item.sha256).toBe(createHash('sha256').update(body).digest('hex'))
    expect(added).toMatchObject({ duplicate: false, item: { note: 'Etherscan export' } })
    const again = cli(['evidence', 'add', dir, join(root, 'export.csv')])
    expect(again.stdout).toMatch(/Already in the locker: export\.csv .*stored once/)
    const list = JSON.parse(cli(['evidence', 'list', dir, '--json']).stdout) as unknown[]
    expect(list).toHaveLength(1)
    const verify = cli(['audit', 'verify', dir, '--json'])
    expect(verify.code).toBe(0)
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, count: 3, firstBadSeq: null })
    const info = JSON.parse(cli(['case', 'info', dir, '--json']).stdout) as Record<string, unknown>
    expect(info).toMatchObject({ title: 'Ronin bridge', caseNumber: '2022-0042', agency: 'NCA', examiner: 'DC Smith', evidenceCount: 1, auditCount: 3 })
    const show = JSON.parse(cli(['audit', 'show', dir, '--json']).stdout) as { action: string }[]
    expect(show.map((e) => e.action)).toEqual(['case.created', 'evidence.added', 'evidence.added'])
  })

  it.skipIf(!hasSqlite3)('audit verify exits 1 naming the seq whose details lost one byte through the sqlite3 CLI', () => {
    const { root, dir } = newCase()
    writeFileSync(join(root, 'a.txt'), 'alpha')
    writeFileSync(join(root, 'b.txt'), 'beta')
    cli(['evidence', 'add', dir, join(root, 'a.txt')])
    cli(['evidence', 'add', dir, join(root, 'b.txt')])
    const db = join(dir, 'case.sqlite')
    // The attacker's route: drop the trigger, then flip one character of entry 2's details.
    const sql = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = replace(details, 'a.txt', 'A.txt') WHERE seq = 2;"
    expect(spawnSync('sqlite3', [db, sql]).status).toBe(0)
    const r = cli(['audit', 'verify', dir])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/audit chain broken at seq 2/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
    expect(JSON.parse(cli(['audit', 'verify', dir, '--json']).stdout)).toMatchObject({ ok: false, firstBadSeq: 2 })
  })

  it('evidence verify exits 1 and names the file when one locker byte changes', () => {
    const { root, dir } = newCase()
    writeFileSync(join(root, 'tx.json'), '{"txid":"00"}')
    const { item } = JSON.parse(cli(['evidence', 'add', dir, join(root, 'tx.json'), '--json']).stdout) as { item: { sha256: string } }
    expect(cli(['evidence', 'verify', dir]).code).toBe(0)
    const p = join(dir, 'evidence', item.sha256.slice(0, 2), item.sha256)
    const bytes = readFileSync(p)
    bytes[2] ^= 0x01
    chmodSync(p, 0o644)
    writeFileSync(p, bytes)
    chmodSync(p, 0o444)
    const r = cli(['evidence', 'verify', dir])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`evidence tx.json (${item.sha256}): content changed`)
  })

  it('usage errors exit 2 with one sentence; failures exit 1 without a stack trace unless --debug', () => {
    const root = tmpDir()
    expect(cli(['case', 'create', join(root, 'c')]).code).toBe(2)
    expect(cli(['case', 'create', join(root, 'c')]).stderr).toMatch(/^chaintrail: --title is required\n$/)
    expect(cli(['bogus']).code).toBe(2)
    expect(cli(['case', 'info']).stderr).toMatch(/missing <dir>/)
    expect(cli(['case', 'info', root, '--nope']).code).toBe(2)
    const pass = cli(['evidence', 'add', root, 'x', '--passphrase', 'secret'])
    expect(pass.code).toBe(2)
    expect(pass.stderr).toMatch(/never taken on the command line/)
    const missing = cli(['case', 'info', join(root, 'absent')])
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(cli(['case', 'info', join(root, 'absent'), '--debug']).stderr).toMatch(/\n\s+at /)
    const help = cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/case create/)
  })
})
