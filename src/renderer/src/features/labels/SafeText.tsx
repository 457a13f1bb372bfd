import { splitHidden } from '../../../../shared/domain/visible-text'
import './labels.css'

/**
 * Untrusted text (labels, notes, names from tag sets): isolated with <bdi dir="auto"> so it cannot reorder the text
 * around it, and every bidi control or zero-width character shown as a visible marker (Trojan Source).
 */
export function SafeText({ text, className }: { text: string; className?: string }) {
  const parts = splitHidden(text)
  return (
    <bdi dir="auto" className={className}>
      {parts.map((p, i) =>
        p.hidden ? (
          <span key={i} className="ct-hidden-char" title={`hidden control character ${p.text}`} data-testid="hidden-char">
            {p.text}
          </span>
        ) : (
          <span key={i}>{p.text}</span>
        )
      )}
    </bdi>
  )
}
