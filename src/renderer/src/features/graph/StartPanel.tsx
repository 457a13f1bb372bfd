import { useEffect, useState } from 'react'
import { call } from '../../api/client'
import { NETWORKS } from '../../../../shared/domain/networks'

/** Starting points: the case's busiest addresses, searchable; clicking adds one to the view. */
export function StartPanel({ caseId, inView, onAdd }: { caseId: string; inView: Set<string>; onAdd(id: string): void }) {
  const [q, setQ] = useState('')
  const [rows, setRows] = useState<{ id: string; label: string; network: string; transfers: number }[]>([])
  useEffect(() => {
    const t = setTimeout(() => void call('graph.seeds', { caseId, query: q, limit: 30 }).then(setRows, () => setRows([])), 150)
    return () => clearTimeout(t)
  }, [caseId, q])
  return (
    <section className="ct-gp" aria-label="Add addresses">
      <header>
        <h3>Add to graph</h3>
      </header>
      <input type="search" placeholder="Address or label in this case…" aria-label="Search case addresses" value={q} onChange={(e) => setQ(e.target.value)} />
      <ul className="ct-seeds" data-testid="seeds">
        {rows.map((r) => (
          <li key={r.id}>
            <button disabled={inView.has(r.id)} onClick={() => onAdd(r.id)} title={r.id.slice(2)}>
              <span className="ct-seed-label">{r.label}</span>
              <small>
                {NETWORKS.get(r.network)?.symbol ?? r.network} · {r.transfers} transfers
              </small>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
