import { createCase } from '../../core/case/case-folder'
import { summarize } from '../../core/service/cases'
import { keyValues } from '../format'
import { need, printJson, UsageError, type Command } from '../io'
import { withCase } from '../session'

/** `chaintrail case create <dir> --title T --number N --examiner E [--agency A] [--jurisdiction J]` */
export const caseCreate: Command = {
  name: 'case create',
  summary: 'create a new case folder',
  usage: 'case create <dir> --title T --number N --examiner E [--agency A] [--jurisdiction J] [--notes TEXT] [--json]',
  options: {
    title: { type: 'string' },
    number: { type: 'string' },
    agency: { type: 'string' },
    jurisdiction: { type: 'string' },
    notes: { type: 'string' }
  },
  async run(pos, f, g, io) {
    const [dir] = need(pos, ['dir'])
    const examiner = g.examiner ?? process.env.CHAINTRAIL_EXAMINER
    for (const [k, v] of [['--title', f.title], ['--number', f.number], ['--examiner', examiner]] as const) {
      if (typeof v !== 'string' || !v.trim()) throw new UsageError(`${k} is required`)
    }
    const h = createCase(dir, {
      title: String(f.title),
      caseNumber: String(f.number),
      examiner: String(examiner),
      agency: f.agency as string | undefined,
      jurisdiction: f.jurisdiction as string | undefined,
      notes: f.notes as string | undefined
    })
    try {
      const s = summarize(h)
      if (g.json) printJson(io, s)
      else io.out(`Created case ${s.caseNumber} "${s.title}" in ${s.folder}\nCase id: ${s.id}`)
    } finally {
      h.close()
    }
  }
}

/** `chaintrail case info <dir> [--json]` */
export const caseInfo: Command = {
  name: 'case info',
  summary: 'show a case’s metadata and counts',
  usage: 'case info <dir> [--json]',
  async run(pos, _f, g, io) {
    const [dir] = need(pos, ['dir'])
    await withCase(dir, g, async (s) => {
      const info = await s.core.invoke('cases.info', { caseId: s.caseId })
      if (g.json) return printJson(io, info)
      io.out(
        keyValues([
          ['Title', info.title],
          ['Case number', info.caseNumber],
          ['Agency', info.agency || '—'],
          ['Examiner', info.examiner],
          ['Jurisdiction', info.jurisdiction || '—'],
          ['Case id', info.id],
          ['Folder', info.folder],
          ['Created', info.createdAt],
          ['Updated', info.updatedAt],
          ['Schema version', info.schemaVersion],
          ['Evidence files', info.evidenceCount],
          ['Audit entries', info.auditCount],
          ['Mode', info.readOnly ? 'read-only' : 'read-write']
        ])
      )
    })
  }
}
