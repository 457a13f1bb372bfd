import type Graph from 'graphology'
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react'
import Sigma from 'sigma'
import { EdgeArrowProgram } from 'sigma/rendering'
import { makeReducers, type Highlight } from './reducers'
import { fromSigma, type EdgeView, type NodeView } from './to-graphology'
import { publishFrame } from './test-hook'

const FIT_RATIO = 1.4
// Labels are drawn right of their node, so the fitted view is nudged right to keep the last column's names in.
const FIT_X = 0.6

/** What the workspace can ask of the canvas. */
export interface CanvasApi {
  fit(): void
  flyTo(node: string): void
  /** Current positions of every node (y-down, for saving). */
  positions(): Record<string, { x: number; y: number }>
  refresh(): void
}

interface Props {
  graph: Graph<NodeView, EdgeView>
  highlight: Highlight
  apiRef: Ref<CanvasApi>
  onNodeClick(node: string, additive: boolean): void
  onEdgeClick(edge: string): void
  onStageClick(): void
  onHover(node: string | null): void
  onNodeMoved(node: string, pos: { x: number; y: number }): void
}

/**
 * The sigma host: owns one Sigma instance, feeds it the drawing graph and the highlight reducers, and turns
 * pointer events into callbacks. It keeps no investigation state of its own.
 */
export function GraphCanvas(p: Props) {
  const box = useRef<HTMLDivElement>(null)
  const sigma = useRef<Sigma<NodeView, EdgeView> | null>(null)
  const hl = useRef(p.highlight)
  const cb = useRef(p)
  cb.current = p
  hl.current = p.highlight

  useEffect(() => {
    const s = new Sigma<NodeView, EdgeView>(p.graph, box.current!, {
      defaultEdgeType: 'arrow',
      edgeProgramClasses: { arrow: EdgeArrowProgram as never },
      renderEdgeLabels: false,
      // Edge picking costs a second render pass each frame; past a few thousand edges, flows are picked from
      // the tables instead, and big graphs drop edges and labels while the camera moves (Gephi does the same).
      enableEdgeEvents: p.graph.size <= 5000,
      labelFont: 'Inter, "Segoe UI", system-ui, sans-serif',
      labelSize: 12,
      labelWeight: '600',
      labelColor: { color: '#1e293b' },
      // Small investigation graphs label every node; big ones let sigma's label grid thin them out.
      labelDensity: p.graph.order <= 300 ? 3 : 0.6,
      labelGridCellSize: p.graph.order <= 300 ? 60 : 120,
      labelRenderedSizeThreshold: p.graph.order <= 300 ? 0 : 7,
      zIndex: true,
      // Room for the labels of the outermost nodes (sigma fits node centres, not their labels).
      stagePadding: 40,
      minCameraRatio: 0.02,
      maxCameraRatio: 20,
      hideEdgesOnMove: p.graph.size > 8000,
      hideLabelsOnMove: p.graph.order > 5000
    })
    sigma.current = s
    // Zoom out a little from sigma's fit so the outermost nodes' labels stay on screen.
    s.getCamera().setState({ x: FIT_X, ratio: FIT_RATIO })
    const r = makeReducers(p.graph, () => hl.current)
    s.setSetting('nodeReducer', r.node)
    s.setSetting('edgeReducer', r.edge)
    let dragged: string | null = null
    let moved = false
    s.on('afterRender', () => publishFrame(s as unknown as Sigma))
    s.on('clickNode', (e) => {
      if (!moved) cb.current.onNodeClick(e.node, (e.event.original as MouseEvent).shiftKey)
    })
    s.on('clickEdge', (e) => cb.current.onEdgeClick(e.edge))
    s.on('clickStage', () => cb.current.onStageClick())
    s.on('enterNode', (e) => cb.current.onHover(e.node))
    s.on('leaveNode', () => cb.current.onHover(null))
    s.on('downNode', (e) => {
      dragged = e.node
      moved = false
    })
    const mc = s.getMouseCaptor()
    mc.on('mousemovebody', (e) => {
      if (!dragged) return
      moved = true
      const pos = s.viewportToGraph(e)
      s.getGraph().mergeNodeAttributes(dragged, { x: pos.x, y: pos.y, fixed: true })
      e.preventSigmaDefault()
      e.original.preventDefault()
      e.original.stopPropagation()
    })
    mc.on('mouseup', () => {
      if (dragged && moved) {
        const a = s.getGraph().getNodeAttributes(dragged)
        cb.current.onNodeMoved(dragged, fromSigma(a))
      }
      dragged = null
      setTimeout(() => (moved = false), 0)
    })
    return () => {
      s.kill()
      sigma.current = null
    }
    // A new drawing graph gets a new Sigma (reducers close over it); highlight changes only refresh.
  }, [p.graph])

  useEffect(() => {
    sigma.current?.refresh({ skipIndexation: true })
  }, [p.highlight])

  useImperativeHandle(p.apiRef, () => ({
    fit: () => void sigma.current?.getCamera().animate({ x: FIT_X, y: 0.5, angle: 0, ratio: FIT_RATIO }, { duration: 300 }),
    flyTo(node) {
      const s = sigma.current
      const d = s?.getNodeDisplayData(node)
      if (s && d) void s.getCamera().animate({ x: d.x, y: d.y, ratio: 0.6 }, { duration: 400 })
    },
    positions() {
      const out: Record<string, { x: number; y: number }> = {}
      sigma.current?.getGraph().forEachNode((id, a) => (out[id] = fromSigma(a)))
      return out
    },
    refresh: () => sigma.current?.refresh()
  }))

  return <div className="ct-graph-canvas" ref={box} data-testid="graph-canvas" />
}
