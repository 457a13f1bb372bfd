/**
 * Core half of the graph bench: `node --import tsx bench/graph-core.ts [50000]` (add `--cpu-prof` to profile).
 * The same synthetic provider and saved view as bench/graph.ts, without a browser (add --expose-gc to leave the
 * synthetic data's garbage out): times the first and a cached graph.build through the contract (input and output
 * validation included), the answer's JSON size, and the model build and serialisation on their own. CPU figures
 * are the whole process (GC helper threads included); they vary less than wall time on a shared machine.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCase } from '../src/core/case/case-folder'
import { createCore } from '../src/core/core'
import { registerProvider } from '../src/core/explore/providers'
import { buildModel } from '../src/core/graph/model-build'
import { serialiseWire } from '../src/core/graph/serialise'
import { GraphState } from '../src/shared/api/areas/graph'
import { addressNodeId } from '../src/shared/graph/ids'
import { switchableProvider, synthAddress } from './synthetic-provider'

const n = Number(process.argv[2] ?? 50_000)
const sw = switchableProvider()
registerProvider(sw.provider)
sw.use(n)
const root = mkdtempSync(join(tmpdir(), 'ct-bench-graph-core-'))
const core = createCore({ casesRoot: root })
try {
  const dir = join(root, 'case')
  const h = createCase(dir, { title: 'Bench', caseNumber: 'BENCH', examiner: 'bench' })
  const caseId = h.meta().id
  h.close()
  core.state.openPath(dir)
  const state = GraphState.parse({ nodes: Array.from({ length: n }, (_, i) => addressNodeId('eth', synthAddress(i))) })
  const time = async (s: GraphState) => {
    // With --expose-gc, the synthetic data's garbage is collected first so it is not charged to the build.
    ;(globalThis as { gc?: () => void }).gc?.()
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    const w = await core.invoke('graph.build', { caseId, state: s })
    const cpu = process.cpuUsage(c0)
    const t1 = performance.now()
    const json = JSON.stringify(w)
    return { ms: t1 - t0, cpuMs: (cpu.user + cpu.system) / 1000, jsonMs: performance.now() - t1, bytes: json.length, edges: w.edges.source.length }
  }
  const first = await time(state)
  const again = await time(state)
  console.log(`${n} nodes, ${first.edges} edges: first graph.build ${first.ms.toFixed(0)} ms (CPU ${first.cpuMs.toFixed(0)} ms), cached ${again.ms.toFixed(0)} ms, JSON.stringify ${first.jsonMs.toFixed(0)} ms, ${(first.bytes / 1e6).toFixed(1)} MB`)
  // The two halves of a first build, outside the contract and the model cache.
  const db = core.state.caseById(caseId).db
  for (let r = 0; r < 3; r++) {
    ;(globalThis as { gc?: () => void }).gc?.()
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    const m = buildModel(db, state)
    const t1 = performance.now()
    const b = process.cpuUsage(c0)
    const c1 = process.cpuUsage()
    serialiseWire(db, state, m)
    const ms = (c: NodeJS.CpuUsage) => ((c.user + c.system) / 1000).toFixed(0)
    console.log(`  buildModel ${(t1 - t0).toFixed(0)} ms (CPU ${ms(b)}), serialiseWire ${(performance.now() - t1).toFixed(0)} ms (CPU ${ms(process.cpuUsage(c1))})`)
  }
} finally {
  core.close()
  rmSync(root, { recursive: true, force: true })
}
