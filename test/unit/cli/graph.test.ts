import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main'
import { makeGraphCase } from '../../helpers/make-graph-case'
import { tmpDir } from '../../helpers/tmp'

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (s) => void (out += s + '\n'), err: (s) => void (err += s + '\n') })
  return { code, out, err }
}

describe('chaintrail graph views / graph export', () => {
  it('lists views and writes each format; usage errors exit 2', async () => {
    const root = tmpDir('ct-cli-graph-')
    const dir = join(root, 'case')
    await makeGraphCase(dir)
    const views = await run(['graph', 'views', dir, '--json'])
    expect(views.code).toBe(0)
    expect(JSON.parse(views.out)[0]).toMatchObject({ name: 'Ronin exhibit', nodes: 13 })
    for (const ext of ['svg', 'png', 'gexf', 'graphml']) {
      const out = join(root, `x.${ext}`)
      const r = await run(['graph', 'export', dir, '--view', 'Ronin exhibit', '--out', out, '--json'])
      expect(r.code).toBe(0)
      expect(JSON.parse(r.out)).toMatchObject({ format: ext, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
      const head = readFileSync(out).subarray(0, 8).toString('latin1')
      expect(head).toMatch(ext === 'png' ? /PNG/ : /^<\?xml/)
    }
    expect(readFileSync(join(root, 'x.svg'), 'utf8')).toContain('173,600 ETH')
    expect((await run(['graph', 'export', dir, '--out', join(root, 'x.pdf')])).code).toBe(2)
    expect((await run(['graph', 'export', dir, '--view', 'nope', '--out', join(root, 'y.svg')])).code).toBe(2)
    // Without --view the whole case is drawn (both chains here).
    const all = await run(['graph', 'export', dir, '--out', join(root, 'all.svg')])
    expect(all.code).toBe(0)
    expect(readFileSync(join(root, 'all.svg'), 'utf8')).toContain('BTC')
  })
})
