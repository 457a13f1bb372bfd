import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { shared, sharedFixturesMissing } from '../../../helpers/fixtures'
import { tmpDir } from '../../../helpers/tmp'
import { labelCase, local } from './helpers'

/** The per-asset OFAC lists of 2024-09-27, as a set of "SYMBOL address". */
function officialLists(): Set<string> {
  const out = new Set<string>()
  for (const sym of ['XBT', 'ETH', 'USDT', 'USDC', 'XMR', 'BCH', 'LTC', 'TRX', 'ARB', 'BSC', 'ETC', 'DASH', 'ZEC']) {
    for (const a of readFileSync(shared(`labels/ofac/address-lists/sanctioned_addresses_${sym}.txt`), 'utf8').split('\n').filter(Boolean)) out.add(`${sym} ${a}`)
  }
  return out
}

/** What an import found, as "SYMBOL address-as-written" (the symbol is in the concept text). */
function found(db: ReturnType<ReturnType<typeof labelCase>['db']>): string[] {
  return (db.prepare("SELECT concept, address_text FROM labels WHERE source_kind = 'import' ORDER BY id").all() as { concept: string; address_text: string }[]).map(
    (r) => `${/asset=([A-Z]+)/.exec(r.concept)![1]} ${r.address_text}`
  )
}

const LAZARUS_ETH = [
  '0x098B716B8Aaf21512996dC57EB0615e2383E2f96',
  '0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B',
  '0x3Cffd56B47B7b41c56258D9C7731ABaDc360E073',
  '0x53b6936513e738f44FB50d2b9476730C0Ab3Bfc1',
  '0x35fB6f6DB4fb05e6A4cE86f2C93691425626d4b1',
  '0xF7B31119c2682c88d88D455dBb9d5932c65Cf1bE',
  '0x3e37627dEAA754090fBFbb8bd226c1CE66D255e9',
  '0x08723392Ed15743cc38513C4925f5e6be5c17243'
]

