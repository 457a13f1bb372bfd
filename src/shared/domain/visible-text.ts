/**
 * Trojan Source defence (RELIABILITY §4): bidi controls and zero-width characters in untrusted text (labels, notes,
 * names) are shown as visible markers. The stored text stays byte-exact; only its display changes.
 */
const HIDDEN = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\uFEFF]/g

/** True when the text holds a bidi control or zero-width character. */
export function hasHiddenControls(text: string): boolean {
  HIDDEN.lastIndex = 0
  return HIDDEN.test(text)
}

/** The text with each hidden control replaced by a visible `⟦U+202E⟧` marker. */
export function revealControls(text: string): string {
  return text.replace(HIDDEN, (c) => `⟦U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟧`)
}

/** Split text into plain runs and hidden-control markers (for UIs that style the markers). */
export function splitHidden(text: string): { text: string; hidden: boolean }[] {
  const out: { text: string; hidden: boolean }[] = []
  let last = 0
  for (const m of text.matchAll(HIDDEN)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), hidden: false })
    out.push({ text: `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, hidden: true })
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last), hidden: false })
  return out
}
