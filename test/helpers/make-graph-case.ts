/**
 * Demo case builder: `node --import tsx test/helpers/make-graph-case.ts <caseDir>` creates a case holding the
 * Ronin/peel scenario imported through the real importers (test/fixtures/graph/ronin-peel-*.csv|json), its
 * entities and labels, and one saved view ("Ronin exhibit"). Used by the CLI demo, the e2e dev host and the
 * README screenshots.
 */
import { dirname, resolve } from 'node:path'
import { createCase } from '../../src/core/case/case-folder'
import { createCore } from '../../src/core/core'
import { GraphState } from '../../src/shared/api/areas/graph'
import { addressNodeId } from '../../src/shared/graph/ids'
import { importRonin, roninFixture } from './ronin'

/** Build the demo case at `dir`; returns its id. */
export async function makeGraphCase(dir: string): Promise<string> {
  const fx = roninFixture()
  const h = createCase(dir, { title: 'Ronin bridge theft (demo data)', caseNumber: 'CT-2022-0323', examiner: 'DC Test' })
  const caseId = h.meta().id
  h.close()
  const core = createCore({ casesRoot: dirname(resolve(dir)) })
  try {
    core.state.openPath(dir)
    await importRonin(core, caseId)
    const eth = Object.entries(fx.addresses).filter(([k]) => !k.startsWith('btc_')).map(([, a]) => addressNodeId('eth', a))
    await core.invoke('views.save', { caseId, name: 'Ronin exhibit', note: 'Exploiter to mixers and exchanges', state: GraphState.parse({ nodes: eth }) })
    return caseId
  } finally {
    core.close()
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const dir = process.argv[2]
  if (!dir) throw new Error('usage: make-graph-case.ts <caseDir>')
  void makeGraphCase(dir).then((id) => console.log(`case ${id} at ${resolve(dir)}`))
}
