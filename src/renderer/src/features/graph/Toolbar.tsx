import { useState } from 'react'
import type { GraphNode, GraphWire } from '../../../../shared/api/areas/graph'
import { wireNode } from '../../../../shared/graph/wire'
import type { Workspace } from './useGraphWorkspace'

interface Props {
  ws: Workspace
  force: { running: boolean; start(): void; stop(): void }
  onFit(): void
  onFind(node: string): void
  onExport(format: 'svg' | 'png' | 'gexf' | 'graphml'): void
  onSave(name: string, overwrite: boolean): void
  exporting: boolean
}

/** First 8 nodes whose label, address/txid or any label name contains the text (columns scanned, 8 decoded). */
function matches(data: GraphWire | null, q: string): GraphNode[] {
  const t = q.trim().toLowerCase()
  if (!data || !t) return []
  const out: GraphNode[] = []
  const N = data.nodes
  for (let i = 0; i < N.id.length && out.length < 8; i++) {
    const id = N.id[i]
    // The id holds the address or txid after its `a:net:` / `t:net:` prefix.
    const ref = id.startsWith('e:') ? '' : id.slice(id.indexOf(':', 2) + 1)
    if (N.label[i].toLowerCase().includes(t) || ref.toLowerCase().includes(t) || (N.labels[i] ?? []).some((l) => l.name.toLowerCase().includes(t))) out.push(wireNode(data, i))
  }
  return out
}

/** Top bar: view name, search, layout, Bitcoin mode, fit, save and export. */
export function Toolbar({ ws, force, onFit, onFind, onExport, onSave, exporting }: Props) {
  const [q, setQ] = useState('')
  const [name, setName] = useState('')
  const hits = matches(ws.data, q)
  const s = ws.state
  return (
    <div className="ct-gt" role="toolbar" aria-label="Graph tools">
      <div className="ct-gt-title">
        <span className="ct-gt-kicker">
          {ws.view ? 'Exhibit' : 'Unsaved view'} {ws.dirty && <span className="ct-gt-dirty" title="Changes not saved">● edited</span>}
        </span>
        <strong data-testid="graph-view-name">{ws.view?.name ?? 'New investigation'}</strong>
      </div>
      <div className="ct-gt-search">
        <input
          type="search"
          placeholder="Find address or label…"
          aria-label="Find address or label"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && hits[0]) {
              onFind(hits[0].id)
              setQ('')
            }
          }}
        />
        {hits.length > 0 && (
          <ul className="ct-gt-hits" role="listbox">
            {hits.map((n) => (
              <li key={n.id}>
                <button
                  onClick={() => {
                    onFind(n.id)
                    setQ('')
                  }}
                >
                  <span>{n.label}</span>
                  <code>{n.ref ?? n.id}</code>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="ct-gt-group" aria-label="Layout">
        <button aria-pressed={s.layout === 'flow'} onClick={() => (force.stop(), ws.actions.setLayout('flow'))} title="Left-to-right by time: sources left, hops in columns">
          ⇢ Flow
        </button>
        <button
          aria-pressed={force.running}
          onClick={() => {
            if (force.running) force.stop()
            else {
              ws.actions.setLayout('force')
              force.start()
            }
          }}
          title="ForceAtlas2 (runs in a worker; click again to stop)"
        >
          {force.running ? '■ Stop force' : '✶ Force'}
        </button>
        <button onClick={onFit} title="Zoom to fit">
          ⤢ Fit
        </button>
      </div>
      <div className="ct-gt-group" aria-label="Bitcoin">
        <button aria-pressed={s.btcMode === 'address'} onClick={() => ws.actions.setBtcMode('address')} title="Bitcoin as address → address flows">
          Addr→Addr
        </button>
        <button aria-pressed={s.btcMode === 'tx'} onClick={() => ws.actions.setBtcMode('tx')} title="Bitcoin transactions as nodes">
          Tx nodes
        </button>
      </div>
      <div className="ct-gt-group ct-gt-save">
        <input aria-label="View name" placeholder="Exhibit name" value={name} onChange={(e) => setName(e.target.value)} />
        <button className="primary" disabled={!name.trim() || !s.nodes.length} onClick={() => onSave(name.trim(), false)}>
          Save view
        </button>
        {ws.view && (
          <button disabled={!ws.dirty} onClick={() => onSave(ws.view!.name, true)} title="Overwrite the open view">
            Update
          </button>
        )}
      </div>
      <div className="ct-gt-group">
        <select
          aria-label="Export"
          className="ct-gt-export"
          value=""
          disabled={!s.nodes.length || exporting}
          title="Exports are made by the core (not screenshots) and recorded in the audit log"
          onChange={(e) => e.target.value && onExport(e.target.value as 'svg' | 'png' | 'gexf' | 'graphml')}
        >
          <option value="">{exporting ? 'Exporting…' : 'Export…'}</option>
          <option value="svg">SVG exhibit</option>
          <option value="png">PNG (print)</option>
          <option value="gexf">GEXF (Gephi)</option>
          <option value="graphml">GraphML</option>
        </select>
      </div>
    </div>
  )
}
