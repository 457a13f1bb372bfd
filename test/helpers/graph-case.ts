import type { Core } from '../../src/core/core'
import { addressNodeId } from '../../src/shared/graph/ids'
import { newCaseWithCore, stagePath } from './cases'
import { registerFixtureProvider, RONIN_PEEL } from './graph-provider'

/** A case holding the graph test double (its JSON in the evidence locker) with the fixture's entities. */
export async function graphCase(): Promise<{ core: Core; caseId: string; dir: string; fx: ReturnType<typeof registerFixtureProvider>['fixture']; ids: Record<string, string>; entities: Record<string, number> }> {
  const fxp = registerFixtureProvider(RONIN_PEEL)
  const { core, caseId, dir } = newCaseWithCore()
  await core.invoke('evidence.add', { caseId, file: stagePath(core, RONIN_PEEL) })
  const entities: Record<string, number> = {}
  for (const e of fxp.fixture.entities) entities[e.name] = (await core.invoke('entities.create', { caseId, name: e.name, members: e.members })).id
  const ids: Record<string, string> = {}
  for (const [k, v] of Object.entries(fxp.fixture.addresses)) ids[k] = addressNodeId(k.startsWith('btc_') ? 'btc' : 'eth', v)
  return { core, caseId, dir, fx: fxp.fixture, ids, entities }
}
