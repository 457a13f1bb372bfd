import { join } from 'node:path'
import type { Core } from '../../../../src/core/core'
import { newCaseWithCore, stagePath } from '../../../helpers/cases'
import { LOCAL_FIXTURES, shared } from '../../../helpers/fixtures'

/** A case + core with helpers to import tag sets by path. */
export function labelCase() {
  const t = newCaseWithCore('DC Label')
  const db = () => t.core.state.caseById(t.caseId).db
  async function importLabels(paths: string[], o: { skipInvalid?: boolean; format?: string } = {}) {
    return t.core.invoke('labels.import', { caseId: t.caseId, files: paths.map((p) => stagePath(t.core, p)), skipInvalid: o.skipInvalid ?? false, format: o.format })
  }
  return { ...t, db, importLabels }
}

/** Real GraphSense TagPack from the shared fixtures. */
export const pack = (name: string) => shared(`labels/graphsense-tagpacks/${name}`)
/** Authored label fixtures. */
export const local = (name: string) => join(LOCAL_FIXTURES, 'labels', name)

/** Counts of stored labels per network. */
export function perNetwork(core: Core, caseId: string): Record<string, number> {
  const rows = core.state.caseById(caseId).db.prepare('SELECT network, count(*) AS n FROM labels GROUP BY network').all() as { network: string; n: number }[]
  return Object.fromEntries(rows.map((r) => [r.network, r.n]))
}
