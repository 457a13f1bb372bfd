import { visibleText } from '../../shared/domain/invisibles'
import { table } from '../format'
import { need, printJson, UsageError, type Command } from '../io'
import { withCase } from '../session'

function members(list: unknown): { network: string; address: string }[] {
  return ((list as string[] | undefined) ?? []).map((m) => {
    const i = m.indexOf(':')
    if (i <= 0) throw new UsageError(`--member takes network:address, got "${m}"`)
    return { network: m.slice(0, i), address: m.slice(i + 1) }
  })
}

/** `chaintrail entity list <dir> [--json]` */
export const entityList: Command = {
  name: 'entity list',
  summary: 'list entities (named groups of addresses)',
  usage: 'entity list <dir> [--json]',
  async run(pos, _f, g, io) {
    const [dir] = need(pos, ['dir'])
    await withCase(dir, g, async (s) => {
      const list = await s.core.invoke('entities.list', { caseId: s.caseId })
      if (g.json) return printJson(io, list)
      io.out(table(['Id', 'Name', 'Kind', 'Members'], list.map((e) => [e.id, visibleText(e.name), e.kind, e.members.map((m) => `${m.network}:${m.address}`).join(' ')])))
    })
  }
}

/** `chaintrail entity create <dir> --name NAME [--member net:addr ...] [--note T] [--json]` */
export const entityCreate: Command = {
  name: 'entity create',
  summary: 'create an entity from addresses (audited)',
  usage: 'entity create <dir> --name NAME [--member network:address ...] [--note TEXT] [--json]',
  options: { name: { type: 'string' }, member: { type: 'string', multiple: true }, note: { type: 'string' } },
  async run(pos, f, g, io) {
    const [dir] = need(pos, ['dir'])
    if (typeof f.name !== 'string') throw new UsageError('--name is required')
    await withCase(dir, g, async (s) => {
      const e = await s.core.invoke('entities.create', { caseId: s.caseId, name: f.name as string, note: f.note as string | undefined, members: members(f.member) })
      if (g.json) return printJson(io, e)
      io.out(`Created entity ${e.id} "${visibleText(e.name)}" with ${e.members.length} member(s)`)
    })
  }
}

/** `chaintrail entity add <dir> <entityId> --member net:addr ...` */
export const entityAdd: Command = {
  name: 'entity add',
  summary: 'add member addresses to an entity (audited)',
  usage: 'entity add <dir> <entityId> --member network:address ... [--json]',
  options: { member: { type: 'string', multiple: true } },
  async run(pos, f, g, io) {
    const [dir, id] = need(pos, ['dir', 'entityId'])
    const m = members(f.member)
    if (!m.length) throw new UsageError('give at least one --member network:address')
    await withCase(dir, g, async (s) => {
      const e = await s.core.invoke('entities.addMembers', { caseId: s.caseId, entityId: Number(id), members: m })
      if (g.json) return printJson(io, e)
      io.out(`Entity ${e.id} now has ${e.members.length} member(s)`)
    })
  }
}
