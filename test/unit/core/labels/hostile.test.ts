import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tmpDir } from '../../../helpers/tmp'
import { labelCase } from './helpers'

const HEAD = 'title: t\ncreator: c\nsource: https://example.org/s\nconfidence: forensic\n'

function file(dir: string, name: string, body: string): string {
  const p = join(dir, name)
  writeFileSync(p, body)
  return p
}

describe('tag sets: bad files give per-entry errors and change nothing', () => {
  it('invalid YAML names its line; unknown currency, malformed address and duplicates are listed entry by entry', async () => {
    const dir = tmpDir()
    const t = labelCase()
    await expect(t.importLabels([file(dir, 'broken.yaml', HEAD + 'tags:\n- address: [unclosed\n  currency: BTC\n')], { format: 'labels-tagpack' })).rejects.toMatchObject({ code: 'PARSE', file: 'broken.yaml', line: expect.any(Number) })
    const bad = file(
      dir,
      'bad.yaml',
      HEAD +
        'label: L\ntags:\n' +
        '- address: 1Archive1n2C579dMsAu3iC6tWzuQJz8dN\n  currency: BTC\n' + // line 7 ok
        '- address: 1Archive1n2C579dMsAu3iC6tWzuQJz8dN\n  currency: DOGE\n' + // line 9 unknown currency
        '- address: 1Archive1n2C579dMsAu3iC6tWzuQJz8dX\n  currency: BTC\n' + // line 11 bad checksum
        "- address: '0xFA8E3920daF271daB92Be9B87d9998DDd94fEF08'\n  currency: ETH\n" + // line 13 bad EIP-55
        '- address: 1ARCHIVE1n2C579dMsAu3iC6tWzuQJz8dN\n  currency: btc\n' + // line 15 case-insensitive duplicate of line 7
        '- currency: BTC\n' + // line 17 neither address nor tx_hash
        '- address: 1K1rgZ1dz9w7dsR1HGS1drmzfUHMtqx1Tc\n  currency: BTC\n  confidence: very_sure\n' // line 18 unknown confidence
    )
    const err = (await t.importLabels([bad]).catch((e: unknown) => e)) as { message: string; details: { errors: string[] } }
    expect(err.details.errors).toEqual([
      'line 9 tags[1]: unknown currency/network "DOGE"',
      'line 11 tags[2]: invalid address "1Archive1n2C579dMsAu3iC6tWzuQJz8dX": 1Archive1n2C579dMsAu3iC6tWzuQJz8dX has no matching Script',
      'line 13 tags[3]: invalid address "0xFA8E3920daF271daB92Be9B87d9998DDd94fEF08": bad EIP-55 checksum (mixed case that does not match)',
      'line 15 tags[4]: duplicate entry (same identity as line 7 tags[0])',
      'line 17 tags[5]: a tag needs exactly one of address and tx_hash',
      'line 18 tags[6]: unknown confidence "very_sure"'
    ])
    expect(err.message).toMatch(/^6 invalid entries; nothing was imported/)
    expect(t.db().prepare('SELECT (SELECT count(*) FROM labels) AS l, (SELECT count(*) FROM evidence) AS e').get()).toEqual({ l: 0, e: 0 })
    const { results } = await t.importLabels([bad], { skipInvalid: true })
    expect(results[0].counts).toEqual({ 'labels.new': 1, 'labels.skipped': 6 })
    expect(results[0].warnings.filter((w) => w.startsWith('skipped '))).toHaveLength(6)
  })

  it('the YAML hazards of RELIABILITY §4 are refused quickly with bounded memory', async () => {
    const dir = tmpDir()
    const t = labelCase()
    const laughs = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let i = 1; i <= 9; i++) laughs.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`)
    const cases: Record<string, [string, RegExp]> = {
      'laughs.yaml': [HEAD + laughs.join('\n') + '\ntags: []\n', /resource exhaustion/],
      'jsfn.yaml': [HEAD + 'label: !!js/function "function(){}"\ntags: []\n', /Unresolved tag/],
      'py.yaml': [HEAD + 'label: !!python/object:os.system ["id"]\ntags: []\n', /Unresolved tag/],
      'up.yaml': [HEAD + 'header: !include ../x.yaml\ntags: []\n', /only a plain file name in the pack's own folder/],
      'abs.yaml': [HEAD + 'header: !include /etc/passwd\ntags: []\n', /only a plain file name in the pack's own folder/],
      'dupkey.yaml': [HEAD + 'title: again\ntags: []\n', /Map keys must be unique/],
      'deep.yaml': [HEAD + 'label: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\ntags: []\n', /invalid YAML/]
    }
    for (const [name, [body, re]] of Object.entries(cases)) {
      const rss = process.memoryUsage().rss
      const started = performance.now()
      const err = (await t.importLabels([file(dir, name, body)], { format: 'labels-tagpack' }).catch((e: Error) => e)) as Error
      expect(err.message, name).toMatch(re)
      expect(performance.now() - started, name).toBeLessThan(1000)
      expect(process.memoryUsage().rss - rss, name).toBeLessThan(200 * 1024 * 1024)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(t.db().prepare('SELECT count(*) AS n FROM evidence').get()).toEqual({ n: 0 })
  })

  it('!include: a plain file beside the pack is merged (pack keys win); a symlink or a nested include is refused', async () => {
    const dir = tmpDir()
    file(dir, 'header.yaml', 'title: from include\ncreator: inc\nsource: https://example.org/h\ncurrency: BTC\nconfidence: heuristic\nlabel: Included\n')
    const p = file(dir, 'pack.yaml', 'header: !include header.yaml\ntitle: own title\ntags:\n- address: 1Archive1n2C579dMsAu3iC6tWzuQJz8dN\n')
    const t = labelCase()
    const { results } = await t.importLabels([p])
    expect(results[0].warnings[0]).toMatch(/^header included from header.yaml \(SHA-256 [0-9a-f]{64}\)/)
    const { labels } = await t.core.invoke('labels.list', { caseId: t.caseId })
    expect(labels[0]).toMatchObject({ name: 'Included', listTitle: 'own title', confidenceId: 'heuristic', author: 'inc' })
    mkdirSync(join(dir, 'sub'))
    symlinkSync('/etc/passwd', join(dir, 'sub', 'link.yaml'))
    const viaLink = file(join(dir, 'sub'), 'p.yaml', 'header: !include link.yaml\ntags: []\n')
    await expect(t.importLabels([viaLink], { format: 'labels-tagpack' })).rejects.toThrow(/not a regular file \(symlinks are not followed\)/)
    file(join(dir, 'sub'), 'h2.yaml', 'title: x\nnext: !include header.yaml\n')
    const nested = file(join(dir, 'sub'), 'p2.yaml', 'header: !include h2.yaml\ntags: []\n')
    await expect(t.importLabels([nested], { format: 'labels-tagpack' })).rejects.toThrow(/one level deep/)
  })
})

describe('plain CSV and JSON tag sets', () => {
  it('CSV: chain as network id or symbol, categories by name, per-row errors with line numbers', async () => {
    const dir = tmpDir()
    const t = labelCase()
    const csv = file(
      dir,
      'mine.csv',
      'address,chain,label,category,source,confidence\n' +
        '0xFA8E3920daF271daB92Be9B87d9998DDd94FEF08,eth,Internet Archive,unknown,https://archive.org/donate/cryptocurrency,service_data\n' +
        'TEAqwfMhXLaomXhZ8KeMhx3njGmQEDnsUR,USDT,Sanctioned wallet,sanctioned,https://ofac.treasury.gov/,authority_data\n' +
        '1Archive1n2C579dMsAu3iC6tWzuQJz8dN,XBT,Archive BTC,exchange,note,\n'
    )
    const { results } = await t.importLabels([csv])
    expect(results[0]).toMatchObject({ format: 'labels-csv', counts: { 'labels.new': 3 } })
    expect(results[0].warnings[0]).toMatch(/lowest level "unknown"/)
    const bad = file(dir, 'bad.csv', 'address,chain,label,category,source\n1Archive1n2C579dMsAu3iC6tWzuQJz8dN,btc,x,pirates,s\nа1Archive,btc,x,exchange,s\n')
    const err = (await t.importLabels([bad]).catch((e: unknown) => e)) as { details: { errors: string[] } }
    expect(err.details.errors).toEqual(['line 2: unknown category "pirates"', 'line 3: invalid address "а1Archive": contains U+0430 at position 1; addresses are plain ASCII'])
  })

  it('JSON: {"labels": [...]} with JSON-pointer locators; duplicate keys are refused', async () => {
    const dir = tmpDir()
    const t = labelCase()
    const j = file(dir, 'mine.json', JSON.stringify({ title: 'My list', labels: [{ address: 'TEAqwfMhXLaomXhZ8KeMhx3njGmQEDnsUR', chain: 'tron', label: 'X', category: 'scam', source: 'https://example.org' }] }))
    await t.importLabels([j])
    const { labels } = await t.core.invoke('labels.list', { caseId: t.caseId })
    expect(labels[0]).toMatchObject({ listTitle: 'My list', category: 'scam', evidence: { locator: '/labels/0' } })
    const dup = file(dir, 'dup.json', '{"labels": [{"address": "a", "chain": "btc", "label": "x", "label": "y", "category": "scam", "source": "s"}]}')
    await expect(t.importLabels([dup])).rejects.toThrow(/Duplicate key 'label'/)
  })
})
