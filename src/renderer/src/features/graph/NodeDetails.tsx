import { useEffect, useState } from 'react'
import { call } from '../../api/client'
import type { MethodOutput } from '../../../../shared/api/contract'
import { categoryStyle } from '../../../../shared/graph/category-style'
import { NETWORKS } from '../../../../shared/domain/networks'
import { ExchangeLinks } from '../data/ExchangeLinks'
import { amount, utc } from './format'
import { NoteEditor } from './NoteEditor'
import { TransfersTable } from './TransfersTable'
import type { Workspace } from './useGraphWorkspace'

/** Details and actions for one selected node. */
export function NodeDetails({ caseId, ws, id, onPickEdge }: { caseId: string; ws: Workspace; id: string; onPickEdge(e: string): void }) {
  const [d, setD] = useState<MethodOutput<'graph.node'> | null>(null)
  const [limit, setLimit] = useState(25)
  useEffect(() => {
    let live = true
    void call('graph.node', { caseId, state: ws.state, node: id }).then((r) => live && setD(r), () => live && setD(null))
    return () => {
      live = false
    }
  }, [caseId, id, ws.data])
  if (!d) return <div className="ct-gd muted">Loading…</div>
  const n = d.node
  const st = categoryStyle(n.category)
  const remaining = ws.more[id]
  return (
    <div className="ct-gd" data-testid="node-details">
      <div className="ct-gd-head">
        <span className="ct-gd-badge" style={{ background: st.color }}>
          {st.glyph}
        </span>
        <div>
          <h3 dir="auto">{n.label}</h3>
          <small>
            {st.name}
            {n.network ? ` · ${NETWORKS.get(n.network)?.name ?? n.network}` : ''}
            {n.kind === 'entity' ? ` · ${d.members.length} addresses` : ''}
          </small>
        </div>
      </div>
      {n.ref && <code className="ct-gd-ref">{n.ref}</code>}
      <div className="ct-gd-actions">
        <div className="ct-split">
          <button className="primary" onClick={() => void ws.actions.expand([id], limit)} data-testid="expand-node">
            Expand
          </button>
          <select aria-label="Expand limit" value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
            {[10, 25, 100, 500].map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        {remaining > 0 && (
          <button onClick={() => void ws.actions.expand([id], limit)} data-testid="show-more">
            Show {Math.min(limit, remaining)} more ({remaining} left)
          </button>
        )}
        {n.kind === 'entity' && n.entity && <button onClick={() => ws.actions.uncollapse(n.entity!.id)}>Expand entity</button>}
        {n.kind === 'address' && n.entity && (
          <button onClick={() => ws.actions.collapse(n.entity!.id)} data-testid="collapse-entity">
            Collapse into “{n.entity.name}”
          </button>
        )}
        <button onClick={() => ws.actions.hide([id])}>Hide</button>
        <button className="danger" onClick={() => void ws.actions.remove([id])}>
          Remove from view
        </button>
      </div>
      {n.labels.length > 0 && (
        <section>
          <h4>Labels</h4>
          <ul className="ct-gd-labels">
            {n.labels.map((l, i) => (
              <li key={i}>
                <span className="ct-dot" style={{ background: categoryStyle(l.category).color }} />
                <span dir="auto">{l.name}</span>
                <small>
                  {l.category} · {l.source}
                  {l.confidence != null ? ` · ${l.confidence}%` : ''}
                </small>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h4>Balances in this case</h4>
        {d.balances.map((b) => (
          <div key={b.network + b.asset} className="ct-bal">
            <div className="ct-bal-asset">{b.symbol}</div>
            <div className="ct-bal-row">
              <span>Received ({b.inCount})</span>
              <span>{amount(b.in, b.decimals, '')}</span>
            </div>
            <div className="ct-bal-row">
              <span>Sent ({b.outCount})</span>
              <span>{amount(b.out, b.decimals, '')}</span>
            </div>
            <div className="ct-bal-row">
              <span>Net</span>
              <span>{amount(b.balance, b.decimals, '')}</span>
            </div>
          </div>
        ))}
        <small className="muted">
          Active {utc(n.firstTime)} → {utc(n.lastTime)} in this view
        </small>
      </section>
      {n.ref && n.kind !== 'entity' && <ExchangeLinks caseId={caseId} address={n.kind === 'address' ? n.ref : undefined} txid={n.kind === 'tx' ? n.ref : undefined} version={ws.data} />}
      <section>
        <h4>Note</h4>
        <NoteEditor note={n.annotation} onSave={(t) => void ws.actions.annotate(id, t)} />
      </section>
      <TransfersTable caseId={caseId} state={ws.state} nodes={[id]} edge={null} version={ws.data} title="Transfers" compact onPickEdge={onPickEdge} />
    </div>
  )
}
