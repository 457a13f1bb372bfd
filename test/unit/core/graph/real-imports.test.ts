import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../../../src/core/core'
import { GraphState } from '../../../../src/shared/api/areas/graph'
import { addressNodeId, txNodeId } from '../../../../src/shared/graph/ids'
import { fullGraph } from './full-graph'
import { newCaseWithCore } from '../../../helpers/cases'
import { sharedFixturesMissing } from '../../../helpers/fixtures'
import { importFiles, sample } from '../importers/accounts/helpers'

/**
 * Edge totals on REAL imported explorer exports, checked against figures computed here straight from the files
 * (not from the case store): the graph must draw exactly what the evidence says.
 */
const NORMAL = 'etherscan-csv/etherscan_export-0x46cf7ddb_normal-txs.csv'
const ERC20 = 'etherscan-csv/exported-2024-01_txhash-header_erc20_0xf98_full_crlf.csv'
const ESPLORA = ['esplora/address_txs_mempool_space_2tx.json', 'esplora/mempool-space_address-txs_35kRn3rF_mainnet.json']

/** Quoted Etherscan CSV rows (these files have no commas inside fields) as header-keyed records. */
function csvRows(rel: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(sample(rel), 'utf8').split(/\r?\n/).filter(Boolean)
  const cells = (l: string) => l.slice(1, -1).split('","')
  const names = cells(head)
  return lines.map((l) => Object.fromEntries(cells(l).map((v, i) => [names[i], v])))
}

/** Decimal text → base units, by string arithmetic. */
function units(text: string, decimals: number): bigint {
  const [w, f = ''] = text.split('.')
  return BigInt(w + f.padEnd(decimals, '0').slice(0, decimals))
}

function add(m: Map<string, bigint>, k: string, v: bigint): void {
  m.set(k, (m.get(k) ?? 0n) + v)
}

async function allAddressNodes(core: Core, caseId: string): Promise<string[]> {
  const ids: string[] = []
  for (const n of await core.invoke('explore.networks', { caseId })) {
    const r = await core.invoke('explore.addresses', { caseId, network: n.network, limit: 10000 })
    ids.push(...r.rows.map((a) => addressNodeId(n.network, a.address)))
  }
  return ids
}

describe.skipIf(!!sharedFixturesMissing)('graph edges on real imported exports', () => {
  it('Etherscan normal + ERC-20 CSVs: every edge equals its transfers and the sums written in the files', async () => {
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, [sample(NORMAL), sample(ERC20)])
    const state = GraphState.parse({ nodes: await allAddressNodes(core, caseId) })
    const g = await fullGraph(core, { caseId, state })
    const tr = await core.invoke('graph.transfers', { caseId, state, limit: 10000 })
    for (const e of g.edges) {
      const rows = tr.rows.filter((r) => r.edge === e.id)
      expect(rows.length).toBe(e.count)
      expect(rows.reduce((s, r) => s + BigInt(r.amount), 0n).toString()).toBe(e.total)
    }
    // From the files: native value of successful rows (failed ones move nothing), and token values scaled by
    // the decimals the case assigned to each token (the CSV states none).
    const expected = new Map<string, bigint>()
    for (const r of csvRows(NORMAL)) {
      if (r.Status !== '') continue
      const v = units(r['Value_IN(ETH)'], 18) + units(r['Value_OUT(ETH)'], 18)
      if (v > 0n) add(expected, `${r.From}>${r.To || r.ContractAddress}>native`, v)
    }
    const decimals = new Map(tr.rows.map((r) => [r.asset, r.decimals]))
    for (const r of csvRows(ERC20)) add(expected, `${r.From}>${r.To}>${r.ContractAddress}`, units(r.TokenValue, decimals.get(r.ContractAddress)!))
    const drawn = new Map(g.edges.filter((e) => BigInt(e.total) > 0n).map((e) => [`${e.source.slice(6)}>${e.target.slice(6)}>${e.asset}`, BigInt(e.total)]))
    expect(drawn).toEqual(expected)
    expect(expected.size).toBe(10) // 3 ETH-carrying rows (2 from 0xff7ff3d9…) + 8 token rows between distinct pairs
    // Hand check: 0xff7ff3d9… sent 0x46cf7ddb… 2 + 1 ETH, 0xae09159c… 5 ETH.
    expect([...expected.values()].filter((v, i) => [...expected.keys()][i].endsWith('native')).reduce((a, b) => a + b, 0n)).toBe(8n * 10n ** 18n)
  })

  it('Esplora address pages, transactions as nodes: input and output edges equal the prevout and vout values', async () => {
    const { core, caseId } = newCaseWithCore()
    await importFiles(core, caseId, ESPLORA.map(sample))
    const state = GraphState.parse({ nodes: await allAddressNodes(core, caseId), btcMode: 'tx' })
    const g = await fullGraph(core, { caseId, state })
    const expected = new Map<string, bigint>()
    for (const rel of ESPLORA) {
      for (const t of JSON.parse(readFileSync(sample(rel), 'utf8')) as { txid: string; vin: { prevout: { scriptpubkey_address?: string; value: number } }[]; vout: { scriptpubkey_address?: string; value: number }[] }[]) {
        const tx = txNodeId('btc', t.txid)
        for (const i of t.vin) if (i.prevout.scriptpubkey_address) add(expected, `${addressNodeId('btc', i.prevout.scriptpubkey_address)}>${tx}`, BigInt(i.prevout.value))
        for (const o of t.vout) if (o.scriptpubkey_address) add(expected, `${tx}>${addressNodeId('btc', o.scriptpubkey_address)}`, BigInt(o.value))
      }
    }
    const drawn = new Map(g.edges.map((e) => [`${e.source}>${e.target}`, BigInt(e.total)]))
    expect(drawn).toEqual(expected)
    expect(expected.size).toBeGreaterThan(10)
    expect(g.nodes.filter((n) => n.kind === 'tx').length).toBe(new Set([...expected.keys()].map((k) => k.split('>').find((p) => p.startsWith('t:')))).size)
  })
})
