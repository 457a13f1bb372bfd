import { describe, expect, it } from 'vitest'
import { labelCase } from './helpers'

describe('starter label set', () => {
  it('loads resources/labels through the locker as one audited import; every entry has a source URL', async () => {
    const t = labelCase()
    const { results } = await t.core.invoke('labels.starter', { caseId: t.caseId })
    expect(results.map((r) => [r.file, r.format, r.counts['labels.new']])).toEqual([['starter.json', 'labels-json', 263]])
    const { labels, total } = await t.core.invoke('labels.list', { caseId: t.caseId, limit: 1000 })
    expect(total).toBe(263)
    expect(labels.every((l) => /^https:\/\//.test(l.source))).toBe(true)
    const sdn = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'eth', address: '0x08723392Ed15743cc38513C4925f5e6be5c17243' })
    expect(sdn.labels[0]).toMatchObject({ name: 'LAZARUS GROUP', category: 'sanctioned', listTitle: 'Chaintrail starter labels' })
    const bybit = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'eth', address: '0x47666Fab8bd0Ac7003bce3f5C3585383F09486E2' })
    expect(bybit.labels[0]).toMatchObject({ name: 'Bybit Exploiter (February 2025)', category: 'theft_hack', source: 'https://www.ic3.gov/PSA/2025/PSA250226' })
    const router = await t.core.invoke('labels.list', { caseId: t.caseId, network: 'eth', address: '0xd37bbe5744d730a1d98d8dc97c42f0ca46ad7146' })
    expect(router.labels[0]).toMatchObject({ name: 'THORChain Router (Ethereum)', category: 'swap_service' })
    const audit = await t.core.invoke('audit.list', { caseId: t.caseId })
    expect(audit.entries[0]).toMatchObject({ action: 'import', details: { files: [{ file: 'starter.json', records: expect.any(Number) }] } })
  })
})
