import { useRef, useState } from 'react'
import { call } from '../../api/client'
import { categoryStyle } from '../../../../shared/graph/category-style'
import { GraphCanvas, type CanvasApi } from '../../graph/GraphCanvas'
import { useForceLayout } from '../../graph/useForceLayout'
import type { CaseTabProps } from '../case/tabs'
import { DetailsPanel } from './DetailsPanel'
import { FiltersBar } from './FiltersBar'
import { download } from './format'
import { StartPanel } from './StartPanel'
import { Timeline } from './Timeline'
import { Toolbar } from './Toolbar'
import { TransfersTable } from './TransfersTable'
import { useGraphWorkspace } from './useGraphWorkspace'
import { ViewsPanel } from './ViewsPanel'
import Graph from 'graphology'
import './graph.css'

const EMPTY = new Graph()

/** The investigation workspace: fund-flow canvas, filters and timeline, details, transfers, exhibits. */
export function GraphTab({ caseId, revision }: CaseTabProps) {
  const ws = useGraphWorkspace(caseId, revision)
  const canvas = useRef<CanvasApi>(null)
  const force = useForceLayout(ws.graph ?? EMPTY)
  const [exporting, setExporting] = useState(false)
  const [saved, setSaved] = useState(0)
  const [toast, setToast] = useState<string | null>(null)
  const inView = new Set(ws.state.nodes)
  // Legend: the categories present (the answer lists them once), plus “Unlabelled” when some node has none.
  const cats = ws.data ? [...new Map([...ws.data.categories, ...(ws.data.nodes.category.includes(null) ? [null] : [])].map((c) => [categoryStyle(c).name, categoryStyle(c)])).values()] : []
  const tlAsset = ws.state.filters.assets[0] ?? (ws.data?.assets[0] ? `${ws.data.assets[0].network}:${ws.data.assets[0].asset}` : null)

  async function exportAs(format: 'svg' | 'png' | 'gexf' | 'graphml') {
    setExporting(true)
    try {
      const r = await call('graph.export', { caseId, state: ws.actions.fullState(canvas.current?.positions()), format, title: ws.view?.name ?? 'Fund flow' })
      download(r.fileName, r.mime, r.data, r.encoding)
      setToast(`Exported ${r.fileName} · SHA-256 ${r.sha256.slice(0, 16)}… (recorded in the audit log)`)
    } catch (e) {
      setToast(e instanceof Error ? e.message : String(e))
    } finally {
      setExporting(false)
    }
  }

  return (
    <div className="ct-graph" data-testid="graph-tab">
      <Toolbar
        ws={ws}
        force={force}
        exporting={exporting}
        onFit={() => canvas.current?.fit()}
        onFind={(id) => {
          ws.actions.select(id)
          canvas.current?.flyTo(id)
        }}
        onExport={(f) => void exportAs(f)}
        onSave={(name, overwrite) => {
          force.stop()
          void ws.actions.saveView(name, canvas.current?.positions() ?? {}, overwrite).then((v) => {
            if (v) {
              setSaved((n) => n + 1)
              setToast(`Saved view “${v.name}”`)
            }
          })
        }}
      />
      {(ws.error || toast) && (
        <div className={ws.error ? 'ct-toast error' : 'ct-toast'} role={ws.error ? 'alert' : 'status'}>
          <span>{ws.error ?? toast}</span>
          <button className="icon" aria-label="Dismiss" onClick={() => (ws.actions.dismissError(), setToast(null))}>
            ✕
          </button>
        </div>
      )}
      <div className="ct-graph-body">
        <aside className="ct-graph-left">
          <ViewsPanel caseId={caseId} ws={ws} version={`${saved}:${ws.view?.id}`} />
          <StartPanel caseId={caseId} inView={inView} onAdd={(id) => ws.actions.addNodes([id])} />
        </aside>
        <div className="ct-graph-center">
          <div className="ct-graph-stage">
            {ws.graph ? (
              <GraphCanvas
                graph={ws.graph}
                highlight={ws.highlight}
                apiRef={canvas}
                onNodeClick={(n, add) => ws.actions.select(n, add)}
                onEdgeClick={(e) => ws.actions.selectEdge(e)}
                onStageClick={() => ws.actions.select(null)}
                onHover={ws.actions.hover}
                onNodeMoved={ws.actions.pin}
              />
            ) : (
              <div className="ct-graph-empty">
                <div className="ct-graph-empty-icon">⟁</div>
                <h2>Start a fund-flow graph</h2>
                <p>Pick an address from “Add to graph”, or open a saved exhibit. Expand nodes to follow the money.</p>
              </div>
            )}
            {ws.data && (
              <>
                <div className="ct-graph-stats" data-testid="graph-stats" data-canvas-overlay>
                  <strong>{ws.data.nodes.id.length}</strong> nodes · <strong>{ws.data.edges.source.length}</strong> flows
                  {ws.busy && <span className="ct-spin" aria-label="Loading" />}
                </div>
                <div className="ct-graph-legend" aria-label="Legend" data-canvas-overlay>
                  {cats.map((c) => (
                    <span key={c.name}>
                      <i style={{ background: c.color }} />
                      {c.glyph} {c.name}
                    </span>
                  ))}
                </div>
              </>
            )}
          </div>
          {ws.data && (
            <div className="ct-graph-controls">
              <FiltersBar data={ws.data} filters={ws.state.filters} onChange={ws.actions.setFilters} />
              <Timeline timeline={ws.data.timeline} filters={ws.state.filters} asset={tlAsset} assetLabel={ws.data.assets.find((a) => `${a.network}:${a.asset}` === tlAsset)?.symbol ?? ''} onChange={(since, until) => ws.actions.setFilters({ since, until })} />
            </div>
          )}
          {ws.data && (
            <TransfersTable
              caseId={caseId}
              state={ws.state}
              nodes={[...ws.highlight.selected]}
              edge={ws.highlight.selectedEdge}
              version={ws.data}
              title={ws.highlight.selected.size || ws.highlight.selectedEdge ? 'Transactions of the selection' : 'Transactions in this view'}
              onPickEdge={(e) => ws.actions.selectEdge(e)}
            />
          )}
        </div>
        <aside className="ct-graph-right">
          <DetailsPanel caseId={caseId} ws={ws} />
        </aside>
      </div>
    </div>
  )
}
