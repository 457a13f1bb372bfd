/** The Ronin/peel graph scenario as imported evidence; free of vitest so Playwright specs and scripts can use it. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Core } from '../../src/core/core'
import { LOCAL_FIXTURES } from './fixtures'

/** ronin-peel.json's shape (written by test/fixtures/graph/make-case.ts). */
export interface GraphFixture {
  transfers: { network: string; txid: string; index: string; time: number | null; block: number | null; from: string; to: string; asset: string; symbol: string; decimals: number; amount: string; kind: string; status: string }[]
  txs: { network: string; txid: string; time: number; block: number; inputs: { address: string; value: string; prevTxid: string; prevVout: number }[]; outputs: { address: string; value: string }[] }[]
  entities: { name: string; members: { network: string; address: string }[] }[]
  labels: { network: string; address: string; name: string; category: string }[]
  addresses: Record<string, string>
}

const DIR = join(LOCAL_FIXTURES, 'graph')
/** The Ronin/peel scenario (ronin-peel.json) and the explorer exports written from it (make-exports.ts). */
export const RONIN_FIXTURE = join(DIR, 'ronin-peel.json')
export const RONIN_EXPORTS = {
  eth: [join(DIR, 'ronin-peel-etherscan-normal.csv'), join(DIR, 'ronin-peel-etherscan-erc20.csv')],
  btc: [join(DIR, 'ronin-peel-esplora-txs.json')],
  labels: [join(DIR, 'ronin-peel-labels.csv')]
}

const stagePath = (core: Core, path: string) => ({ uploadId: core.state.stage({ path, originalName: path.split('/').pop()!, owned: false }) })

/** The scenario as data, for tests that check figures against it. */
export function roninFixture(): GraphFixture {
  return JSON.parse(readFileSync(RONIN_FIXTURE, 'utf8')) as GraphFixture
}

/**
 * Put the Ronin/peel scenario into an open case the way an analyst would: Etherscan CSVs, an Esplora JSON page
 * and a label CSV through the real importers, then the scenario's entities.
 */
export async function importRonin(core: Core, caseId: string): Promise<Record<string, number>> {
  const fx = roninFixture()
  await core.invoke('imports.run', { caseId, files: RONIN_EXPORTS.eth.map((p) => stagePath(core, p)), options: { chain: 'eth' } })
  await core.invoke('imports.run', { caseId, files: RONIN_EXPORTS.btc.map((p) => stagePath(core, p)) })
  await core.invoke('labels.import', { caseId, files: RONIN_EXPORTS.labels.map((p) => stagePath(core, p)) })
  const entities: Record<string, number> = {}
  for (const e of fx.entities) entities[e.name] = (await core.invoke('entities.create', { caseId, name: e.name, members: e.members })).id
  return entities
}
