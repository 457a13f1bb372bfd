import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { CaseSummary } from '../../shared/api/areas/cases'
import { ApiError } from '../../shared/api/errors'
import { createCase, isCaseFolder, openCase, type CaseHandle, type NewCase } from '../case/case-folder'
import { mutate } from '../store/unit-of-work'
import { nowIso } from '../util/clock'

/** Summary of an open case for lists and the overview header. */
export function summarize(c: CaseHandle): CaseSummary {
  const meta = c.meta()
  const count = (sql: string) => (c.db.prepare(sql).get() as { n: number }).n
  return {
    ...meta,
    folder: c.dir,
    evidenceCount: count('SELECT count(*) AS n FROM evidence'),
    auditCount: count('SELECT count(*) AS n FROM audit_log'),
    readOnly: c.readOnly
  }
}

/** A folder name made from the case number and title, safe on every OS. */
export function folderNameFor(c: NewCase): string {
  const raw = `${c.caseNumber} ${c.title}`
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._ -]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80)
  return raw || 'case'
}

/** Create a case under the library root in a fresh folder. */
export function createInLibrary(root: string, c: NewCase): CaseHandle {
  mkdirSync(root, { recursive: true })
  const base = folderNameFor(c)
  let name = base
  for (let i = 2; existsSync(join(root, name)); i++) name = `${base}-${i}`
  return createCase(join(root, name), c)
}

/** Every case folder directly under the root, plus folders that look like cases but cannot be read. */
export function scanLibrary(root: string): { folders: string[] } {
  if (!existsSync(root)) return { folders: [] }
  const folders = readdirSync(root)
    .filter((n) => !n.startsWith('.'))
    .map((n) => join(root, n))
    .filter((p) => {
      try {
        return statSync(p).isDirectory() && isCaseFolder(p)
      } catch {
        return false
      }
    })
  return { folders }
}

/** Apply a metadata patch, audited with the before and after values of each changed field. */
export function updateMeta(c: CaseHandle, examiner: string, patch: Partial<NewCase>): void {
  const before = c.meta()
  // One fixed statement per editable field: column names never come from input.
  const cols: Record<string, string> = {
    title: 'UPDATE case_meta SET title = ? WHERE singleton = 1',
    caseNumber: 'UPDATE case_meta SET case_number = ? WHERE singleton = 1',
    examiner: 'UPDATE case_meta SET examiner = ? WHERE singleton = 1',
    agency: 'UPDATE case_meta SET agency = ? WHERE singleton = 1',
    jurisdiction: 'UPDATE case_meta SET jurisdiction = ? WHERE singleton = 1',
    notes: 'UPDATE case_meta SET notes = ? WHERE singleton = 1'
  }
  const changes: Record<string, { from: string; to: string }> = {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || !(k in cols)) continue
    const old = (before as unknown as Record<string, string>)[k]
    if (old !== v) changes[k] = { from: old, to: v }
  }
  if (!Object.keys(changes).length) return
  mutate(c, examiner, 'case.updated', () => {
    for (const [k, ch] of Object.entries(changes)) {
      c.db.prepare(cols[k]).run(ch.to)
    }
    c.db.prepare('UPDATE case_meta SET updated_at = ? WHERE singleton = 1').run(nowIso())
    return { result: undefined, details: { changes } }
  })
}

/** Open a case by folder, or explain why it cannot be. */
export function openForLibrary(dir: string): CaseHandle {
  try {
    return openCase(dir)
  } catch (e) {
    if (e instanceof ApiError) throw e
    throw new ApiError('IO', `cannot open the case in ${dir}: ${(e as Error).message}`)
  }
}
