import { join } from 'node:path'
import { createCore, type Core } from '../../src/core/core'
import { createCase } from '../../src/core/case/case-folder'
import { tmpDir } from './tmp'

/** A new case in a temp library plus a core over that library, for service-level tests. */
export function newCaseWithCore(examiner = 'DC Test'): { core: Core; caseId: string; dir: string; root: string } {
  const root = tmpDir('ct-lib-')
  const dir = join(root, 'case')
  const h = createCase(dir, { title: 'Test case', caseNumber: 'T-1', examiner })
  const caseId = h.meta().id
  h.close()
  const core = createCore({ casesRoot: root })
  core.state.openPath(dir)
  return { core, caseId, dir, root }
}

/** Stage a path for an `uploadId`-taking contract call, as the CLI does. */
export function stagePath(core: Core, path: string, name?: string): { uploadId: string } {
  return { uploadId: core.state.stage({ path, originalName: name ?? path.split('/').pop()!, owned: false }) }
}
