import { useEffect, useState } from 'react'
import { call } from '../../api/client'
import { MAPPABLE_FIELDS, type ColumnMapping } from '../../../../shared/api/areas/mappings'
import { NETWORKS } from '../../../../shared/domain/networks'
import { FIELD_LABELS, formToMapping, initialForm, REQUIRED_FIELDS, type MappingForm } from './mapping-form'
import { useMappingSample } from './useMappingSample'
import './MappingDialog.css'

/** Props of the column-mapping dialog. */
export interface MappingDialogProps {
  caseId: string
  /** A staged file (from the import dialog's picker or upload). */
  uploadId: string
  fileName: string
  /** The analyst confirmed a valid mapping: import the file with `options: { mapping }`. */
  onMapped(mapping: ColumnMapping): void
  onCancel(): void
}

const ACCOUNT_NETWORKS = [...NETWORKS.values()].filter((n) => n.kind === 'account')
const SAMPLE_SHOWN = 5

/**
 * Map the columns of a CSV/XLSX no built-in format knows. Shows the header and first rows, offers the mapping
 * saved for this header (if any), validates with the core's own schema, and can save the mapping in the case.
 * Self-contained: the import dialog opens it for a file and imports with the mapping it returns.
 */
export function MappingDialog({ caseId, uploadId, fileName, onMapped, onCancel }: MappingDialogProps) {
  // Undefined until the analyst picks one: the core then offers a saved mapping's own delimiter, else comma.
  const [delimiter, setDelimiter] = useState<MappingForm['delimiter'] | undefined>(undefined)
  const { sample, error } = useMappingSample(caseId, uploadId, delimiter)
  const [form, setForm] = useState<MappingForm | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)

  useEffect(() => {
    if (!sample) return
    setForm(initialForm(sample.header, sample.saved, sample.delimiter))
  }, [sample])

  const result = form ? formToMapping(form) : null
  const set = (patch: Partial<MappingForm>) => setForm((f) => (f ? { ...f, ...patch } : f))
  const setColumn = (field: (typeof MAPPABLE_FIELDS)[number], col: string) => setForm((f) => (f ? { ...f, columns: { ...f.columns, [field]: col } } : f))

  async function save() {
    if (!sample || !result?.ok) return
    setSaveError(null)
    try {
      await call('mappings.save', { caseId, signature: sample.signature, mapping: result.mapping })
      setSaved(result.mapping.name)
    } catch (e) {
      setSaveError((e as Error).message)
    }
  }

  return (
    <div className="mapping-dialog" role="dialog" aria-modal="true" aria-labelledby="mapping-title" data-testid="mapping-dialog">
      <h2 id="mapping-title">
        Map the columns of <bdi>{fileName}</bdi>
      </h2>
      {error && (
        <p role="alert" className="mapping-error">
          {error}
          {sample?.kind !== 'xlsx' ? ' — is the delimiter right?' : ''}
        </p>
      )}
      {sample?.kind !== 'xlsx' && (
        <label>
          Delimiter{' '}
          <select aria-label="Delimiter" value={delimiter ?? sample?.delimiter ?? ','} onChange={(e) => setDelimiter(e.target.value as MappingForm['delimiter'])}>
            <option value=",">comma ,</option>
            <option value=";">semicolon ;</option>
            <option value={'\t'}>tab</option>
          </select>
        </label>
      )}
      {sample?.saved && (
        <p className="mapping-offer" data-testid="mapping-offer">
          A saved mapping, “<bdi>{sample.saved.name}</bdi>”, matches this header and is filled in below. Check it before importing.
        </p>
      )}
      {sample && (
        <div className="mapping-sample">
          <table aria-label="First rows of the file">
            <thead>
              <tr>
                {sample.header.map((h, i) => (
                  <th key={i} dir="auto">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sample.rows.slice(0, SAMPLE_SHOWN).map((r, i) => (
                <tr key={i}>
                  {sample.header.map((_, j) => (
                    <td key={j} dir="auto">
                      {r[j] ?? ''}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {sample && form && (
        <form className="mapping-form" onSubmit={(e) => e.preventDefault()}>
          <label>
            Mapping name <input aria-label="Mapping name" value={form.name} maxLength={200} onChange={(e) => set({ name: e.target.value })} />
          </label>
          <fieldset>
            <legend>Columns</legend>
            {MAPPABLE_FIELDS.map((f) => (
              <label key={f} className="mapping-field">
                <span>
                  {FIELD_LABELS[f]}
                  {REQUIRED_FIELDS.includes(f) ? ' *' : ''}
                </span>
                <select aria-label={FIELD_LABELS[f]} value={form.columns[f]} onChange={(e) => setColumn(f, e.target.value)}>
                  <option value="">— not in this file —</option>
                  {sample.header.map((h, i) => (
                    <option key={i} value={h.trim()}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>How to read it</legend>
            {!form.columns.chain && (
              <label>
                Chain of every row{' '}
                <select aria-label="Chain of every row" value={form.chain} onChange={(e) => set({ chain: e.target.value })}>
                  <option value="">— choose —</option>
                  {ACCOUNT_NETWORKS.map((n) => (
                    <option key={n.id} value={n.id}>
                      {n.name} ({n.id})
                    </option>
                  ))}
                </select>
              </label>
            )}
            {!form.columns.asset && (
              <label>
                Asset of every row{' '}
                <input aria-label="Asset of every row" placeholder="native, or a token contract address" value={form.asset} maxLength={128} onChange={(e) => set({ asset: e.target.value })} />
              </label>
            )}
            <label>
              Time format{' '}
              <select aria-label="Time format" value={form.timeFormat} onChange={(e) => set({ timeFormat: e.target.value as MappingForm['timeFormat'] })}>
                <option value="datetime-utc">date and time, UTC (2022-02-12 01:44:39)</option>
                <option value="unix">Unix seconds</option>
                <option value="unix-ms">Unix milliseconds</option>
              </select>
            </label>
            <label>
              Amounts are{' '}
              <select aria-label="Amounts are" value={form.amountUnit} onChange={(e) => set({ amountUnit: e.target.value as MappingForm['amountUnit'] })}>
                <option value="whole">whole coins/tokens (1.5)</option>
                <option value="base">base units (wei, sun, token units)</option>
              </select>
            </label>
            <label>
              Token decimals <input aria-label="Token decimals" inputMode="numeric" value={form.decimals} maxLength={2} onChange={(e) => set({ decimals: e.target.value })} />
            </label>
            <label>
              <input type="checkbox" aria-label="Thousands separators" checked={form.thousands} onChange={(e) => set({ thousands: e.target.checked })} /> amounts use thousands separators (1,234.5)
            </label>
          </fieldset>
          {result && !result.ok && (
            <p className="mapping-problem" role="status" data-testid="mapping-problem">
              {result.problem}
            </p>
          )}
          {saved && (
            <p role="status" data-testid="mapping-saved">
              Saved “<bdi>{saved}</bdi>” for files with this header.
            </p>
          )}
          {saveError && (
            <p role="alert" className="mapping-error">
              {saveError}
            </p>
          )}
          <div className="mapping-actions">
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" disabled={!result?.ok} onClick={() => void save()}>
              Save mapping
            </button>
            <button type="button" disabled={!result?.ok} onClick={() => result?.ok && onMapped(result.mapping)}>
              Import with this mapping
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
