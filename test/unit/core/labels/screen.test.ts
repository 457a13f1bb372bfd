import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tmpDir } from '../../../helpers/tmp'
import { registerProvider, type ExploreProvider } from '../../../../src/core/explore/providers'
import { addrHash } from '../../../../src/core/attribution/addr-hash'
import { labelsForAddresses } from '../../../../src/core/attribution/label-lookup'
import { shared, sharedFixturesMissing } from '../../../helpers/fixtures'
import { labelCase, pack } from './helpers'

/** Addresses the test "case data" holds (a provider defined for tests only; real families register their own). */
const caseAddresses: { network: string; address: string }[] = []
const testProvider: ExploreProvider = {
  id: 'test-labels',
  handles: (n) => n === 'test-none',
  networks: () => [],
  addresses: () => ({ total: 0, rows: [] }),
  transactions: () => ({ total: 0, rows: [] }),
  address: () => undefined,
  tx: () => undefined,
  transfers: () => [],
  addressKeys: () => caseAddresses
}
registerProvider(testProvider)

const RONIN = '0x098b716b8aaf21512996dc57eb0615e2383e2f96'

describe.skipIf(!!sharedFixturesMissing)('attribution across sources and screening', () => {
  it('an address with labels from three sources shows all three with their sources; own labels are audited, imported ones read-only', async () => {
    const t = labelCase()
    await t.importLabels([pack('lazarus.yaml'), pack('ronin_bridge.yaml'), shared('labels/ofac/SDN_excerpt_lazarus_row.csv')])
    const own = await t.core.invoke('labels.add', { caseId: t.caseId, target: { network: 'eth', address: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96' }, name: 'invoice\u202Efdp.exe', category: 'suspect', note: 'seen in case T-1' })
    const { labels } = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'eth', address: RONIN })
    expect(labels.map((l) => [l.name, l.category, l.sourceKind, l.listTitle, l.evidence?.file ?? l.author])).toEqual([
      ['Lazarus group', 'sanctioned', 'import', 'OFAC Tagpack', 'lazarus.yaml'],
      ['LAZARUS GROUP', 'sanctioned', 'import', 'OFAC SDN List (SDN.CSV)', 'SDN_excerpt_lazarus_row.csv'],
      ['Ronin bridge exploiter', 'theft_hack', 'import', 'Ronin bridge hack', 'ronin_bridge.yaml'],
      ['invoice\u202Efdp.exe', 'suspect', 'examiner', '', 'DC Label']
    ])
    // The seam the graph and tables use gives the same, most severe first.
    const seam = labelsForAddresses(t.db(), [{ network: 'eth', address: RONIN }]).get(`eth:${RONIN}`)!
    expect(seam.map((s) => s.source)).toEqual(['OFAC Tagpack', 'OFAC SDN List (SDN.CSV)', 'Ronin bridge hack', 'examiner DC Label'])
    expect(seam[1]).toMatchObject({ sanctioned: true, sdnName: 'LAZARUS GROUP', sdnProgram: 'DPRK3' })

    await expect(t.core.invoke('labels.remove', { caseId: t.caseId, labelId: labels[0].id })).rejects.toMatchObject({ code: 'READ_ONLY' })
    expect(() => t.db().prepare('UPDATE labels SET name = ? WHERE id = ?').run('x', labels[0].id)).toThrow(/read-only facts/)
    const edited = await t.core.invoke('labels.update', { caseId: t.caseId, labelId: own.id, category: 'victim' })
    expect(edited.category).toBe('victim')
    await t.core.invoke('labels.remove', { caseId: t.caseId, labelId: own.id })
    const audit = (await t.core.invoke('audit.list', { caseId: t.caseId, newestFirst: false })).entries
    expect(audit.map((e) => e.action).slice(-3)).toEqual(['label.added', 'label.updated', 'label.removed'])
    expect(audit.at(-1)!.details).toMatchObject({ removed: { name: 'invoice\u202Efdp.exe', category: 'victim', note: 'seen in case T-1' } })
    expect((await t.core.invoke('audit.verify', { caseId: t.caseId })).ok).toBe(true)
  })

  it('the identical label in a second file becomes a further source, not a second row', async () => {
    const t = labelCase()
    await t.importLabels([pack('lazarus.yaml')])
    const copy = join(tmpDir(), 'lazarus-copy.yaml')
    writeFileSync(copy, readFileSync(pack('lazarus.yaml'), 'utf8') + '# re-published copy\n')
    const { results } = await t.importLabels([copy])
    expect(results[0].counts).toEqual({ 'labels.also-in-another-file': 21 })
    const { labels } = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'eth', address: RONIN })
    expect(labels).toHaveLength(1)
    expect(labels[0].evidence?.file).toBe('lazarus.yaml')
    expect(labels[0].alsoIn).toEqual([{ sha256: results[0].sha256, file: 'lazarus-copy.yaml', locator: 'line 53' }])
  })

  it('screening lists sanctioned hits first with the SDN entry name and program, then theft/hack, mixer, others', async () => {
    const t = labelCase()
    await t.importLabels([pack('ronin_bridge.yaml'), shared('labels/ofac/SDN_excerpt_lazarus_row.csv'), pack('demo.yaml'), pack('blender_io.yaml')])
    await t.core.invoke('labels.add', { caseId: t.caseId, target: { network: 'btc', address: '1Archive1n2C579dMsAu3iC6tWzuQJz8dN' }, name: 'Seen in victim report', category: 'victim' })
    caseAddresses.splice(0, caseAddresses.length,
      { network: 'btc', address: '1Archive1n2C579dMsAu3iC6tWzuQJz8dN' }, // Internet Archive (organization → other) + own victim label
      { network: 'eth', address: '0x29fc9b71492ec63696cf9cd56e9832a42b0dced0' }, // Ronin bridge exploiter 4 (theft/hack)
      { network: 'eth', address: '0x0000000000000000000000000000000000000001' }, // no label
      { network: 'eth', address: RONIN }, // SDN LAZARUS GROUP + Ronin exploiter
      { network: 'btc', address: '1GkT8q9VbHuUZKeNoQpvwDPBP7oDqexmiz' } // not labelled in these packs
    )
    const r = await t.core.invoke('screen.run', { caseId: t.caseId })
    expect(r.addressesChecked).toBe(5)
    expect(r.hits.map((h) => [h.address, h.category])).toEqual([
      [RONIN, 'sanctioned'],
      ['0x29fc9b71492ec63696cf9cd56e9832a42b0dced0', 'theft_hack'],
      ['1Archive1n2C579dMsAu3iC6tWzuQJz8dN', 'victim']
    ])
    expect(r.hits[0].display).toBe('0x098B716B8Aaf21512996dC57EB0615e2383E2f96')
    expect(r.hits[0].labels[0]).toMatchObject({ name: 'LAZARUS GROUP', sdnName: 'LAZARUS GROUP', sdnProgram: 'DPRK3', source: 'OFAC SDN List (SDN.CSV)' })
    expect(r.hits[0].labels[1]).toMatchObject({ name: 'Ronin bridge exploiter', category: 'theft_hack' })
    expect(r.hits[0].path).toBeNull()
    expect(r.byCategory).toEqual({ sanctioned: 1, theft_hack: 1, victim: 1 })
  })

  it('entity labels reach every member address (seam and screening)', async () => {
    const t = labelCase()
    const e = await t.core.invoke('entities.create', { caseId: t.caseId, name: 'Mixer cluster', members: [{ network: 'btc', address: '1Archive1n2C579dMsAu3iC6tWzuQJz8dN' }] })
    await t.core.invoke('labels.add', { caseId: t.caseId, target: { entityId: e.id }, name: 'Suspected mixer', category: 'mixer' })
    caseAddresses.splice(0, caseAddresses.length, { network: 'btc', address: '1Archive1n2C579dMsAu3iC6tWzuQJz8dN' })
    const r = await t.core.invoke('screen.run', { caseId: t.caseId })
    expect(r.hits[0].labels[0]).toMatchObject({ name: 'Suspected mixer', viaEntity: 'Mixer cluster', category: 'mixer' })
  })
})

