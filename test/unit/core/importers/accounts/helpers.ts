import { createHash } from 'node:crypto'
import type { Core } from '../../../../../src/core/core'
import { shared } from '../../../../helpers/fixtures'
import { stagePath } from '../../../../helpers/cases'

/** Path of a shared explorer-format sample. */
export const sample = (rel: string): string => shared(`explorer-formats/${rel}`)

/** Import files through the contract, as the CLI and UI do. */
export async function importFiles(core: Core, caseId: string, paths: string[], options: Record<string, unknown> = {}, format?: string) {
  return core.invoke('imports.run', { caseId, files: paths.map((p) => stagePath(core, p)), options, format })
}

/** Error of an import that must fail. */
export async function importError(core: Core, caseId: string, paths: string[], options: Record<string, unknown> = {}, format?: string): Promise<Error & { line?: number; column?: number; file?: string }> {
  try {
    await importFiles(core, caseId, paths, options, format)
  } catch (e) {
    return e as Error & { line?: number; column?: number; file?: string }
  }
  throw new Error('import was expected to fail')
}

/** Digest of every table's rows in the case: equal before and after a refused import means nothing changed. */
export function caseDigest(core: Core, caseId: string): string {
  const db = core.state.caseById(caseId).db
  const h = createHash('sha256')
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  for (const { name } of tables) {
    if (!/^[a-z_0-9]+$/.test(name)) continue
    h.update(name)
    // Table names come from sqlite_master and are checked against a strict pattern above.
    for (const r of db.prepare('SELECT * FROM "' + name + '"').all()) h.update(JSON.stringify(r))
  }
  return h.digest('hex')
}
