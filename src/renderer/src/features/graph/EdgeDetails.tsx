import { useEffect, useMemo, useState } from 'react'
import { call } from '../../api/client'
import type { GraphEdge } from '../../../../shared/api/areas/graph'
import { findWireEdge } from '../../../../shared/graph/wire'
import { NETWORKS } from '../../../../shared/domain/networks'
import { amount, utc } from './format'
import { NoteEditor } from './NoteEditor'
import { TransfersTable } from './TransfersTable'
import type { Workspace } from './useGraphWorkspace'

/**
 * Details of one aggregated flow: exact total, count, time span, note and its transfers. The canvas data carries
 * no totals, so the exact figures are asked of the core (graph.edges) when the flow is selected.
 */
export function EdgeDetails({ caseId, ws, id }: { caseId: string; ws: Workspace; id: string }) {
  const w = ws.data
  const row = useMemo(() => (w ? findWireEdge(w, id) : -1), [w, id])
  const [got, setGot] = useState<{ id: string; edge: GraphEdge | null } | null>(null)
  useEffect(() => {
    let live = true
    if (row < 0) return
    void call('graph.edges', { caseId, state: ws.state, edges: [id] }).then(
      (r) => live && setGot({ id, edge: r[0] ?? null }),
      () => live && setGot({ id, edge: null })
    )
    return () => {
      live = false
    }
  }, [caseId, w, id, row])
  if (!w || row < 0 || (got?.id === id && !got.edge)) return <div className="ct-gd muted">That flow is no longer in the view.</div>
  const e = got?.id === id ? got.edge : null
  if (!e) return <div className="ct-gd muted" data-testid="edge-details-loading">Loading the flow…</div>
  const label = (n: string) => w.nodes.label[w.nodes.id.indexOf(n)] ?? n
  return (
    <div className="ct-gd" data-testid="edge-details">
      <div className="ct-gd-head">
        <span className="ct-gd-badge flow">→</span>
        <div>
          <h3>
            <span dir="auto">{label(e.source)}</span> → <span dir="auto">{label(e.target)}</span>
          </h3>
          <small>
            {e.symbol} on {NETWORKS.get(e.network)?.name ?? e.network}
          </small>
        </div>
      </div>
      <dl className="ct-gd-facts">
        <dt>Total (exact)</dt>
        <dd className="num strong">{amount(e.total, e.decimals, e.symbol)}</dd>
        <dt>Base units</dt>
        <dd>
          <code>{e.total}</code>
        </dd>
        <dt>Transfers</dt>
        <dd>{e.count}</dd>
        <dt>First / last</dt>
        <dd>
          {utc(e.firstTime)} / {utc(e.lastTime)}
        </dd>
      </dl>
      <section>
        <h4>Note</h4>
        <NoteEditor note={e.annotation} onSave={(t) => void ws.actions.annotate(id, t)} />
      </section>
      <TransfersTable caseId={caseId} state={ws.state} nodes={[]} edge={id} version={ws.data} title="Transfers in this flow" compact />
    </div>
  )
}
