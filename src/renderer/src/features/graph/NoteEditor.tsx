import { useEffect, useState } from 'react'

/** Annotation of a node or edge: kept in the case and audited by the core. */
export function NoteEditor({ note, onSave }: { note: string | null; onSave(note: string): void }) {
  const [text, setText] = useState(note ?? '')
  useEffect(() => setText(note ?? ''), [note])
  return (
    <div className="ct-note">
      <textarea aria-label="Annotation" dir="auto" placeholder="Add an analyst note (kept in the case, audited)…" value={text} onChange={(e) => setText(e.target.value)} rows={2} />
      <button disabled={text === (note ?? '')} onClick={() => onSave(text)}>
        {text ? 'Save note' : 'Remove note'}
      </button>
    </div>
  )
}
