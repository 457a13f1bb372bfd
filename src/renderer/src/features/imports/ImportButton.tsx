import { useState } from 'react'
import { ImportDialog } from './ImportDialog'

/** Opens the Import dialog; the case reloads after a successful import. */
export function ImportButton({ caseId, onImported }: { caseId: string; onImported(): void }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button onClick={() => setOpen(true)}>Import…</button>
      {open && <ImportDialog caseId={caseId} onClose={() => setOpen(false)} onImported={onImported} />}
    </>
  )
}
