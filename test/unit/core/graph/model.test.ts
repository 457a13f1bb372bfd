import { describe, expect, it } from 'vitest'
import { GraphState } from '../../../../src/shared/api/areas/graph'
import { graphCase } from '../../../helpers/graph-case'
import { fullGraph } from './full-graph'

const ETH = 10n ** 18n
const S = (x: Partial<GraphState>) => GraphState.parse(x)

describe('graph model on the Ronin/peel scenario imported from Etherscan CSV and Esplora JSON', () => {
  it('edge totals equal the exact sums of the transfers behind them', async () => {
    const { core, caseId, ids, fx } = await graphCase()
    const nodes = Object.values(ids)
    const state = S({ nodes })
    const g = await fullGraph(core, { caseId, state })
    expect(g.nodes.length).toBe(nodes.length)
    const tr = await core.invoke('graph.transfers', { caseId, state, limit: 10000 })
    // Every scenario transfer (27 ETH, 3 token, 8 Bitcoin input→output legs) is between two view addresses.
    expect(tr.total).toBe(fx.transfers.length)
    for (const e of g.edges) {
      const rows = tr.rows.filter((r) => r.edge === e.id)
      expect(rows.length).toBe(e.count)
      expect(rows.reduce((s, r) => s + BigInt(r.amount), 0n).toString()).toBe(e.total)
      for (const r of rows) expect(r.sha256).toMatch(/^[0-9a-f]{64}$/)
    }
    // The flow panel asks for one edge: the same exact figures; ids not in the view are skipped.
    expect(await core.invoke('graph.edges', { caseId, state, edges: [g.edges[3].id, 'a:eth:0xnot>a:eth:0xthere|eth|native'] })).toEqual([g.edges[3]])
    // Figures checked by hand against ronin-peel.json.
    const edge = (a: string, b: string, asset = 'native') => g.edges.find((e) => e.source === a && e.target === b && e.asset === asset)!
    expect(edge(ids.hop1, ids.tc100)).toMatchObject({ count: 12, total: (1200n * ETH).toString() })
    expect(edge(ids.exploiter, ids.hop1).total).toBe((6250n * ETH).toString())
    expect(edge(ids.airdrop, ids.exploiter, fx.transfers[2].asset).total).toBe('123456789012345678901234567890')
    expect(edge(ids.uni, ids.exploiter).total).toBe('8500123456789012345678')
    expect(g.edges.find((e) => e.source === ids.btc_src && e.target === ids.btc_c1)!.total).toBe('11424980000') // 120.5 − 6.25 − 0.0002 BTC
    // The first ETH transfer is the first data row of the Etherscan export it was imported from.
    const row = tr.rows.find((r) => r.txid === fx.transfers[0].txid)!
    expect([row.file, row.locator]).toEqual(['ronin-peel-etherscan-normal.csv', 'line 2'])
  })

  it('collapses an entity into one node and keeps the totals', async () => {
    const { core, caseId, ids, entities } = await graphCase()
    const tc = entities['Tornado Cash']
    const state = S({ nodes: Object.values(ids), collapsed: [tc] })
    const g = await fullGraph(core, { caseId, state })
    expect(g.nodes.some((n) => n.id === ids.tc100)).toBe(false)
    const e = g.edges.find((x) => x.source === ids.hop1 && x.target === `e:${tc}`)!
    expect(e).toMatchObject({ count: 17, total: (1250n * ETH).toString() })
    expect(g.nodes.find((n) => n.id === `e:${tc}`)!.label).toBe('Tornado Cash')
  })

  it('draws Bitcoin transactions as nodes with input and output values', async () => {
    const { core, caseId, ids, fx } = await graphCase()
    const nodes = Object.entries(ids).filter(([k]) => k.startsWith('btc_')).map(([, v]) => v)
    const g = await fullGraph(core, { caseId, state: S({ nodes, btcMode: 'tx' }) })
    expect(g.nodes.filter((n) => n.kind === 'tx').length).toBe(4)
    const t1 = `t:btc:${fx.txs[0].txid}`
    expect(g.edges.find((e) => e.source === ids.btc_src && e.target === t1)!.total).toBe('12050000000')
    expect(g.edges.find((e) => e.source === t1 && e.target === ids.btc_p1)!.total).toBe('625000000')
  })

  it('filters by time, minimum amount and asset without touching the case', async () => {
    const { core, caseId, ids, fx } = await graphCase()
    const nodes = Object.values(ids)
    const all = await fullGraph(core, { caseId, state: S({ nodes }) })
    const t0 = fx.transfers[0].time!
    const early = await fullGraph(core, { caseId, state: S({ nodes, filters: { since: t0, until: t0 + 3 * 86400 - 1 } as never }) })
    expect(early.edges.length).toBeLessThan(all.edges.length)
    expect(early.edges.every((e) => e.lastTime! <= t0 + 3 * 86400 - 1)).toBe(true)
    expect(early.timeline.bins.length).toBe(40)
    const big = await fullGraph(core, { caseId, state: S({ nodes, filters: { minAmount: '1000' } as never }) })
    expect(big.edges.find((e) => e.target === ids.tc100)).toBeUndefined()
    const usdc = await fullGraph(core, { caseId, state: S({ nodes, filters: { assets: [`eth:${fx.transfers[1].asset}`] } as never }) })
    expect(usdc.edges.map((e) => e.symbol)).toEqual(['USDC', 'USDC'])
  })

  it('expands a node a page at a time and finds a path', async () => {
    const { core, caseId, ids } = await graphCase()
    const state = S({ nodes: [ids.exploiter] })
    const p1 = await core.invoke('graph.expand', { caseId, state, nodes: [ids.exploiter], limit: 3 })
    expect(p1.added.length).toBe(3)
    expect(p1.remaining).toBe(3) // bridge, airdrop, uni, hop1, hop2, hop3
    const p2 = await core.invoke('graph.expand', { caseId, state, nodes: [ids.exploiter], limit: 3, offset: 3 })
    expect(p2.remaining).toBe(0)
    const path = await core.invoke('graph.path', { caseId, state: S({ nodes: Object.values(ids) }), from: ids.bridge, to: ids.ftx })
    expect(path.nodes).toEqual([ids.bridge, ids.exploiter, ids.hop1, ids.ftx])
  })

  it('groups selected addresses into a new audited entity that collapses to one node', async () => {
    const { core, caseId, ids, fx } = await graphCase()
    const e = await core.invoke('graph.group', { caseId, name: 'Exchange deposits', members: [{ network: 'eth', address: fx.addresses.huobi }, { network: 'eth', address: fx.addresses.cdc }] })
    expect(e.members.map((m) => m.method)).toEqual(['graph-group', 'graph-group'])
    const g = await fullGraph(core, { caseId, state: S({ nodes: [ids.hop3, ids.huobi, ids.cdc], collapsed: [e.id] }) })
    expect(g.nodes.map((n) => n.id).sort()).toEqual([`e:${e.id}`, ids.hop3].sort())
    expect(g.edges).toHaveLength(1)
    expect(g.edges[0].total).toBe((5000n * ETH).toString()) // 3,999.5 + 1,000.5 ETH
    // The node panel's exact volumes in this view: the entity received the same 5,000 ETH, the hop sent it.
    const st = S({ nodes: [ids.hop3, ids.huobi, ids.cdc], collapsed: [e.id] })
    const ent = await core.invoke('graph.node', { caseId, state: st, node: `e:${e.id}` })
    expect(ent.node.volumes).toEqual([expect.objectContaining({ asset: 'native', in: (5000n * ETH).toString(), out: '0' })])
    const hop = await core.invoke('graph.node', { caseId, state: st, node: ids.hop3 })
    expect(hop.node.volumes).toEqual([expect.objectContaining({ asset: 'native', in: '0', out: (5000n * ETH).toString() })])
    // Its active span is the span of that one flow (the panel's figures; the canvas answer leaves times out).
    expect([hop.node.firstTime, hop.node.lastTime]).toEqual([g.edges[0].firstTime, g.edges[0].lastTime])
    expect(g.edges[0].firstTime).not.toBeNull()
    const audit = await core.invoke('audit.list', { caseId, limit: 1 })
    expect(audit.entries[0].action).toBe('entity.created')
  })
})
