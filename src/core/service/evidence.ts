import type { EvidenceItem, EvidenceVerifyResult } from '../../shared/api/areas/evidence'
import type { CaseHandle } from '../case/case-folder'
import { listEvidence } from '../evidence/evidence-repo'
import { checkLockerFile } from '../evidence/locker'
import { abandonEvidence, evidenceDetails, recordEvidence, stageEvidence, type IncomingFile } from '../evidence/receive'
import { mutate } from '../store/unit-of-work'

/**
 * Take a file into the locker and record it. Identical bytes are stored once: the second receipt is audited
 * as `evidence.received-again` and reported as a duplicate.
 */
export async function addEvidence(c: CaseHandle, f: IncomingFile, examiner: string): Promise<{ item: EvidenceItem; duplicate: boolean }> {
  const pending = await stageEvidence(c, f)
  try {
    return mutate(c, examiner, 'evidence.added', () => {
      const r = recordEvidence(c.db, pending, examiner)
      return { result: r, details: evidenceDetails(r.item, r.duplicate) }
    }).result
  } catch (e) {
    abandonEvidence(c, pending)
    throw e
  }
}

/** Re-hash every locker file against its record. */
export async function verifyEvidence(c: CaseHandle): Promise<EvidenceVerifyResult> {
  const items = listEvidence(c.db)
  const problems: EvidenceVerifyResult['problems'] = []
  for (const it of items) {
    const p = await checkLockerFile(c.dir, it.sha256, it.size)
    if (p) problems.push({ sha256: it.sha256, originalName: it.originalName, problem: p })
  }
  return { ok: problems.length === 0, checked: items.length, problems }
}
