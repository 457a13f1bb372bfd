import { useState } from 'react'
import type { CaseSummary } from '../../../../shared/api/areas/cases'
import { call } from '../../api/client'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { TextAreaField, TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { fieldErrors, messageOf } from '../../lib/errors'

const EMPTY = { caseNumber: '', title: '', examiner: '', agency: '', jurisdiction: '', notes: '' }

/**
 * Create a case. Validation is the contract's: whatever cases.create rejects comes back as zod issues and is
 * shown on the field it concerns, so the UI never disagrees with the CLI about what a valid case is.
 */
export function NewCaseDialog({ onClose, onCreated }: { onClose(): void; onCreated(c: CaseSummary): void }) {
  const [form, setForm] = useState(EMPTY)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string>()
  const [busy, setBusy] = useState(false)
  const set = (k: keyof typeof EMPTY) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value
    setForm((f) => ({ ...f, [k]: v }))
  }
  async function submit() {
    setBusy(true)
    setFailure(undefined)
    try {
      const created = await call('cases.create', {
        caseNumber: form.caseNumber.trim(),
        title: form.title.trim(),
        examiner: form.examiner.trim(),
        agency: form.agency.trim() || undefined,
        jurisdiction: form.jurisdiction.trim() || undefined,
        notes: form.notes || undefined
      })
      onCreated(created)
    } catch (e) {
      const fe = fieldErrors(e)
      setErrors(fe)
      if (!Object.keys(fe).length) setFailure(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      title="New case"
      description="A case is a folder in the cases folder: its database, evidence locker and audit log travel together."
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={busy}>
            Create case
          </Button>
        </>
      }
    >
      {failure ? <Notice tone="danger" title="The case was not created">{failure}</Notice> : null}
      <div className="ct-form-grid">
        <TextField label="Case number" required autoFocus value={form.caseNumber} onChange={set('caseNumber')} error={errors.caseNumber} placeholder="e.g. CT-2026-0142" />
        <TextField label="Examiner" required value={form.examiner} onChange={set('examiner')} error={errors.examiner} placeholder="Name and rank" />
        <TextField className="ct-span-2" label="Title" required value={form.title} onChange={set('title')} error={errors.title} placeholder="Short description of the investigation" />
        <TextField label="Agency" value={form.agency} onChange={set('agency')} error={errors.agency} />
        <TextField label="Jurisdiction" value={form.jurisdiction} onChange={set('jurisdiction')} error={errors.jurisdiction} />
        <TextAreaField className="ct-span-2" label="Notes" value={form.notes} onChange={set('notes')} error={errors.notes} rows={3} />
      </div>
    </Dialog>
  )
}
