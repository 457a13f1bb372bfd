import { useState } from 'react'
import type { Label } from '../../../../shared/api/areas/labels'
import { LABEL_ONLY_NETWORKS } from '../../../../shared/domain/label-networks'
import { CATEGORY_STYLES, LABEL_CATEGORIES, type LabelCategory } from '../../../../shared/domain/labels'
import { NETWORKS } from '../../../../shared/domain/networks'
import { call } from '../../api/client'
import type { CaseTabProps } from '../case/tabs'
import { ImportPanel } from './ImportPanel'
import { CategoryChip, CategoryLegend, LabelBadge } from './LabelBadge'
import { LabelEditor } from './LabelEditor'
import { SafeText } from '../../components/SafeText'
import { ScreenPanel } from './ScreenPanel'
import { useLabels, type LabelFilters } from './useLabels'
import './labels.css'

function Target({ l }: { l: Label }) {
  const t = l.target
  if (t.kind === 'entity') return <span>entity #{t.entityId} <SafeText text={t.entityName} /></span>
  if (t.kind === 'tx') return <span className="ct-addr">{t.network} tx {t.txHash}</span>
  return (
    <span className="ct-addr">
      {t.network}:{t.display}
      {t.marker && <span className="ct-marker">⚠ {t.marker}</span>}
    </span>
  )
}

function Source({ l }: { l: Label }) {
  if (l.sourceKind === 'examiner')
    return (
      <span className="ct-source">
        examiner <SafeText text={l.author} />
      </span>
    )
  return (
    <span className="ct-source">
      <SafeText text={l.listTitle} />
      <small>
        <SafeText text={l.evidence!.file} /> {l.evidence!.locator} · sha256 {l.evidence!.sha256.slice(0, 16)}…
      </small>
      {l.alsoIn.map((a) => (
        <small key={a.sha256 + a.locator}>
          also in <SafeText text={a.file} /> {a.locator}
        </small>
      ))}
      {l.source && (
        <small>
          <SafeText text={l.source} />
        </small>
      )}
    </span>
  )
}

/** The Labels view: search and filter all labels (every source side by side), edit own labels, import tag sets. */
export function LabelsTab({ caseId, revision, onChanged }: CaseTabProps) {
  const [f, setF] = useState<LabelFilters>({ search: '', category: '', source: '', network: 'eth', address: '' })
  const [editing, setEditing] = useState<Label | 'new' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { labels, total, sources, error: loadError } = useLabels(caseId, f, revision)
  const set = (patch: Partial<LabelFilters>) => setF((x) => ({ ...x, ...patch }))
  async function remove(l: Label) {
    try {
      await call('labels.remove', { caseId, labelId: l.id })
      onChanged()
    } catch (e) {
      setError((e as Error).message)
    }
  }
  return (
    <section className="ct-labels-tab" aria-label="Labels">
      <h2>Labels</h2>
      <div className="ct-labels-filters">
        <label>
          Search
          <input type="search" value={f.search} onChange={(e) => set({ search: e.target.value })} placeholder="name, address, note, SDN name" />
        </label>
        <label>
          Category
          <select aria-label="Category filter" value={f.category} onChange={(e) => set({ category: e.target.value as LabelCategory | '' })}>
            <option value="">All categories</option>
            {LABEL_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_STYLES[c].icon} {CATEGORY_STYLES[c].title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select aria-label="Source filter" value={f.source} onChange={(e) => set({ source: e.target.value })}>
            <option value="">All sources</option>
            {sources.map((s) => (
              <option key={s.source} value={s.source}>
                {s.source === 'examiner' ? 'My labels (examiner)' : s.source} ({s.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Address network
          <select aria-label="Address network" value={f.network} onChange={(e) => set({ network: e.target.value })}>
            {[...NETWORKS.keys(), ...LABEL_ONLY_NETWORKS.map((n) => n.id)].map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          Address (all labels on it)
          <input className="ct-addr" size={44} aria-label="Address filter" value={f.address} onChange={(e) => set({ address: e.target.value.trim() })} />
        </label>
        <button type="button" onClick={() => setEditing('new')}>
          Add label…
        </button>
      </div>
      {editing && (
        <LabelEditor
          caseId={caseId}
          label={editing === 'new' ? undefined : editing}
          onSaved={() => {
            setEditing(null)
            onChanged()
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {(error || loadError) && (
        <p role="alert" className="ct-error">
          {error ?? loadError}
        </p>
      )}
      <p>
        {labels.length} of {total} labels
      </p>
      <table className="ct-labels-table" data-testid="labels-table">
        <thead>
          <tr>
            <th>Category</th>
            <th>Label</th>
            <th>Address / target</th>
            <th>Source</th>
            <th>Confidence</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {labels.map((l) => (
            <tr key={l.id} data-label-id={l.id}>
              <td>
                <CategoryChip category={l.category} />
                {l.concept && <small className="ct-marker-none"> {l.concept}</small>}
              </td>
              <td>
                <LabelBadge name={l.name} category={l.category} />
                {l.sdnName && (
                  <small>
                    {' '}
                    SDN entry <SafeText text={l.sdnName} />, program {l.sdnProgram}
                  </small>
                )}
                {l.note && (
                  <small>
                    {' '}
                    — <SafeText text={l.note} />
                  </small>
                )}
              </td>
              <td>
                <Target l={l} />
              </td>
              <td>
                <Source l={l} />
              </td>
              <td>
                {l.confidence} {l.confidenceId}
              </td>
              <td>
                {l.sourceKind === 'examiner' ? (
                  <>
                    <button type="button" onClick={() => setEditing(l)}>
                      Edit
                    </button>
                    <button type="button" onClick={() => void remove(l)}>
                      Delete
                    </button>
                  </>
                ) : (
                  <span title="imported labels are read-only facts of their evidence file">read-only</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ImportPanel caseId={caseId} onChanged={onChanged} />
      <ScreenPanel caseId={caseId} />
      <details>
        <summary>Legend</summary>
        <CategoryLegend />
      </details>
    </section>
  )
}
