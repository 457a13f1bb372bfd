import { useState } from 'react'
import type { EvidenceItem } from '../../../../shared/api/areas/evidence'
import { call } from '../../api/client'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { FileChooser, type ChosenFile } from '../../components/FileChooser'
import { TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { ProgressBar } from '../../components/ProgressBar'
import { useProgress } from '../../lib/useProgress'
import { messageOf } from '../../lib/errors'

/** One file's outcome. */
export interface AddedEvidence {
  name: string
  item?: EvidenceItem
  duplicate?: boolean
  error?: string
}

/** Take files into the evidence locker with a source note (who obtained it, from where, when). */
export function AddEvidenceDialog({ caseId, onClose, onDone }: { caseId: string; onClose(): void; onDone(results: AddedEvidence[]): void }) {
  const [files, setFiles] = useState<ChosenFile[]>([])
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [fileError, setFileError] = useState<string>()
  const [failure, setFailure] = useState<string>()
  const [current, setCurrent] = useState<string>()
  const progress = useProgress()

  async function submit() {
    if (!files.length) {
      setFileError('Choose a file to add')
      return
    }
    setBusy(true)
    setFailure(undefined)
    const results: AddedEvidence[] = []
    for (const f of files) {
      setCurrent(f.name)
      try {
        const staged = await f.stage()
        const r = await call('evidence.add', { caseId, file: staged, note: note.trim() || undefined })
        results.push({ name: f.name, item: r.item, duplicate: r.duplicate })
      } catch (e) {
        results.push({ name: f.name, error: messageOf(e) })
      }
    }
    setBusy(false)
    setCurrent(undefined)
    if (results.every((r) => r.error)) {
      setFailure(results.map((r) => `${r.name}: ${r.error}`).join('; '))
      return
    }
    onDone(results)
  }

  return (
    <Dialog
      title="Add evidence"
      description="The file is copied byte-for-byte into the case's evidence locker, hashed with SHA-256 while it streams, and made read-only. The original is never changed."
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            Add to locker
          </Button>
        </>
      }
    >
      {failure ? <Notice tone="danger" title="Nothing was added">{failure}</Notice> : null}
      <FileChooser
        purpose="evidence"
        label="Evidence file"
        multiple
        files={files}
        onChange={(f) => {
          setFiles(f)
          setFileError(undefined)
        }}
        error={fileError}
      />
      <TextField
        label="Source note"
        value={note}
        maxLength={2000}
        onChange={(e) => setNote(e.currentTarget.value)}
        hint="Where it came from, e.g. “Etherscan export downloaded 2026-03-02 by DC Smith”"
      />
      {busy ? <ProgressBar event={progress} label={`Copying and hashing ${current ?? ''} into the locker…`} /> : null}
    </Dialog>
  )
}
