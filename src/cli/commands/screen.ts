import { LABEL_CATEGORIES, CATEGORY_STYLES, type LabelCategory } from '../../shared/domain/labels'
import { visibleText } from '../../shared/domain/invisibles'
import { CheckFailed, need, printJson, UsageError, type Command } from '../io'
import { withCase } from '../session'

/**
 * `chaintrail screen <dir> [--json] [--fail-on CATEGORY]`. Exit code: 0 whenever screening ran (hits are findings,
 * not failures); with --fail-on, 1 when any hit is that category or more severe (e.g. `--fail-on sanctioned`).
 */
export const screenCmd: Command = {
  name: 'screen',
  summary: 'check every address in the case against all labels; hits by severity, sanctioned first',
  usage: 'screen <dir> [--json] [--fail-on CATEGORY] [--limit N]',
  options: { 'fail-on': { type: 'string' }, limit: { type: 'string' } },
  async run(pos, f, g, io) {
    const [dir] = need(pos, ['dir'])
    const failOn = f['fail-on'] as string | undefined
    if (failOn !== undefined && !(LABEL_CATEGORIES as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be one of ${LABEL_CATEGORIES.join(', ')}`)
    await withCase(dir, g, async (s) => {
      if (f.limit !== undefined && !/^[1-9]\d*$/.test(String(f.limit))) throw new UsageError('--limit takes a positive number')
      const r = await s.core.invoke('screen.run', { caseId: s.caseId, limit: f.limit ? Number(f.limit) : undefined })
      if (g.json) printJson(io, r)
      else {
        io.out(`Screened ${r.addressesChecked} case addresses against ${r.labelsChecked} labels: ${r.totalHits} hit(s)${r.totalHits > r.hits.length ? ` (the ${r.hits.length} most severe shown; --limit N for more)` : ''}`)
        for (const h of r.hits) {
          const st = CATEGORY_STYLES[h.category]
          io.out(`\n${st.icon} ${st.title.toUpperCase()}  ${h.network}:${h.display}`)
          for (const l of h.labels) {
            const sdn = l.sdnName ? `  [SDN entry "${visibleText(l.sdnName)}", program ${l.sdnProgram || '-'}]` : ''
            const via = l.viaEntity ? ` (via entity ${visibleText(l.viaEntity)})` : ''
            const ev = l.evidenceSha256 ? ` — ${l.locator} sha256:${l.evidenceSha256.slice(0, 16)}…` : ''
            io.out(`   - ${l.category}: ${visibleText(l.name)}${via}${sdn}  source: ${visibleText(l.source)}${ev}`)
          }
          if (h.path) io.out(`   path: ${h.path.map((p) => `${p.from}→${p.to} (${p.txid})`).join(' ')}`)
        }
      }
      if (failOn) {
        const limit = CATEGORY_STYLES[failOn as LabelCategory].severity
        const bad = Object.entries(r.byCategory).reduce((n, [c, k]) => n + (CATEGORY_STYLES[c as LabelCategory].severity <= limit ? k : 0), 0)
        if (bad) throw new CheckFailed(`${bad} hit(s) at or above "${failOn}"`)
      }
    })
  }
}
