import { basename, resolve } from 'node:path'
import type { Label } from '../../shared/api/areas/labels'
import { LABEL_CATEGORIES, categoryStyle } from '../../shared/domain/labels'
import { visibleText } from '../../shared/domain/invisibles'
import { table } from '../format'
import { need, printJson, UsageError, type Command, type Io } from '../io'
import { withCase } from '../session'
import { printResult } from './import'

/** Where a label comes from, in one line: list + file + locator + SHA-256, or the examiner. */
export function sourceText(l: Label): string {
  if (l.sourceKind === 'examiner') return `examiner ${visibleText(l.author)}`
  const also = l.alsoIn.length ? ` (+${l.alsoIn.length} more: ${l.alsoIn.map((a) => `${a.file} ${a.locator}`).join(', ')})` : ''
  return `${visibleText(l.listTitle)} — ${l.evidence!.file} ${l.evidence!.locator} sha256:${l.evidence!.sha256.slice(0, 16)}…${also}`
}

function targetText(l: Label): string {
  const t = l.target
  if (t.kind === 'address') return `${t.network}:${t.display}${t.marker ? ` [${t.marker}]` : ''}`
  if (t.kind === 'entity') return `entity ${t.entityId} ${visibleText(t.entityName)}`
  return `${t.network} tx ${t.txHash}`
}

function printLabels(io: Io, labels: Label[]): void {
  io.out(
    table(
      ['Id', 'Category', 'Label', 'Target', 'Conf.', 'Source'],
      labels.map((l) => [l.id, `${categoryStyle(l.category).icon} ${l.category}`, visibleText(l.name) + (l.sdnProgram ? ` (SDN ${l.sdnProgram})` : ''), targetText(l), `${l.confidence} ${l.confidenceId}`, sourceText(l)])
    )
  )
}

/** `chaintrail label list <dir> [--network N --address A] [--search S] [--category C] [--source S] [--limit N] [--json]` */
export const labelList: Command = {
  name: 'label list',
  summary: 'list labels (all sources side by side), most severe first',
  usage: 'label list <dir> [--network N --address A] [--search TEXT] [--category C] [--source LIST|examiner] [--limit N] [--json]',
  options: { network: { type: 'string' }, address: { type: 'string' }, search: { type: 'string' }, category: { type: 'string' }, source: { type: 'string' }, limit: { type: 'string' } },
  async run(pos, f, g, io) {
    const [dir] = need(pos, ['dir'])
    if (f.category !== undefined && !(LABEL_CATEGORIES as readonly string[]).includes(String(f.category))) throw new UsageError(`--category must be one of ${LABEL_CATEGORIES.join(', ')}`)
    if (f.address !== undefined && f.network === undefined) throw new UsageError('--address needs --network')
    await withCase(dir, g, async (s) => {
      const r = await s.core.invoke('labels.list', {
        caseId: s.caseId,
        network: f.network as string | undefined,
        address: f.address as string | undefined,
        search: f.search as string | undefined,
        category: f.category as Label['category'] | undefined,
        source: f.source as string | undefined,
        limit: f.limit ? Number(f.limit) : 200
      })
      if (g.json) return printJson(io, r)
      printLabels(io, r.labels)
      io.out(`${r.labels.length} of ${r.total} labels`)
    })
  }
}

