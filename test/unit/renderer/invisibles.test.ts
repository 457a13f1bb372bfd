import { describe, expect, it } from 'vitest'
import { hasInvisibles, revealInvisibles, visibleText } from '../../../src/renderer/src/components/invisibles'
import { summarizeDetails } from '../../../src/renderer/src/lib/format'

describe('revealInvisibles (Trojan Source markers)', () => {
  it('turns the RLO in "invoice\\u202Efdp.exe" into a visible marker and drops the control itself', () => {
    const segs = revealInvisibles('invoice\u202Efdp.exe')
    expect(segs).toEqual([
      { kind: 'text', text: 'invoice' },
      { kind: 'mark', short: 'RLO', name: 'RIGHT-TO-LEFT OVERRIDE', codePoint: 'U+202E' },
      { kind: 'text', text: 'fdp.exe' }
    ])
    expect(visibleText('invoice\u202Efdp.exe')).toBe('invoice⟦RLO⟧fdp.exe')
  })

  it('marks every bidi control, zero-width character and C0 control', () => {
    const all = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c, 0x200b, 0x200c, 0x200d, 0xfeff, 0x0001, 0x007f, 0x009b]
    for (const cp of all) {
      const s = `a${String.fromCodePoint(cp)}b`
      expect(hasInvisibles(s), cp.toString(16)).toBe(true)
      expect(revealInvisibles(s).filter((x) => x.kind === 'mark')).toHaveLength(1)
      expect(visibleText(s)).not.toContain(String.fromCodePoint(cp))
    }
  })

  it('leaves ordinary text, RTL script, emoji, tabs and newlines alone', () => {
    for (const s of ['DC Smith', 'شرطة دبي', 'משטרה', 'Zürich — 東京', 'wallet 🦊', 'a\tb\nc', '']) {
      expect(hasInvisibles(s), s).toBe(false)
      expect(visibleText(s)).toBe(s)
    }
  })
})

describe('summarizeDetails', () => {
  it('leads with the file and hash, shortens hashes, keeps the rest', () => {
    const s = summarizeDetails({ duplicate: false, size: 279, sha256: 'a'.repeat(64), originalName: 'x.csv' })
    expect(s).toBe(`originalName: x.csv · sha256: ${'a'.repeat(12)}… · size: 279 · duplicate: false`)
  })
})
