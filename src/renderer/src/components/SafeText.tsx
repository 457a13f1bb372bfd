import { revealInvisibles } from './invisibles'
import './safe-text.css'

/**
 * Render untrusted text (names, notes, labels, file names) safely: isolated with <bdi dir="auto"> so it cannot
 * reorder its surroundings, and with bidi controls and zero-width characters shown as visible markers rather
 * than obeyed (Trojan Source). Use it for every string that came from a file, a user or another examiner.
 */
export function SafeText({ text, mono = false, className }: { text: string | null | undefined; mono?: boolean; className?: string }) {
  const value = text ?? ''
  const segments = revealInvisibles(value)
  const cls = ['ct-safe', mono ? 'ct-mono' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <bdi dir="auto" className={cls}>
      {segments.map((s, i) =>
        s.kind === 'text' ? (
          s.text
        ) : (
          <abbr key={i} className="ct-invisible" title={`Hidden character ${s.codePoint} ${s.name}`} aria-label={`hidden character ${s.name}`} data-invisible={s.codePoint}>
            {s.short}
          </abbr>
        )
      )}
    </bdi>
  )
}