/** `chaintrail label add <dir> (--network N --address A | --entity ID) --name NAME --category C [--confidence ID] [--note T]` */
export const labelAdd: Command = {
  name: 'label add',
  summary: 'add your own label to an address or entity (audited)',
  usage: 'label add <dir> (--network N --address A | --entity ID) --name NAME --category C [--confidence ID] [--note TEXT] [--json]',
  options: { network: { type: 'string' }, address: { type: 'string' }, entity: { type: 'string' }, name: { type: 'string' }, category: { type: 'string' }, confidence: { type: 'string' }, note: { type: 'string' } },
  async run(pos, f, g, io) {
    const [dir] = need(pos, ['dir'])
    if (typeof f.name !== 'string' || typeof f.category !== 'string') throw new UsageError('--name and --category are required')
    if (!(LABEL_CATEGORIES as readonly string[]).includes(f.category)) throw new UsageError(`--category must be one of ${LABEL_CATEGORIES.join(', ')}`)
    const target = typeof f.entity === 'string' ? { entityId: Number(f.entity) } : typeof f.address === 'string' && typeof f.network === 'string' ? { network: f.network, address: f.address } : undefined
    if (!target) throw new UsageError('give --network and --address, or --entity')
    await withCase(dir, g, async (s) => {
      const l = await s.core.invoke('labels.add', { caseId: s.caseId, target, name: f.name as string, category: f.category as Label['category'], confidenceId: (f.confidence as string | undefined) ?? 'forensic_investigation', note: (f.note as string | undefined) ?? '' })
      if (g.json) return printJson(io, l)
      io.out(`Added label ${l.id}: ${visibleText(l.name)} (${l.category}) on ${targetText(l)}`)
    })
  }
}

/** `chaintrail label remove <dir> <labelId>`: own labels only; the audit entry keeps what was removed. */
export const labelRemove: Command = {
  name: 'label remove',
  summary: 'delete one of your own labels (audited; imported labels are read-only)',
  usage: 'label remove <dir> <labelId> [--json]',
  async run(pos, _f, g, io) {
    const [dir, id] = need(pos, ['dir', 'labelId'])
    if (!/^\d+$/.test(id)) throw new UsageError('<labelId> is a number (see label list)')
    await withCase(dir, g, async (s) => {
      const r = await s.core.invoke('labels.remove', { caseId: s.caseId, labelId: Number(id) })
      if (g.json) return printJson(io, r)
      io.out(`Removed label ${id}: ${visibleText(r.removed.name)} on ${targetText(r.removed)} (kept in the audit log)`)
    })
  }
}

/** `chaintrail label import <dir> <file...> [--format F] [--skip-invalid] [--dry-run] [--json]` */
export const labelImport: Command = {
  name: 'label import',
  summary: 'import tag sets: GraphSense TagPack, OFAC SDN.CSV (+ sdn_comments.csv), sdn.xml, sdn_advanced.xml, CSV, JSON',
  usage: 'label import <dir> <file...> [--format F] [--skip-invalid] [--dry-run] [--json]',
  options: { format: { type: 'string' }, 'skip-invalid': { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  async run(pos, f, g, io) {
    const [dir, ...files] = need(pos, ['dir', 'file'])
    await withCase(dir, g, async (s) => {
      const staged = files.map((p) => ({ uploadId: s.core.state.stage({ path: resolve(p), originalName: basename(p), originalPath: resolve(p), owned: false }) }))
      const { results } = await s.core.invoke('labels.import', { caseId: s.caseId, files: staged, format: f.format as string | undefined, skipInvalid: !!f['skip-invalid'], dryRun: !!f['dry-run'] })
      if (g.json) return printJson(io, { dryRun: !!f['dry-run'], results })
      for (const r of results) printResult(io, r)
      if (f['dry-run']) io.out('Dry run: nothing was stored.')
    })
  }
}

/** `chaintrail label starter <dir> [--dry-run] [--json]`: load resources/labels (public facts with source URLs). */
export const labelStarter: Command = {
  name: 'label starter',
  summary: 'load the starter label set (public facts, each with its source URL) into the case',
  usage: 'label starter <dir> [--dry-run] [--json]',
  options: { 'dry-run': { type: 'boolean' } },
  async run(pos, f, g, io) {
    const [dir] = need(pos, ['dir'])
    await withCase(dir, g, async (s) => {
      const { results } = await s.core.invoke('labels.starter', { caseId: s.caseId, dryRun: !!f['dry-run'] })
      if (g.json) return printJson(io, { dryRun: !!f['dry-run'], results })
      for (const r of results) printResult(io, r)
    })
  }
}