describe('screening hash candidates', () => {
  it('two addresses with the same 30-bit hash: only the labelled one is a hit', async () => {
    const seen = new Map<number, string>()
    let pair: [string, string] | undefined
    for (let i = 0; !pair; i++) {
      const a = '0x' + i.toString(16).padStart(40, '0')
      const h = addrHash('eth', a)
      const other = seen.get(h)
      if (other) pair = [other, a]
      else seen.set(h, a)
    }
    const t = labelCase()
    await t.core.invoke('labels.add', { caseId: t.caseId, target: { network: 'eth', address: pair[0] }, name: 'Labelled', category: 'scam' })
    caseAddresses.splice(0, caseAddresses.length, { network: 'eth', address: pair[1] })
    expect((await t.core.invoke('screen.run', { caseId: t.caseId })).hits).toEqual([])
    caseAddresses.push({ network: 'eth', address: pair[0] })
    expect((await t.core.invoke('screen.run', { caseId: t.caseId })).hits.map((h) => h.address)).toEqual([pair[0]])
  })
})

describe('entity deletion keeps its labels in the audit log', () => {
  it('deleting an entity removes its own labels and records them', async () => {
    const t = labelCase()
    const e = await t.core.invoke('entities.create', { caseId: t.caseId, name: 'E', members: [] })
    await t.core.invoke('labels.add', { caseId: t.caseId, target: { entityId: e.id }, name: 'Cluster of suspect', category: 'suspect' })
    await t.core.invoke('entities.delete', { caseId: t.caseId, entityId: e.id })
    expect((await t.core.invoke('labels.list', { caseId: t.caseId })).total).toBe(0)
    const last = (await t.core.invoke('audit.list', { caseId: t.caseId })).entries[0]
    expect(last).toMatchObject({ action: 'entity.deleted', details: { labels: [{ name: 'Cluster of suspect', category: 'suspect' }] } })
  })
})
