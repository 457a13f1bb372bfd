import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCase, openCase } from '../../../src/core/case/case-folder'
import { addEvidence } from '../../../src/core/service/evidence'
import { updateMeta } from '../../../src/core/service/cases'
import { tmpDir } from '../../helpers/tmp'

/** Hash of every file's path and bytes under a folder. */
function treeHash(dir: string): string {
  const h = createHash('sha256')
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n)
      if (statSync(p).isDirectory()) walk(p)
      else h.update(p + '\0').update(readFileSync(p))
    }
  }
  walk(dir)
  return h.digest('hex')
}

describe('read-only case', () => {
  it('opens read-only, refuses every change with a clear message, and writes nothing', async () => {
    const root = tmpDir()
    const w = createCase(join(root, 'case'), { title: 'R', caseNumber: '1', examiner: 'E' })
    writeFileSync(join(root, 'x.txt'), 'x')
    await addEvidence(w, { path: join(root, 'x.txt') }, 'E')
    w.db.pragma('wal_checkpoint(TRUNCATE)')
    w.close()
    const before = treeHash(join(root, 'case'))
    const h = openCase(join(root, 'case'), { readOnly: true })
    expect(h.readOnly).toBe(true)
    expect(h.meta().title).toBe('R')
    await expect(addEvidence(h, { path: join(root, 'x.txt') }, 'E')).rejects.toThrow(/open read-only; nothing was changed/)
    expect(() => updateMeta(h, 'E', { title: 'changed' })).toThrow(/read-only/)
    h.close()
    expect(treeHash(join(root, 'case'))).toBe(before)
  })
})
