import { table } from '../format'
import { CheckFailed, need, printJson, type Command } from '../io'
import { withCase } from '../session'

/** `chaintrail audit show <dir> [--json]` */
export const auditShow: Command = {
  name: 'audit show',
  summary: 'print the audit log, oldest first',
  usage: 'audit show <dir> [--json]',
  async run(pos, _f, g, io) {
    const [dir] = need(pos, ['dir'])
    await withCase(dir, g, async (s) => {
      const { entries } = await s.core.invoke('audit.list', { caseId: s.caseId, limit: 10000, newestFirst: false })
      if (g.json) return printJson(io, entries)
      io.out(table(['Seq', 'Time (UTC)', 'Examiner', 'Action', 'Hash', 'Details'], entries.map((e) => [e.seq, e.time, e.examiner, e.action, e.hash.slice(0, 16), JSON.stringify(e.details)])))
    })
  }
}

/** `chaintrail audit verify <dir> [--json]`: exit 0 intact, exit 1 and the first bad seq otherwise. */
export const auditVerify: Command = {
  name: 'audit verify',
  summary: 'recompute the audit hash chain',
  usage: 'audit verify <dir> [--json]',
  async run(pos, _f, g, io) {
    const [dir] = need(pos, ['dir'])
    await withCase(dir, g, async (s) => {
      const r = await s.core.invoke('audit.verify', { caseId: s.caseId })
      if (g.json) printJson(io, r)
      else if (r.ok) io.out(`Audit chain intact: ${r.count} entries, head ${r.head}`)
      if (!r.ok) {
        if (!g.json) io.err(`audit chain broken at seq ${r.firstBadSeq}: ${r.reason}`)
        throw new CheckFailed(`audit chain broken at seq ${r.firstBadSeq}`)
      }
    })
  }
}
