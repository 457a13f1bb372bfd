import type Graph from 'graphology'
import { inferSettings } from 'graphology-layout-forceatlas2'
import FA2Layout from 'graphology-layout-forceatlas2/worker'
import { useCallback, useEffect, useRef, useState } from 'react'

/** ForceAtlas2 in a web worker (CSP worker-src blob:), stoppable; pinned nodes (`fixed`) stay put. */
export function useForceLayout(graph: Graph): { running: boolean; start(): void; stop(): void } {
  const layout = useRef<FA2Layout | null>(null)
  const [running, setRunning] = useState(false)
  useEffect(() => {
    return () => {
      layout.current?.kill()
      layout.current = null
      setRunning(false)
    }
  }, [graph])
  const start = useCallback(() => {
    if (!layout.current) layout.current = new FA2Layout(graph, { settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 2000, adjustSizes: graph.order < 2000 } })
    layout.current.start()
    setRunning(true)
  }, [graph])
  const stop = useCallback(() => {
    layout.current?.stop()
    setRunning(false)
  }, [])
  return { running, start, stop }
}
