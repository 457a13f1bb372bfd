import { useState } from 'react'
import type { Label } from '../../../../shared/api/areas/labels'
import { LABEL_ONLY_NETWORKS } from '../../../../shared/domain/label-networks'
import { CATEGORY_STYLES, CONFIDENCE_LEVELS, LABEL_CATEGORIES, type LabelCategory } from '../../../../shared/domain/labels'
import { NETWORKS } from '../../../../shared/domain/networks'
import { call } from '../../api/client'
import './labels.css'

/** Where a new label goes: a fixed address or entity (opened from a table row or graph node) or typed in. */
export type LabelTargetInput = { network: string; address: string } | { entityId: number }

const NETWORK_OPTIONS = [...[...NETWORKS.values()].map((n) => ({ id: n.id, name: n.name })), ...LABEL_ONLY_NETWORKS.map((n) => ({ id: n.id, name: `${n.name} (labels only)` }))]

/**
 * Add or edit an examiner's own label (both audited by the core). Reusable from any address row or graph node:
 * pass `target` to fix what is labelled, or `label` to edit one of your labels.
 */
export function LabelEditor({ caseId, target, label, onSaved, onCancel }: { caseId: string; target?: LabelTargetInput; label?: Label; onSaved(l: Label): void; onCancel?(): void }) {
  const [network, setNetwork] = useState(target && 'network' in target ? target.network : 'eth')
  const [address, setAddress] = useState(target && 'address' in target ? target.address : '')
  const [name, setName] = useState(label?.name ?? '')
  const [category, setCategory] = useState<LabelCategory>(label?.category ?? 'suspect')
  const [confidenceId, setConfidence] = useState(label?.confidenceId ?? 'forensic_investigation')
  const [note, setNote] = useState(label?.note ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function save() {
    setBusy(true)
    setError(null)
    try {
      const saved = label
        ? await call('labels.update', { caseId, labelId: label.id, name, category, confidenceId, note })
        : await call('labels.add', { caseId, target: target ?? { network, address }, name, category, confidenceId, note })
      onSaved(saved)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      className="ct-label-editor"
      aria-label={label ? 'Edit label' : 'Add label'}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      {!label && !target && (
        <>
          <label>
            Network
            <select value={network} onChange={(e) => setNetwork(e.target.value)}>
              {NETWORK_OPTIONS.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Address
            <input className="ct-addr" size={44} value={address} onChange={(e) => setAddress(e.target.value)} required />
          </label>
        </>
      )}
      <label>
        Label
        <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={500} />
      </label>
      <label>
        Category
        <select value={category} onChange={(e) => setCategory(e.target.value as LabelCategory)}>
          {LABEL_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_STYLES[c].icon} {CATEGORY_STYLES[c].title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Confidence
        <select value={confidenceId} onChange={(e) => setConfidence(e.target.value)}>
          {Object.entries(CONFIDENCE_LEVELS).map(([id, level]) => (
            <option key={id} value={id}>
              {id} ({level})
            </option>
          ))}
        </select>
      </label>
      <label>
        Note
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={10000} />
      </label>
      <button type="submit" disabled={busy}>
        {label ? 'Save label' : 'Add label'}
      </button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
      {error && (
        <p role="alert" className="ct-error">
          {error}
        </p>
      )}
    </form>
  )
}
