import type { Core } from '../../src/core/core'
import { addressNodeId } from '../../src/shared/graph/ids'
import { newCaseWithCore } from './cases'
import { importRonin, roninFixture, type GraphFixture } from './ronin'

/** A fresh case holding the Ronin/peel scenario, with node ids of its named addresses. */
export async function graphCase(): Promise<{ core: Core; caseId: string; dir: string; fx: GraphFixture; ids: Record<string, string>; entities: Record<string, number> }> {
  const fx = roninFixture()
  const { core, caseId, dir } = newCaseWithCore()
  const entities = await importRonin(core, caseId)
  const ids: Record<string, string> = {}
  for (const [k, v] of Object.entries(fx.addresses)) ids[k] = addressNodeId(k.startsWith('btc_') ? 'btc' : 'eth', v)
  return { core, caseId, dir, fx, ids, entities }
}
