import { resolve } from 'node:path'
import { basename } from 'node:path'
import { table } from '../format'
import { CheckFailed, need, printJson, type Command } from '../io'
import { withCase } from '../session'

/** `chaintrail evidence add <dir> <file> [--note TEXT]` */
export const evidenceAdd: Command = {
  name: 'evidence add',
  summary: 'copy a file into the case’s evidence locker',
  usage: 'evidence add <dir> <file> [--note TEXT] [--json]',
  options: { note: { type: 'string' } },
  async run(pos, f, g, io) {
    const [dir, file] = need(pos, ['dir', 'file'])
    await withCase(dir, g, async (s) => {
      const abs = resolve(file)
      const uploadId = s.core.state.stage({ path: abs, originalName: basename(abs), owned: false })
      const r = await s.core.invoke('evidence.add', { caseId: s.caseId, file: { uploadId }, note: f.note as string | undefined })
      if (g.json) return printJson(io, r)
      io.out(
        r.duplicate
          ? `Already in the locker: ${r.item.originalName} (SHA-256 ${r.item.sha256}); stored once, receipt audited.`
          : `Added ${r.item.originalName}: ${r.item.size} bytes, SHA-256 ${r.item.sha256}`
      )
    })
  }
}

/** `chaintrail evidence list <dir> [--json]` */
export const evidenceList: Command = {
  name: 'evidence list',
  summary: 'list the files in the evidence locker',
  usage: 'evidence list <dir> [--json]',
  async run(pos, _f, g, io) {
    const [dir] = need(pos, ['dir'])
    await withCase(dir, g, async (s) => {
      const items = await s.core.invoke('evidence.list', { caseId: s.caseId })
      if (g.json) return printJson(io, items)
      if (!items.length) return io.out('No evidence yet.')
      io.out(table(['#', 'SHA-256', 'Bytes', 'Received (UTC)', 'Examiner', 'Name', 'Note'], items.map((e) => [e.id, e.sha256, e.size, e.receivedAt, e.examiner, e.originalName, e.note])))
    })
  }
}

/** `chaintrail evidence verify <dir>`: exit 1 naming each file that no longer matches. */
export const evidenceVerify: Command = {
  name: 'evidence verify',
  summary: 're-hash every locker file against its record',
  usage: 'evidence verify <dir> [--json]',
  async run(pos, _f, g, io) {
    const [dir] = need(pos, ['dir'])
    await withCase(dir, g, async (s) => {
      const r = await s.core.invoke('evidence.verify', { caseId: s.caseId })
      if (g.json) printJson(io, r)
      else if (r.ok) io.out(`Evidence intact: ${r.checked} file(s) re-hashed, all match.`)
      else for (const p of r.problems) io.err(`evidence ${p.originalName} (${p.sha256}): ${p.problem}`)
      if (!r.ok) throw new CheckFailed(`${r.problems.length} of ${r.checked} evidence file(s) failed verification`)
    })
  }
}
