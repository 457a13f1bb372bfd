import { basename, resolve } from 'node:path'
import type { FileImportResult } from '../../shared/api/areas/imports'
import { keyValues } from '../format'
import { need, printJson, UsageError, type Command, type Io } from '../io'
import { withCase } from '../session'

function parseOptions(list: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>
  for (const kv of (list as string[] | undefined) ?? []) {
    const i = kv.indexOf('=')
    if (i <= 0) throw new UsageError(`--option takes key=value, got "${kv}"`)
    out[kv.slice(0, i)] = kv.slice(i + 1)
  }
  return out
}

/** Human summary of one imported file (also used by `label import`). */
export function printResult(io: Io, r: FileImportResult): void {
  io.out(`${r.file}`)
  io.out(
    keyValues([
      ['  format', `${r.format} (${r.formatName}), parser ${r.parserVersion}`],
      ['  evidence SHA-256', `${r.sha256}${r.evidenceAlreadyPresent ? ' (already in the locker)' : ''}`],
      ['  records', r.records],
      ...Object.entries(r.counts)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [`  ${k}`, v] as [string, number]),
      ['  conflicts', r.conflicts.length],
      ['  warnings', r.warnings.length]
    ])
  )
  for (const c of r.conflicts) io.out(`  conflict: ${c.kind} ${c.key} ${c.field}: case has ${c.existing ?? '∅'}, this file says ${c.incoming ?? '∅'}`)
  for (const w of r.warnings) io.out(`  warning: ${w}`)
}

/** `chaintrail import <dir> <file...> [--format F] [--option k=v ...] [--dry-run] [--json]` */
export const importCmd: Command = {
  name: 'import',
  summary: 'import explorer/exchange exports (format detected from content)',
  usage: 'import <dir> <file...> [--format F] [--option key=value ...] [--mapping file.json] [--chain C] [--dry-run] [--json]',
  options: {
    format: { type: 'string' },
    option: { type: 'string', multiple: true },
    chain: { type: 'string' },
    mapping: { type: 'string' },
    address: { type: 'string' },
    'dry-run': { type: 'boolean' }
  },
  async run(pos, f, g, io) {
    const [dir, ...files] = need(pos, ['dir', 'file'])
    const options: Record<string, unknown> = parseOptions(f.option)
    if (typeof f.chain === 'string') options.chain = f.chain
    if (typeof f.address === 'string') options.address = f.address
    if (typeof f.mapping === 'string') options.mappingFile = resolve(f.mapping)
    await withCase(dir, g, async (s) => {
      const staged = files.map((p) => ({ uploadId: s.core.state.stage({ path: resolve(p), originalName: basename(p), owned: false }) }))
      const { results } = await s.core.invoke('imports.run', {
        caseId: s.caseId,
        files: staged,
        format: f.format as string | undefined,
        options,
        dryRun: !!f['dry-run']
      })
      if (g.json) return printJson(io, { dryRun: !!f['dry-run'], results })
      for (const r of results) io.out(`Detected ${r.format} for ${r.file}`)
      for (const r of results) printResult(io, r)
      if (f['dry-run']) io.out('Dry run: nothing was stored.')
    })
  }
}

/** `chaintrail import formats [--json]` */
export const importFormats: Command = {
  name: 'import formats',
  summary: 'list the formats the importer recognises',
  usage: 'import formats [--json]',
  async run(_pos, _f, g, io) {
    const { createCore } = await import('../../core/core')
    const core = createCore({ casesRoot: process.cwd() })
    try {
      const list = await core.invoke('imports.formats', {})
      if (g.json) return printJson(io, list)
      for (const i of list) io.out(`${i.id.padEnd(28)} ${i.name} (parser ${i.version})`)
    } finally {
      core.close()
    }
  }
}
