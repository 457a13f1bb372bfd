import type Graph from 'graphology'
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react'
import Sigma from 'sigma'
import { EdgeArrowProgram, EdgeLineProgram, NodePointProgram } from 'sigma/rendering'
import { labelLayer } from './label-layer'
import { makeReducers, type Highlight } from './reducers'
import { edgeIdOf, fromSigma, LINE_EDGES, nodeIdOf, nodeKeyOf, type EdgeView, type NodeView } from './to-graphology'
import { publishFrame } from './test-hook'

const FIT_RATIO = 1.25
// Labels are drawn right of their node, so the fitted view is nudged right to keep the last column's names in.
const FIT_X = 0.64
// Hover highlighting re-runs the reducers over every node and edge; on big graphs only a click highlights.
const HOVER_MAX = 5000
const FONT = { family: 'Inter, "Segoe UI", system-ui, sans-serif', size: 12, weight: '600', color: '#1e293b' }

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
    const order = p.graph.order
    const size = p.graph.size
    // Past ~20k flows, 1-px GL lines instead of arrow quads: software WebGL draws them several times faster, and
    // at that density arrowheads are unreadable anyway (direction shows in the flow layout and the panels).
    const lines = size > LINE_EDGES
    // HTML overlays drawn over the canvas (legend, counters) are kept free of labels.
    const labels = labelLayer(FONT, () => {
      const host = box.current
      if (!host?.parentElement) return []
      const o = host.getBoundingClientRect()
      return [...host.parentElement.querySelectorAll('[data-canvas-overlay]')].map((el) => {
        const r = el.getBoundingClientRect()
        return { x: r.x - o.x - 4, y: r.y - o.y - 4, w: r.width + 8, h: r.height + 8 }
      })
    })
    const r = makeReducers(p.graph, () => hl.current)
    // Everything goes into the constructor: each later setSetting re-indexes every node and edge again.
    const s = new Sigma<NodeView, EdgeView>(p.graph, box.current!, {
      ...(labels.settings as object),
      nodeReducer: r.node,
      edgeReducer: r.edge,
      defaultEdgeType: lines ? 'line' : 'arrow',
      // Discs are GL points (one antialiased point sprite per node): sigma's default circle program was what
      // software WebGL spent most of each frame on (50k nodes: ~2.6 s per pan frame, points ~80 ms).
      nodeProgramClasses: { circle: NodePointProgram as never },
      edgeProgramClasses: lines ? { line: EdgeLineProgram as never } : { arrow: EdgeArrowProgram as never },
      renderEdgeLabels: false,
      // Edge picking costs a second render pass each frame; past a few thousand edges, flows are picked from
      // the tables instead, and big graphs drop edges and labels while the camera moves (Gephi does the same).
      enableEdgeEvents: size <= 5000,
      labelFont: FONT.family,
      labelSize: FONT.size,
      labelWeight: FONT.weight,
      labelColor: { color: FONT.color },
      // Candidates for labels come from sigma's grid; the label layer then drops any that would collide.
      labelDensity: order <= 300 ? 4 : 1,
      labelGridCellSize: order <= 300 ? 60 : 100,
      labelRenderedSizeThreshold: order <= 300 ? 0 : 6,
      // z-order only matters when something is highlighted; small graphs only (sorting 200k edges per refresh).
      zIndex: order <= 5000,
      // Room for the labels of the outermost nodes (sigma fits node centres, not their labels).
      stagePadding: 40,
      minCameraRatio: 0.02,
      maxCameraRatio: 20,
      hideEdgesOnMove: size > 8000,
      hideLabelsOnMove: order > 5000
    })
    labels.attach(s as unknown as Sigma)
    // Workaround for https://github.com/jacomyal/sigma.js/issues/1290: with hideEdgesOnMove, sigma's mouse captor
    // calls refresh() after every pan to redraw the hidden edges, re-indexing the whole graph (seconds at 200k
    // edges). Nothing changed but the camera, so a render is enough; refresh with options works as before.
    const refresh = s.refresh.bind(s)
    s.refresh = ((opts?: Parameters<typeof refresh>[0]) => (opts ? refresh(opts) : (s.scheduleRender(), s))) as typeof s.refresh
    sigma.current = s
    // Zoom out a little from sigma's fit so the outermost nodes' labels stay on screen.
    s.getCamera().setState({ x: FIT_X, ratio: FIT_RATIO })
    let dragged: string | null = null
    let moved = false
    s.on('afterRender', () => publishFrame(s as unknown as Sigma))
    s.on('clickNode', (e) => {
      if (!moved) cb.current.onNodeClick(nodeIdOf(p.graph, e.node), (e.event.original as MouseEvent).shiftKey)
    })
    s.on('clickEdge', (e) => cb.current.onEdgeClick(edgeIdOf(p.graph, e.edge)))
    s.on('clickStage', () => cb.current.onStageClick())
    if (order <= HOVER_MAX) {
      s.on('enterNode', (e) => cb.current.onHover(nodeIdOf(p.graph, e.node)))
      s.on('leaveNode', () => cb.current.onHover(null))
    }
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
        cb.current.onNodeMoved(a.id, fromSigma(a))
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

  // Highlight changes re-run the reducers; not on mount, where the constructor has just drawn this highlight.
  const drawn = useRef(p.highlight)
  useEffect(() => {
    if (drawn.current === p.highlight) return
    drawn.current = p.highlight
    sigma.current?.refresh({ skipIndexation: true })
  }, [p.highlight])

  useImperativeHandle(p.apiRef, () => ({
    fit: () => void sigma.current?.getCamera().animate({ x: FIT_X, y: 0.5, angle: 0, ratio: FIT_RATIO }, { duration: 300 }),
    flyTo(node) {
      const s = sigma.current
      const key = s ? nodeKeyOf(s.getGraph(), node) : undefined
      const d = key !== undefined ? s?.getNodeDisplayData(key) : undefined
      if (s && d) void s.getCamera().animate({ x: d.x, y: d.y, ratio: 0.6 }, { duration: 400 })
    },
    positions() {
      const out: Record<string, { x: number; y: number }> = {}
      sigma.current?.getGraph().forEachNode((_k, a) => (out[a.id] = fromSigma(a)))
      return out
    },
    refresh: () => sigma.current?.refresh({})
  }))

  return <div className="ct-graph-canvas" ref={box} data-testid="graph-canvas" />
}
