import type Sigma from 'sigma'

/**
 * A read-only window into the canvas for Playwright and the bench, installed only when the page was opened
 * with localStorage `chaintrail.testHook` = "1" (set by the test before the app loads). Never exposes the bridge.
 */
export interface GraphTestHook {
  nodes: number
  edges: number
  frames: number
  lastFrameAt: number
  nodeIds(): string[]
  visibleLabels(): string[]
  state: unknown
}

const enabled = (() => {
  try {
    return localStorage.getItem('chaintrail.testHook') === '1'
  } catch {
    return false
  }
})()

declare global {
  interface Window {
    __chaintrailGraph?: GraphTestHook
  }
}

/** Record a rendered frame (count, time, graph size). */
export function publishFrame(s: Sigma): void {
  if (!enabled) return
  const g = s.getGraph()
  const h = (window.__chaintrailGraph ??= { nodes: 0, edges: 0, frames: 0, lastFrameAt: 0, nodeIds: () => [], visibleLabels: () => [], state: null })
  h.nodes = g.order
  h.edges = g.size
  h.frames++
  h.lastFrameAt = performance.now()
  h.nodeIds = () => g.nodes()
  h.visibleLabels = () => g.mapNodes((_n, a) => String(a.label))
}

/** Publish the workspace state (a copy) for assertions. */
export function publishState(state: unknown): void {
  if (!enabled) return
  const h = (window.__chaintrailGraph ??= { nodes: 0, edges: 0, frames: 0, lastFrameAt: 0, nodeIds: () => [], visibleLabels: () => [], state: null })
  h.state = structuredClone(state)
}
