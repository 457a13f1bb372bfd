import type { Core } from '../../../../../src/core/core'
import { newCaseWithCore, stagePath } from '../../../../helpers/cases'

/** A fresh case and core for Bitcoin import tests. */
export function btcCase(): { core: Core; caseId: string; dir: string; db: ReturnType<Core['state']['caseById']>['db'] } {
  const c = newCaseWithCore()
  return { ...c, db: c.core.state.caseById(c.caseId).db }
}

/** Import files through the contract exactly as the CLI does. */
export async function importFiles(core: Core, caseId: string, paths: string[], extra: { format?: string; options?: Record<string, string>; dryRun?: boolean } = {}) {
  return (await core.invoke('imports.run', { caseId, files: paths.map((p) => stagePath(core, p)), ...extra })).results
}

/** Import and expect a refusal; returns the error. */
export async function importError(core: Core, caseId: string, paths: string[], extra: { format?: string } = {}): Promise<Error & { file?: string; line?: number; column?: number }> {
  try {
    await importFiles(core, caseId, paths, extra)
  } catch (e) {
    return e as Error & { file?: string; line?: number; column?: number }
  }
  throw new Error('the import was expected to fail')
}
