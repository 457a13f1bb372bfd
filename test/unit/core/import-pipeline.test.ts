import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/shared/api/errors'
import { runImport } from '../../../src/core/importers/pipeline'
import { registerImporter, registerSink } from '../../../src/core/importers/registry'
import { ParseError, type ImportRecord } from '../../../src/core/importers/types'
import { createCase } from '../../../src/core/case/case-folder'
import { tableDigests } from '../../helpers/digest'
import { tmpDir } from '../../helpers/tmp'

// A tiny line format used only here to exercise the shared pipeline: "TESTLINES" then key=value lines.
registerImporter({
  id: 'test-lines',
  name: 'Pipeline test lines',
  version: '1',
  detect: (head) => (head.toString('utf8').startsWith('TESTLINES\n') ? 90 : 0),
  async *parse(input) {
    const rl = createInterface({ input: input.open(), crlfDelay: Infinity })
    let line = 0
    for await (const text of rl) {
      line++
      if (line === 1 || text === '') continue
      const eq = text.indexOf('=')
      if (eq < 1) throw new ParseError(`expected key=value, found ${JSON.stringify(text)}`, { line, column: 1 })
      yield { kind: 'test.pair', loc: { line }, data: { key: text.slice(0, eq), value: text.slice(eq + 1) } } satisfies ImportRecord
    }
  }
})
registerSink({
  kind: 'test.pair',
  store(rec, ctx) {
    const { key, value } = rec.data as { key: string; value: string }
    const seen = ctx.db.prepare("SELECT locator FROM record_sources WHERE kind = 'test.pair' AND key = ? LIMIT 1").get(key) as { locator: string } | undefined
    if (seen && value === 'conflict') ctx.conflict({ kind: 'test.pair', key, field: 'value', existing: 'x', incoming: value })
    ctx.addSource('test.pair', key)
    ctx.count(seen ? 'pairs.existing' : 'pairs.new')
  }
})

function setup() {
  const root = tmpDir()
  const h = createCase(join(root, 'case'), { title: 'P', caseNumber: '1', examiner: 'E' })
  const write = (name: string, body: string | Buffer) => {
    const p = join(root, name)
    writeFileSync(p, body)
    return p
  }
  return { root, h, write }
}

const lockerFiles = (dir: string) =>
  readdirSync(join(dir, 'evidence'))
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .flatMap((d) => readdirSync(join(dir, 'evidence', d)))

describe('import pipeline', () => {
  it('detects by content, stores records with provenance and audits once', async () => {
    const { h, write } = setup()
    const [r] = await runImport(h, [{ path: write('whatever.json', 'TESTLINES\na=1\nb=2\n') }], { examiner: 'E' })
    expect(r).toMatchObject({ format: 'test-lines', records: 2, counts: { 'pairs.new': 2 }, evidenceAlreadyPresent: false })
    const rows = h.db.prepare('SELECT key, locator FROM record_sources ORDER BY key').all()
    expect(rows).toEqual([
      { key: 'a', locator: 'line 2' },
      { key: 'b', locator: 'line 3' }
    ])
    const audit = h.db.prepare("SELECT details FROM audit_log WHERE action = 'import'").all() as { details: string }[]
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0].details).files[0]).toMatchObject({ format: 'test-lines', sha256: r.sha256, records: 2 })
    h.close()
  })

  it('a malformed record rolls back everything, names file:line:column, and leaves no locker file', async () => {
    const { h, write } = setup()
    await runImport(h, [{ path: write('good.txt', 'TESTLINES\na=1\n') }], { examiner: 'E' })
    const before = tableDigests(h.db)
    const lockerBefore = lockerFiles(h.dir)
    const err = await runImport(h, [{ path: write('ok2.txt', 'TESTLINES\nc=3\n') }, { path: write('bad.txt', 'TESTLINES\nd=4\nnot a pair\n'), originalName: 'bad.txt' }], { examiner: 'E' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'PARSE', file: 'bad.txt', line: 3, column: 1 })
    expect(tableDigests(h.db)).toEqual(before)
    expect(lockerFiles(h.dir)).toEqual(lockerBefore)
    h.close()
  })

  it('dry run reports the same counts and stores nothing', async () => {
    const { h, write } = setup()
    const before = tableDigests(h.db)
    const [r] = await runImport(h, [{ path: write('x.txt', 'TESTLINES\na=1\nb=2\nc=3\n') }], { examiner: 'E', dryRun: true })
    expect(r.records).toBe(3)
    expect(tableDigests(h.db)).toEqual(before)
    expect(lockerFiles(h.dir)).toEqual([])
    h.close()
  })

  it('re-importing the same file adds sources, not duplicates, and keeps the evidence once', async () => {
    const { h, write } = setup()
    const p = write('x.txt', 'TESTLINES\na=1\n')
    await runImport(h, [{ path: p }], { examiner: 'E' })
    const [again] = await runImport(h, [{ path: p }], { examiner: 'E' })
    expect(again).toMatchObject({ evidenceAlreadyPresent: true, counts: { 'pairs.existing': 1 } })
    expect((h.db.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n).toBe(1)
    expect((h.db.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n).toBe(2)
    h.close()
  })

  it('records a conflict without overwriting', async () => {
    const { h, write } = setup()
    await runImport(h, [{ path: write('1.txt', 'TESTLINES\nk=1\n') }], { examiner: 'E' })
    const [r] = await runImport(h, [{ path: write('2.txt', 'TESTLINES\nk=conflict\n') }], { examiner: 'E' })
    expect(r.conflicts).toEqual([expect.objectContaining({ key: 'k', field: 'value', incoming: 'conflict' })])
    expect(h.db.prepare('SELECT kind, key, field, new_locator FROM conflicts').all()).toEqual([{ kind: 'test.pair', key: 'k', field: 'value', new_locator: 'line 2' }])
    h.close()
  })

  it('refuses empty, binary and unknown files before copying them, listing the known formats', async () => {
    const { h, write } = setup()
    await expect(runImport(h, [{ path: write('empty.csv', '') }], { examiner: 'E' })).rejects.toThrow(/empty \(0 bytes\)/)
    await expect(runImport(h, [{ path: write('img.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) }], { examiner: 'E' })).rejects.toThrow(/PNG image/)
    await expect(runImport(h, [{ path: write('nul.csv', 'a,b\n1,\u0000\n') }], { examiner: 'E' })).rejects.toThrow(/NUL byte/)
    await expect(runImport(h, [{ path: write('odd.txt', 'hello world\n') }], { examiner: 'E' })).rejects.toThrow(/known formats: .*test-lines/)
    expect(existsSync(join(h.dir, 'evidence'))).toBe(true)
    expect(lockerFiles(h.dir)).toEqual([])
    expect((h.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(1)
    h.close()
  })
})
