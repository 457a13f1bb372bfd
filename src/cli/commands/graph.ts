import { writeFileSync } from 'node:fs'
import { extname, resolve } from 'node:path'
import { GraphState } from '../../shared/api/areas/graph'
import { addressNodeId } from '../../shared/graph/ids'
import { listProviders } from '../../core/explore/providers'
import { table } from '../format'
import { need, printJson, UsageError, type Command } from '../io'
import { withCase } from '../session'

const FORMATS = ['svg', 'png', 'gexf', 'graphml'] as const
/** Without --view the export shows every address of the case, up to this many. */
const WHOLE_CASE_LIMIT = 2000

/** `chaintrail graph export <dir> [--view NAME] --out F.svg|F.png|F.gexf|F.graphml [--title T]` */
export const graphExport: Command = {
  name: 'graph export',
  summary: 'render a saved view (or the whole case) as SVG, PNG, GEXF or GraphML',
  usage: 'graph export <dir> [--view NAME] --out F.svg|F.png|F.gexf|F.graphml [--title TEXT] [--json]',
  options: { view: { type: 'string' }, out: { type: 'string' }, title: { type: 'string' } },
  async run(pos, f, g, io) {
    const [dir] = need(pos, ['dir'])
    if (typeof f.out !== 'string') throw new UsageError('--out F.svg|F.png|F.gexf|F.graphml is required')
    const format = extname(f.out).slice(1).toLowerCase() as (typeof FORMATS)[number]
    if (!FORMATS.includes(format)) throw new UsageError(`--out must end in .svg, .png, .gexf or .graphml (got "${f.out}")`)
    await withCase(dir, g, async (s) => {
      let viewId: number | undefined
      let state: GraphState | undefined
      if (typeof f.view === 'string') {
        const views = await s.core.invoke('views.list', { caseId: s.caseId })
        const v = views.find((x) => x.name === f.view)
        if (!v) throw new UsageError(`no saved view named "${f.view}"; run chaintrail graph views ${dir}`)
        viewId = v.id
      } else {
        const nodes: string[] = []
        for (const p of listProviders()) for (const k of p.addressKeys(s.handle.db)) if (nodes.length < WHOLE_CASE_LIMIT) nodes.push(addressNodeId(k.network, k.address))
        state = GraphState.parse({ nodes })
      }
      const r = await s.core.invoke('graph.export', { caseId: s.caseId, viewId, state, format, title: typeof f.title === 'string' ? f.title : undefined })
      const out = resolve(f.out as string)
      writeFileSync(out, Buffer.from(r.data, r.encoding === 'base64' ? 'base64' : 'utf8'))
      if (g.json) return printJson(io, { file: out, format, sha256: r.sha256 })
      io.out(`Wrote ${out} (${format.toUpperCase()}, SHA-256 ${r.sha256}); the export is recorded in the audit log.`)
    })
  }
}

/** `chaintrail graph views <dir> [--json]` */
export const graphViews: Command = {
  name: 'graph views',
  summary: 'list the saved graph views (exhibits) of a case',
  usage: 'graph views <dir> [--json]',
  async run(pos, _f, g, io) {
    const [dir] = need(pos, ['dir'])
    await withCase(dir, g, async (s) => {
      const views = await s.core.invoke('views.list', { caseId: s.caseId })
      if (g.json) return printJson(io, views)
      if (!views.length) return io.out('No saved views.')
      io.out(table(['#', 'Name', 'Nodes', 'Author', 'Updated (UTC)'], views.map((v) => [v.id, v.name, v.nodes, v.author, v.updatedAt])))
    })
  }
}
