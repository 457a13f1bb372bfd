import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { call } from '../../api/client'
import type { GraphFilters, GraphState, GraphWire } from '../../../../shared/api/areas/graph'
import { parseNodeId } from '../../../../shared/graph/ids'
import type { Highlight } from '../../graph/reducers'
import { applyFlowLayout, toGraphology } from '../../graph/to-graphology'
import { publishDataArrived, publishState } from '../../graph/test-hook'

/** Empty workspace state (same defaults as the contract's schema). */
export const EMPTY_STATE: GraphState = {
  nodes: [],
  hidden: [],
  collapsed: [],
  positions: {},
  filters: { since: null, until: null, minAmount: null, assets: [], networks: [] },
  btcMode: 'address',
  layout: 'flow'
}

/**
 * The investigation state of the Graph tab and every action on it. The contract is the only source of figures;
 * this hook keeps the view's state (which nodes, filters, positions), asks the core to build it, and derives
 * the drawing graph from the answer.
 */
export function useGraphWorkspace(caseId: string, revision: number) {
  const [state, setStateRaw] = useState<GraphState>(EMPTY_STATE)
  const [data, setData] = useState<GraphWire | null>(null)
  const [view, setView] = useState<{ id: number; name: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [highlight, setHighlight] = useState<Highlight>({ hovered: null, selected: new Set(), selectedEdge: null, path: null })
  const [more, setMore] = useState<Record<string, number>>({})
  const [dirty, setDirty] = useState(false)
  // Dragged positions live here so pinning a node never triggers a rebuild.
  const positions = useRef<Record<string, { x: number; y: number }>>({})
  const prevGraph = useRef<ReturnType<typeof toGraphology> | undefined>(undefined)

  const setState = useCallback((f: (s: GraphState) => GraphState) => {
    setStateRaw((s) => f(s))
    setDirty(true)
  }, [])
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e))

  useEffect(() => {
    publishState({ ...state, view })
    if (!state.nodes.length) {
      setData(null)
      return
    }
    let live = true
    setBusy(true)
    call('graph.build', { caseId, state: { ...state, positions: positions.current } })
      .then((d) => live && (publishDataArrived(), setData(d), setError(null)))
      .catch((e) => live && fail(e))
      .finally(() => live && setBusy(false))
    return () => {
      live = false
    }
  }, [caseId, revision, state.nodes, state.hidden, state.collapsed, state.filters, state.btcMode, view])

  const layoutRef = useRef(state.layout)
  layoutRef.current = state.layout
  // The drawing graph changes only with the data; switching layout moves nodes on the same graph, so a running
  // ForceAtlas2 worker keeps its graph.
  const graph = useMemo(() => {
    if (!data) return null
    // In the flow layout every unpinned node takes the core's flow position; otherwise nodes keep where they were.
    const g = toGraphology(data, prevGraph.current, layoutRef.current === 'flow')
    prevGraph.current = g
    return g
  }, [data])

  const select = useCallback((node: string | null, additive = false) => {
    setHighlight((h) => {
      const selected = new Set(additive ? h.selected : [])
      if (node) {
        if (additive && selected.has(node)) selected.delete(node)
        else selected.add(node)
      }
      return { ...h, selected, selectedEdge: null, path: null }
    })
  }, [])

  const actions = {
    addNodes: (ids: string[]) => setState((s) => ({ ...s, nodes: [...new Set([...s.nodes, ...ids])] })),
    async expand(nodes: string[], limit = 25) {
      try {
        const r = await call('graph.expand', { caseId, state, nodes, limit })
        setMore((m) => ({ ...m, [nodes.join(',')]: r.remaining }))
        actions.addNodes(r.added.map((a) => a.id))
        return r
      } catch (e) {
        fail(e)
        return null
      }
    },
    hide: (ids: string[]) => setState((s) => ({ ...s, hidden: [...new Set([...s.hidden, ...ids])] })),
    unhide: (id: string) => setState((s) => ({ ...s, hidden: s.hidden.filter((h) => h !== id) })),
    unhideAll: () => setState((s) => ({ ...s, hidden: [] })),
    async remove(ids: string[]) {
      // Deleting a collapsed entity node removes its members from the view (the entity itself stays in the case).
      const gone = new Set(ids)
      for (const id of ids.filter((i) => i.startsWith('e:'))) {
        const d = await call('graph.node', { caseId, state, node: id }).catch(() => null)
        for (const m of d?.members ?? []) gone.add(`a:${m.network}:${m.address}`)
      }
      setState((s) => ({ ...s, nodes: s.nodes.filter((n) => !gone.has(n)), hidden: s.hidden.filter((h) => !gone.has(h)) }))
      select(null)
    },
    collapse: (entityId: number) => setState((s) => ({ ...s, collapsed: [...new Set([...s.collapsed, entityId])] })),
    uncollapse: (entityId: number) => setState((s) => ({ ...s, collapsed: s.collapsed.filter((c) => c !== entityId) })),
    setFilters: (f: Partial<GraphFilters>) => setState((s) => ({ ...s, filters: { ...s.filters, ...f } })),
    setBtcMode: (m: GraphState['btcMode']) => setState((s) => ({ ...s, btcMode: m })),
    setLayout(l: GraphState['layout']) {
      if (l === 'flow' && graph && data) {
        // Back to the exhibit layout: unpin everything and lay out left to right again.
        positions.current = {}
        graph.forEachNode((id) => graph.setNodeAttribute(id, 'fixed', false))
        applyFlowLayout(graph, data)
      }
      setState((s) => ({ ...s, layout: l, positions: l === 'flow' ? {} : s.positions }))
    },
    pin(node: string, pos: { x: number; y: number }) {
      positions.current = { ...positions.current, [node]: pos }
      setStateRaw((s) => ({ ...s, layout: s.layout === 'flow' ? 'saved' : s.layout }))
      setDirty(true)
    },
    async group(name: string, nodes: string[]) {
      const members = nodes.map((n) => parseNodeId(n)).flatMap((p) => (p?.kind === 'address' ? [{ network: p.network, address: p.address }] : []))
      if (!members.length) return
      try {
        const e = await call('graph.group', { caseId, name, members })
        actions.collapse(e.id)
        select(`e:${e.id}`)
      } catch (err) {
        fail(err)
      }
    },
    async annotate(target: string, note: string) {
      try {
        await call('graph.annotate', { caseId, target, note })
        setStateRaw((s) => ({ ...s }))
        setView((v) => (v ? { ...v } : v))
      } catch (e) {
        fail(e)
      }
    },
    async path(from: string, to: string) {
      try {
        const r = await call('graph.path', { caseId, state, from, to })
        if (!r.nodes.length) setError('No flow path between those two nodes in this view.')
        setHighlight((h) => ({ ...h, path: r.nodes.length ? { nodes: new Set(r.nodes), edges: new Set(r.edges) } : null }))
      } catch (e) {
        fail(e)
      }
    },
    clearPath: () => setHighlight((h) => ({ ...h, path: null })),
    select,
    selectEdge: (edge: string | null) => setHighlight((h) => ({ ...h, selected: new Set(), selectedEdge: edge, path: null })),
    hover: (node: string | null) => setHighlight((h) => (h.hovered === node ? h : { ...h, hovered: node })),
    fullState: (live?: Record<string, { x: number; y: number }>): GraphState => ({ ...state, positions: state.layout === 'flow' ? {} : { ...(live ?? {}), ...positions.current } }),
    async saveView(name: string, live: Record<string, { x: number; y: number }>, overwrite: boolean) {
      try {
        const v = await call('views.save', { caseId, name, state: actions.fullState(live), viewId: overwrite && view ? view.id : undefined })
        setView({ id: v.id, name: v.name })
        setDirty(false)
        return v
      } catch (e) {
        fail(e)
        return null
      }
    },
    async openView(id: number) {
      try {
        const v = await call('views.open', { caseId, viewId: id })
        positions.current = { ...v.state.positions }
        prevGraph.current = undefined
        setStateRaw(v.state)
        setView({ id: v.id, name: v.name })
        setDirty(false)
        select(null)
      } catch (e) {
        fail(e)
      }
    },
    newView() {
      positions.current = {}
      prevGraph.current = undefined
      setStateRaw(EMPTY_STATE)
      setView(null)
      setDirty(false)
    },
    dismissError: () => setError(null)
  }

  return { state, data, graph, view, error, busy, highlight, more, dirty, actions }
}

/** The workspace hook's result. */
export type Workspace = ReturnType<typeof useGraphWorkspace>
