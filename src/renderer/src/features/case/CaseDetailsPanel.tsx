import { useState } from 'react'
import type { CaseSummary } from '../../../../shared/api/areas/cases'
import { call } from '../../api/client'
import { Button } from '../../components/Button'
import { TextAreaField, TextField } from '../../components/Field'
import { Notice } from '../../components/Notice'
import { Panel } from '../../components/Panel'
import { SafeText } from '../../components/SafeText'
import { fieldErrors, messageOf } from '../../lib/errors'

type Form = Pick<CaseSummary, 'caseNumber' | 'title' | 'examiner' | 'agency' | 'jurisdiction' | 'notes'>
const FIELDS: Array<keyof Form> = ['caseNumber', 'title', 'examiner', 'agency', 'jurisdiction', 'notes']

/** Case metadata, viewable and editable (cases.update; every change is audited with its before/after). */
export function CaseDetailsPanel({ summary, onChanged }: { summary: CaseSummary; onChanged(): void }) {
  const [form, setForm] = useState<Form | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)

  function edit() {
    setForm(Object.fromEntries(FIELDS.map((k) => [k, summary[k]])) as Form)
    setErrors({})
    setFailure(undefined)
    setSaved(false)
  }
  async function save() {
    if (!form) return
    const patch: Partial<Form> = {}
    for (const k of FIELDS) if (form[k] !== summary[k]) patch[k] = k === 'notes' ? form[k] : form[k].trim()
    setBusy(true)
    try {
      if (Object.keys(patch).length) await call('cases.update', { caseId: summary.id, patch })
      setForm(null)
      setSaved(Object.keys(patch).length > 0)
      onChanged()
    } catch (e) {
      const fe = fieldErrors(e, ['patch'])
      setErrors(fe)
      setFailure(Object.keys(fe).length ? undefined : messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const set = (k: keyof Form) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value
    setForm((f) => (f ? { ...f, [k]: v } : f))
  }

  return (
    <Panel
      id="case-details"
      title="Case details"
      subtitle="Changes are recorded in the audit log with the previous value."
      actions={
        form ? (
          <>
            <Button size="sm" onClick={() => setForm(null)}>
              Cancel
            </Button>
            <Button size="sm" variant="primary" busy={busy} onClick={() => void save()}>
              Save details
            </Button>
          </>
        ) : (
          <Button size="sm" onClick={edit} disabled={summary.readOnly} title={summary.readOnly ? 'The case is read-only' : undefined}>
            Edit details
          </Button>
        )
      }
    >
      {failure ? <Notice tone="danger" title="The details were not saved">{failure}</Notice> : null}
      {saved && !form ? <Notice tone="ok" title="Case details saved and audited" onDismiss={() => setSaved(false)} /> : null}
      {form ? (
        <form
          className="ct-form-grid ct-pad ct-details-form"
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <TextField label="Case number" required value={form.caseNumber} onChange={set('caseNumber')} error={errors.caseNumber} autoFocus />
          <TextField label="Examiner" required value={form.examiner} onChange={set('examiner')} error={errors.examiner} />
          <TextField className="ct-span-2" label="Title" required value={form.title} onChange={set('title')} error={errors.title} />
          <TextField label="Agency" value={form.agency} onChange={set('agency')} error={errors.agency} />
          <TextField label="Jurisdiction" value={form.jurisdiction} onChange={set('jurisdiction')} error={errors.jurisdiction} />
          <TextAreaField className="ct-span-2" label="Notes" value={form.notes} onChange={set('notes')} error={errors.notes} rows={4} />
          <button type="submit" hidden />
        </form>
      ) : (
        <dl className="ct-dl ct-details">
          <dt>Case ID</dt>
          <dd>
            <code className="ct-details__id">{summary.id}</code>
          </dd>
          <dt>Folder</dt>
          <dd>
            <SafeText text={summary.folder} mono className="ct-details__path" />
          </dd>
          <dt>Schema</dt>
          <dd>version {summary.schemaVersion}</dd>
          <dt>Notes</dt>
          <dd className="ct-details__notes">{summary.notes ? <SafeText text={summary.notes} /> : <span className="ct-muted">No notes</span>}</dd>
        </dl>
      )}
    </Panel>
  )
}