describe.skipIf(!!sharedFixturesMissing)('OFAC SDN import', () => {
  it('the real SDN.CSV row 27307: 8 ETH addresses labelled LAZARUS GROUP, program DPRK3, all on the official ETH list', async () => {
    const t = labelCase()
    const { results } = await t.importLabels([shared('labels/ofac/SDN_excerpt_lazarus_row.csv')])
    expect(results[0].format).toBe('labels-ofac-sdn-csv')
    expect(results[0].counts['labels.new']).toBe(8)
    expect(found(t.db())).toEqual(LAZARUS_ETH.map((a) => `ETH ${a}`))
    const lists = officialLists()
    for (const f of found(t.db())) expect(lists.has(f)).toBe(true)
    const { labels } = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'eth', address: LAZARUS_ETH[0] })
    expect(labels[0]).toMatchObject({ name: 'LAZARUS GROUP', category: 'sanctioned', sdnName: 'LAZARUS GROUP', sdnProgram: 'DPRK3', sdnUid: '27307', confidenceId: 'authority_data', author: 'OFAC' })
    expect(labels[0].evidence).toMatchObject({ file: 'SDN_excerpt_lazarus_row.csv', locator: 'line 1 /addresses/0' })
  })

  it('a Remarks field cut inside an address is refused alone and completed from sdn_comments.csv', async () => {
    const t = labelCase()
    await expect(t.importLabels([local('SDN_authored_cut.csv')])).rejects.toThrow(/0xd882cfc2 runs to the 1000-character Remarks limit and may be cut; import sdn_comments.csv together/)
    expect(t.db().prepare('SELECT count(*) AS n FROM labels').get()).toEqual({ n: 0 })
    const { results } = await t.importLabels([local('SDN_authored_cut.csv'), local('sdn_comments_authored.csv')])
    expect(results.map((r) => r.format)).toEqual(['labels-ofac-sdn-csv', 'labels-ofac-sdn-comments'])
    const f = found(t.db())
    expect(f).toHaveLength(14)
    expect(f).toContain('ETC 0xd882cfc20f52f2599d84b8e8d58c7fb62cfe344b')
    const lists = officialLists()
    expect(f.filter((x) => !lists.has(x))).toEqual([])
    // The label points at the SDN row; the spill-over file is recorded as a further source.
    const { labels } = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'etc', address: '0xd882cfc20f52f2599d84b8e8d58c7fb62cfe344b' })
    expect(labels[0]).toMatchObject({ sdnProgram: 'CYBER2, NPWMD', evidence: { file: 'SDN_authored_cut.csv' }, alsoIn: [{ file: 'sdn_comments_authored.csv', locator: 'line 1' }] })
    // USDT/USDC by address form, symbols to chains.
    expect(t.db().prepare("SELECT network, address_text FROM labels WHERE concept LIKE '%asset=USD%' ORDER BY id").all()).toEqual([
      { network: 'tron', address_text: 'TEAqwfMhXLaomXhZ8KeMhx3njGmQEDnsUR' },
      { network: 'eth', address_text: '0x175d44451403Edf28469dF03A9280c1197ADb92c' },
      { network: 'eth', address_text: '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40' }
    ])
  })

  it('sdn.xml and sdn_advanced.xml (authored to the documented structure) find the same 22 addresses, all on the official lists', async () => {
    const lists = officialLists()
    const sets: string[][] = []
    for (const file of ['sdn.xml', 'sdn_advanced.xml']) {
      const t = labelCase()
      const { results } = await t.importLabels([local(file)])
      expect(results[0].format).toBe(file === 'sdn.xml' ? 'labels-ofac-sdn-xml' : 'labels-ofac-sdn-advanced')
      const f = found(t.db())
      expect(f).toHaveLength(22)
      expect(f.filter((x) => !lists.has(x))).toEqual([])
      sets.push([...f].sort())
      const { labels } = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'eth', address: LAZARUS_ETH[0] })
      expect(labels[0]).toMatchObject({ name: 'LAZARUS GROUP', sdnProgram: 'DPRK3', sdnUid: '27307' })
      const p = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'tron', address: 'TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre' })
      expect(p.labels[0]).toMatchObject({ name: 'AUTHORED TEST PARTY', sdnProgram: 'CYBER2, NPWMD' })
      const sources = await t.core.invoke('labels.sources', { caseId: t.caseId })
      expect(sources.sets[0].lastmod).toBe(file === 'sdn.xml' ? '09/27/2024' : '2024-09-27')
    }
    expect(sets[0]).toEqual(sets[1])
  })

  it('sdn_advanced.xml resolves FeatureType ids by text: renumbering them changes nothing', async () => {
    const dir = tmpDir()
    const text = readFileSync(local('sdn_advanced.xml'), 'utf8').replace(/FeatureTypeID="345"/g, 'FeatureTypeID="9345"').replace('<FeatureType ID="345"', '<FeatureType ID="9345"')
    writeFileSync(join(dir, 'renumbered.xml'), text)
    const t = labelCase()
    const { results } = await t.importLabels([join(dir, 'renumbered.xml')])
    expect(results[0].counts['labels.new']).toBe(22)
  })

  it('XXE, entity bombs and external DTDs are refused before any entity is read; the canary never appears', async () => {
    const dir = tmpDir()
    const canary = join(dir, 'canary.txt')
    writeFileSync(canary, 'CANARY-7f3a')
    const payloads = {
      'xxe.xml': `<?xml version="1.0"?>\n<!DOCTYPE sdnList [<!ENTITY x SYSTEM "file://${canary}">]>\n<sdnList><sdnEntry><uid>1</uid><lastName>&x;</lastName></sdnEntry></sdnList>`,
      'bomb.xml': `<?xml version="1.0"?>\n<!DOCTYPE sdnList [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<sdnList><sdnEntry><lastName>&c;</lastName></sdnEntry></sdnList>`,
      'dtd.xml': `<?xml version="1.0"?>\n<!DOCTYPE sdnList SYSTEM "http://127.0.0.1:9/evil.dtd">\n<sdnList></sdnList>`
    }
    const t = labelCase()
    for (const [name, body] of Object.entries(payloads)) {
      writeFileSync(join(dir, name), body)
      const err = (await t.importLabels([join(dir, name)], { format: 'labels-ofac-sdn-xml' }).catch((e: Error) => e)) as Error
      expect(err.message).toMatch(/<!DOCTYPE> is refused/)
      expect(JSON.stringify(err)).not.toContain('CANARY')
    }
    expect(t.db().prepare('SELECT count(*) AS n FROM evidence').get()).toEqual({ n: 0 })
  })
})
