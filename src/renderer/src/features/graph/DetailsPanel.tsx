import { useState } from 'react'
import { EdgeDetails } from './EdgeDetails'
import { NodeDetails } from './NodeDetails'
import type { Workspace } from './useGraphWorkspace'

/** Right-hand panel: the selected node, flow, or several nodes (group, path); else the view summary. */
export function DetailsPanel({ caseId, ws }: { caseId: string; ws: Workspace }) {
  const sel = [...ws.highlight.selected]
  const [name, setName] = useState('')
  if (ws.highlight.selectedEdge) return <EdgeDetails caseId={caseId} ws={ws} id={ws.highlight.selectedEdge} />
  if (sel.length === 1) return <NodeDetails caseId={caseId} ws={ws} id={sel[0]} onPickEdge={(e) => ws.actions.selectEdge(e)} />
  if (sel.length > 1)
    return (
      <div className="ct-gd" data-testid="multi-details">
        <h3>{sel.length} nodes selected</h3>
        <p className="muted">Shift-click adds or removes nodes from the selection.</p>
        {sel.length === 2 && (
          <div className="ct-gd-actions">
            <button className="primary" onClick={() => void ws.actions.path(sel[0], sel[1])}>
              Highlight flow path
            </button>
            <button onClick={() => void ws.actions.path(sel[1], sel[0])}>Reverse path</button>
          </div>
        )}
        <section>
          <h4>Group into a new entity</h4>
          <div className="ct-inline">
            <input aria-label="Entity name" placeholder="Entity name" value={name} onChange={(e) => setName(e.target.value)} />
            <button disabled={!name.trim()} onClick={() => void ws.actions.group(name.trim(), sel).then(() => setName(''))}>
              Group
            </button>
          </div>
        </section>
        <div className="ct-gd-actions">
          <button onClick={() => void ws.actions.expand(sel)}>Expand all</button>
          <button onClick={() => ws.actions.hide(sel)}>Hide</button>
          <button className="danger" onClick={() => void ws.actions.remove(sel)}>
            Remove from view
          </button>
        </div>
      </div>
    )
  const d = ws.data
  return (
    <div className="ct-gd">
      <h3>View</h3>
      {d ? (
        <p className="muted">
          {d.nodes.id.length} nodes · {d.edges.source.length} flows. Click a node or flow for details; shift-click to select several; drag a node to pin it.
        </p>
      ) : (
        <p className="muted">Add an address from the left to start, or open a saved exhibit.</p>
      )}
      {ws.highlight.path && (
        <button onClick={ws.actions.clearPath} className="link">
          Clear highlighted path
        </button>
      )}
      {ws.state.hidden.length > 0 && (
        <section>
          <h4>Hidden ({ws.state.hidden.length})</h4>
          <ul className="ct-hidden">
            {ws.state.hidden.map((h) => (
              <li key={h}>
                <code>{h.length > 30 ? `${h.slice(0, 16)}…${h.slice(-6)}` : h}</code>
                <button className="link" onClick={() => ws.actions.unhide(h)}>
                  Unhide
                </button>
              </li>
            ))}
          </ul>
          <button className="link" onClick={ws.actions.unhideAll}>
            Unhide all
          </button>
        </section>
      )}
    </div>
  )
}
