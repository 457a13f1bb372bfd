/**
 * Text for XML outputs (SVG, GEXF, GraphML) per RELIABILITY §4: the five special characters escaped, characters
 * XML 1.0 forbids (C0 controls except TAB/LF/CR, U+FFFE/U+FFFF, lone surrogates) and invisible bidi/zero-width
 * controls (Trojan Source) replaced by a visible ⟨U+XXXX⟩ marker, so the file stays valid and honest.
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\uFEFF]/

function marker(cp: number): string {
  return `⟨U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟩`
}

/** Escape untrusted text for an XML text node or attribute value. */
export function xmlText(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i] + s[i + 1]
        i++
      } else out += marker(c)
      continue
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      out += marker(c)
      continue
    }
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff || c === 0x7f) {
      out += marker(c)
      continue
    }
    const ch = s[i]
    if (INVISIBLE.test(ch)) out += marker(c)
    else if (ch === '&') out += '&amp;'
    else if (ch === '<') out += '&lt;'
    else if (ch === '>') out += '&gt;'
    else if (ch === '"') out += '&quot;'
    else if (ch === "'") out += '&apos;'
    else out += ch
  }
  return out
}

/** Shorten display text to `max` characters with an ellipsis (counting code points). */
export function clip(s: string, max: number): string {
  const cps = [...s]
  return cps.length > max ? cps.slice(0, Math.max(1, max - 1)).join('') + '…' : s
}
