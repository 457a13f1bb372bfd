import { describe, expect, it } from 'vitest'
import { sharedFixturesMissing } from '../../../helpers/fixtures'
import { labelCase, pack, perNetwork } from './helpers'

describe.skipIf(!!sharedFixturesMissing)('GraphSense TagPack import (real packs)', () => {
  it('lazarus.yaml: 21 tags inherit the header; 20 BTC + 1 ETH, sanctioned via abuse=sanction, authority_data 60', async () => {
    const t = labelCase()
    const { results } = await t.importLabels([pack('lazarus.yaml')])
    expect(results[0].format).toBe('labels-tagpack')
    expect(results[0].counts['labels.new']).toBe(21)
    expect(perNetwork(t.core, t.caseId)).toEqual({ btc: 20, eth: 1 })
    const { labels } = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'btc', address: '134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak' })
    expect(labels).toHaveLength(1)
    const l = labels[0]
    expect(l).toMatchObject({ name: 'Lazarus group', category: 'sanctioned', concept: 'category=user; abuse=sanction', confidenceId: 'authority_data', confidence: 60, actor: 'lazarusgroup', author: 'GraphSense Core Team', listTitle: 'OFAC Tagpack' })
    expect(l.source).toBe('https://www.treasury.gov/resource-center/sanctions/OFAC-Enforcement/Pages/20200302.aspx')
    expect(l.evidence?.file).toBe('lazarus.yaml')
    expect(l.evidence?.locator).toBe('line 13')
    expect(l.target).toMatchObject({ kind: 'address', network: 'btc', address: '134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak', check: 'valid', marker: null })
  })

  it('ronin_bridge.yaml: per-tag labels, header currency ETH, service_hack → theft_hack, context kept; EIP-55 display', async () => {
    const t = labelCase()
    await t.importLabels([pack('ronin_bridge.yaml')])
    expect(perNetwork(t.core, t.caseId)).toEqual({ eth: 6 })
    const { labels } = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'eth', address: '0x098b716b8aaf21512996dc57eb0615e2383e2f96' })
    expect(labels[0]).toMatchObject({ name: 'Ronin bridge exploiter', category: 'theft_hack', confidenceId: 'service_data', confidence: 50, context: '{"description": "original address"}' })
    expect(labels[0].target).toMatchObject({ address: '0x098b716b8aaf21512996dc57eb0615e2383e2f96', display: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96', addressText: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96' })
  })

  it('ofac.yaml: no confidence (lowest level + warning), USDT mapped by address form, sanctioned from the list title; the one BTC-tagged Tron address is an entry error', async () => {
    const t = labelCase()
    // Hand count from the file: 385 BTC, 147 ETH, 9 USDT (3 × 1…/3… Omni, 3 × 0x…, 3 × T…), 8 LTC, 7 BCH, 3 TRX,
    // 3 XMR, 3 ZEC, 3 DASH, 1 each BSV/XRP/BTG/XVG = 572 tags; tags[530] is "TUCsTq7…" under currency BTC.
    await expect(t.importLabels([pack('ofac.yaml')])).rejects.toThrow(/1 invalid entry; nothing was imported[\s\S]*line 1069 tags\[530\]: invalid address "TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq"/)
    expect(perNetwork(t.core, t.caseId)).toEqual({})
    const { results } = await t.importLabels([pack('ofac.yaml')], { skipInvalid: true })
    expect(results[0].counts).toMatchObject({ 'labels.new': 571, 'labels.skipped': 1 })
    expect(results[0].warnings.some((w) => /lowest level "unknown"/.test(w))).toBe(true)
    expect(results[0].warnings.some((w) => /^skipped line 1069 tags\[530\]/.test(w))).toBe(true)
    expect(perNetwork(t.core, t.caseId)).toEqual({ btc: 387, eth: 150, tron: 6, ltc: 8, bch: 7, xmr: 3, zec: 3, dash: 3, bsv: 1, xrp: 1, btg: 1, xvg: 1 })
    const cats = t.db().prepare('SELECT DISTINCT category, confidence_id FROM labels').all()
    expect(cats).toEqual([{ category: 'sanctioned', confidence_id: 'unknown' }])
    // XMR identifiers our light check does not recognise are kept verbatim with a marker, never dropped.
    const { labels } = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'xmr', address: '5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320' })
    expect(labels[0].target).toMatchObject({ check: 'none', marker: expect.stringMatching(/^not validated: unsupported chain/) })
    const sets = await t.core.invoke('labels.sources', { caseId: t.caseId })
    expect(sets.sets.at(-1)).toMatchObject({ title: 'US Treasury OFAC Sanctions List', creator: 'INTERPOL CNTL', entries: 571 })
    expect(sets.sets.at(-1)!.skipped[0]).toMatch(/^line 1069 tags\[530\]/)
  })

  it('tornado_cash.yaml: the real file repeats one address with a trailing space — refused unless --skip-invalid', async () => {
    const t = labelCase()
    await expect(t.importLabels([pack('tornado_cash.yaml')])).rejects.toThrow(/line 51 tags\[38\]: invalid address "0x4736dCf1b7A3d580672CcE6E7c65cd5cc9cFBa9D ": contains U\+0020/)
    const { results } = await t.importLabels([pack('tornado_cash.yaml')], { skipInvalid: true })
    expect(results[0].counts).toMatchObject({ 'labels.new': 38, 'labels.skipped': 1 })
    const { labels } = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'eth', address: '0x910Cbd523D972eb0a6f4cAe4618aD62622b39DbF' })
    expect(labels[0]).toMatchObject({ name: 'tornado.cash', category: 'mixer', actor: 'tornado' })
  })

  it('exchange-wallets-kucoin.yaml: real duplicates and unknown currencies are listed entry by entry', async () => {
    const t = labelCase()
    const err = await t.importLabels([pack('exchange-wallets-kucoin.yaml')]).catch((e: Error) => e)
    expect(String(err)).toMatch(/line 31 tags\[10\]: duplicate entry \(same identity as line 21 tags\[5\]\)/)
    expect(perNetwork(t.core, t.caseId)).toEqual({})
  })

  it('importing the same pack twice adds nothing the second time; the audit log records both imports', async () => {
    const t = labelCase()
    await t.importLabels([pack('lazarus.yaml')])
    const { results } = await t.importLabels([pack('lazarus.yaml')])
    expect(results[0].evidenceAlreadyPresent).toBe(true)
    expect(results[0].counts).toEqual({ 'labels.already-imported': 21 })
    const audit = await t.core.invoke('audit.list', { caseId: t.caseId })
    expect(audit.entries.filter((e) => e.action === 'import')).toHaveLength(2)
  })
})
