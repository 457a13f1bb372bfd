import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main'
import { registerProvider } from '../../../src/core/explore/providers'
import { shared, sharedFixturesMissing } from '../../helpers/fixtures'
import { tmpDir } from '../../helpers/tmp'

const held = [{ network: 'eth', address: '0x098b716b8aaf21512996dc57eb0615e2383e2f96' }]
registerProvider({ id: 'cli-test', handles: () => false, networks: () => [], addresses: () => ({ total: 0, rows: [] }), transactions: () => ({ total: 0, rows: [] }), address: () => undefined, tx: () => undefined, transfers: () => [], addressKeys: () => held })

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (s) => void (out += s + '\n'), err: (s) => void (err += s + '\n') })
  return { code, out, err }
}

describe.skipIf(!!sharedFixturesMissing)('chaintrail label / screen', () => {
  it('three sources for one address are listed with their sources; screening reports the SDN entry first; --fail-on sets the exit code', async () => {
    const dir = join(tmpDir(), 'case')
    expect((await run('case', 'create', dir, '--title', 'T', '--number', '1', '--examiner', 'DC Cli')).code).toBe(0)
    const F = (p: string) => shared(`labels/${p}`)
    const imp = await run('label', 'import', dir, F('graphsense-tagpacks/lazarus.yaml'), F('graphsense-tagpacks/ronin_bridge.yaml'), F('ofac/SDN_excerpt_lazarus_row.csv'), '--json')
    expect(imp.code).toBe(0)
    expect((JSON.parse(imp.out) as { results: { counts: Record<string, number> }[] }).results.map((r) => r.counts['labels.new'])).toEqual([21, 6, 8])
    const list = await run('label', 'list', dir, '--network', 'eth', '--address', '0x098B716B8Aaf21512996dC57EB0615e2383E2f96')
    expect(list.out).toMatch(/Lazarus group .*OFAC Tagpack — lazarus.yaml line 53 sha256:/)
    expect(list.out).toMatch(/LAZARUS GROUP \(SDN DPRK3\).*OFAC SDN List \(SDN.CSV\) — SDN_excerpt_lazarus_row.csv line 1 \/addresses\/0/)
    expect(list.out).toMatch(/Ronin bridge exploiter .*Ronin bridge hack — ronin_bridge.yaml line 11/)
    const add = await run('label', 'add', dir, '--network', 'eth', '--address', '0x098B716B8Aaf21512996dC57EB0615e2383E2f96', '--name', 'invoice\u202Efdp.exe', '--category', 'suspect')
    expect(add.out).toContain('invoice⟦RLO⟧fdp.exe')
    const screen = await run('screen', dir)
    expect(screen.code).toBe(0)
    expect(screen.out).toMatch(/1 hit\(s\)\n\n⊘ SANCTIONED {2}eth:0x098B716B8Aaf21512996dC57EB0615e2383E2f96\n {3}- sanctioned: Lazarus group/)
    expect(screen.out).toContain('[SDN entry "LAZARUS GROUP", program DPRK3]')
    const fail = await run('screen', dir, '--fail-on', 'sanctioned')
    expect(fail.code).toBe(1)
    expect(fail.err).toMatch(/1 hit\(s\) at or above "sanctioned"/)
    const bad = await run('label', 'import', dir, F('graphsense-tagpacks/tornado_cash.yaml'))
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/^chaintrail: tornado_cash.yaml:51: 1 invalid entry; nothing was imported/)
    const skip = await run('label', 'import', dir, F('graphsense-tagpacks/tornado_cash.yaml'), '--skip-invalid')
    expect(skip.out).toMatch(/labels.new: +38/)
    expect(skip.out).toMatch(/warning: skipped line 51 tags\[38\]/)
    const id = /Added label (\d+)/.exec(add.out)![1]
    expect((await run('label', 'remove', dir, id)).out).toMatch(/kept in the audit log/)
  })
})
