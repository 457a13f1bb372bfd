/**
 * Trojan Source defence (RELIABILITY §4): characters that reorder or hide text are shown as visible markers
 * instead of being obeyed. Pure, so it is unit-tested in Node and reused by exports that need the same rule.
 */

/** Bidi controls, invisible joiners/marks and their short marker names. */
export const INVISIBLE_NAMES: Readonly<Record<number, [short: string, name: string]>> = {
  0x202a: ['LRE', 'LEFT-TO-RIGHT EMBEDDING'],
  0x202b: ['RLE', 'RIGHT-TO-LEFT EMBEDDING'],
  0x202c: ['PDF', 'POP DIRECTIONAL FORMATTING'],
  0x202d: ['LRO', 'LEFT-TO-RIGHT OVERRIDE'],
  0x202e: ['RLO', 'RIGHT-TO-LEFT OVERRIDE'],
  0x2066: ['LRI', 'LEFT-TO-RIGHT ISOLATE'],
  0x2067: ['RLI', 'RIGHT-TO-LEFT ISOLATE'],
  0x2068: ['FSI', 'FIRST STRONG ISOLATE'],
  0x2069: ['PDI', 'POP DIRECTIONAL ISOLATE'],
  0x200e: ['LRM', 'LEFT-TO-RIGHT MARK'],
  0x200f: ['RLM', 'RIGHT-TO-LEFT MARK'],
  0x061c: ['ALM', 'ARABIC LETTER MARK'],
  0x200b: ['ZWSP', 'ZERO WIDTH SPACE'],
  0x200c: ['ZWNJ', 'ZERO WIDTH NON-JOINER'],
  0x200d: ['ZWJ', 'ZERO WIDTH JOINER'],
  0xfeff: ['ZWNBSP', 'ZERO WIDTH NO-BREAK SPACE (BOM)']
}

/** A run of ordinary text, or one hidden character made visible. */
export type Segment = { kind: 'text'; text: string } | { kind: 'mark'; short: string; name: string; codePoint: string }

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`

function markFor(cp: number): [string, string] | undefined {
  const known = INVISIBLE_NAMES[cp]
  if (known) return known
  // Other C0/C1 controls (except tab and newline) are invisible too; name them by code point.
  if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a) || (cp >= 0x7f && cp <= 0x9f)) return [hex(cp), `CONTROL CHARACTER ${hex(cp)}`]
  return undefined
}

/** Split `text` into plain runs and markers for every bidi control, zero-width or control character. */
export function revealInvisibles(text: string): Segment[] {
  const out: Segment[] = []
  let run = ''
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    const m = markFor(cp)
    if (!m) {
      run += ch
      continue
    }
    if (run) out.push({ kind: 'text', text: run })
    run = ''
    out.push({ kind: 'mark', short: m[0], name: m[1], codePoint: hex(cp) })
  }
  if (run) out.push({ kind: 'text', text: run })
  return out
}

/** True when `text` holds anything revealInvisibles would mark. */
export function hasInvisibles(text: string): boolean {
  return revealInvisibles(text).some((s) => s.kind === 'mark')
}

/** Plain-text form with markers as ⟦RLO⟧, for titles, tooltips and exports. */
export function visibleText(text: string): string {
  return revealInvisibles(text)
    .map((s) => (s.kind === 'text' ? s.text : `⟦${s.short}⟧`))
    .join('')
}
