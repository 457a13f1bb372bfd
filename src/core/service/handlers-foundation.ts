import { ApiError } from '../../shared/api/errors'
import { listAudit, verifyAudit } from '../audit/chain'
import { listEvidence } from '../evidence/evidence-repo'
import { folderWritable, openCase } from '../case/case-folder'
import { createInLibrary, scanLibrary, summarize, updateMeta } from './cases'
import { addEvidence, verifyEvidence } from './evidence'
import type { HandlerMap } from './context'

/** Case library, evidence and audit methods of the contract. */
export const foundationHandlers: HandlerMap<
  'cases.library' | 'cases.create' | 'cases.info' | 'cases.update' | 'evidence.list' | 'evidence.add' | 'evidence.verify' | 'audit.list' | 'audit.verify'
> = {
  'cases.library': (_i, { state }) => {
    const cases = []
    const unreadable = []
    for (const folder of scanLibrary(state.casesRoot).folders) {
      try {
        // Listing must not change anything: read-only peek unless the case is already open.
        const h = openCase(folder, { readOnly: true })
        try {
          // The peek itself is read-only; report whether opening the case for work would be.
          cases.push({ ...summarize(h), readOnly: !folderWritable(folder) })
        } finally {
          h.close()
        }
      } catch (e) {
        unreadable.push({ folder, reason: (e as Error).message })
      }
    }
    cases.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    return { root: state.casesRoot, cases, unreadable }
  },
  'cases.create': (i, { state }) => summarize(state.adopt(createInLibrary(state.casesRoot, i))),
  'cases.info': (i, { state }) => summarize(state.caseById(i.caseId)),
  'cases.update': (i, { state }) => {
    const c = state.caseById(i.caseId)
    updateMeta(c, state.examinerFor(c), i.patch)
    return summarize(c)
  },
  'evidence.list': (i, { state }) => listEvidence(state.caseById(i.caseId).db),
  'evidence.add': async (i, { state }) => {
    const c = state.caseById(i.caseId)
    const u = state.takeUpload(i.file.uploadId)
    try {
      return await addEvidence(c, { path: u.path, originalName: u.originalName, originalPath: u.originalPath, note: i.note }, state.examinerFor(c))
    } finally {
      state.releaseUpload(u)
    }
  },
  'evidence.verify': (i, { state }) => verifyEvidence(state.caseById(i.caseId)),
  'audit.list': (i, { state }) => listAudit(state.caseById(i.caseId).db, i.offset, i.limit, i.newestFirst),
  'audit.verify': (i, { state }) => {
    const r = verifyAudit(state.caseById(i.caseId).db)
    if (r.count === 0 && r.ok) throw new ApiError('INTEGRITY', 'the audit log is empty: a case always has at least its creation entry')
    return r
  }
}
