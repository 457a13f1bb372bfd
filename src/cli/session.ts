import { dirname, resolve } from 'node:path'
import { createCore, type Core } from '../core/core'
import type { CaseHandle } from '../core/case/case-folder'
import type { GlobalFlags } from './io'

/** A core opened for one CLI invocation on one case folder. */
export interface CaseSession {
  core: Core
  handle: CaseHandle
  caseId: string
}

/** Open the case folder `dir` in a fresh in-process core. */
export function openSession(dir: string, g: GlobalFlags): CaseSession {
  const abs = resolve(dir)
  const core = createCore({ casesRoot: dirname(abs), examiner: g.examiner ?? process.env.CHAINTRAIL_EXAMINER })
  try {
    const handle = core.state.openPath(abs)
    return { core, handle, caseId: handle.meta().id }
  } catch (e) {
    core.close()
    throw e
  }
}

/** Run `fn` with an open session and always close it. */
export async function withCase<T>(dir: string, g: GlobalFlags, fn: (s: CaseSession) => Promise<T>): Promise<T> {
  const s = openSession(dir, g)
  try {
    return await fn(s)
  } finally {
    s.core.close()
  }
}
