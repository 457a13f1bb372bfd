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
  /** performance.now() of the first frame drawn by the current Sigma instance. */
  firstFrameAt: number
  /** performance.now() when the last graph.build answer arrived. */
  dataAt: number
  /** Timestamps of the last 1,000 frames. */
  frameTimes: number[]
  nodeIds(): string[]
  state: unknown
  /** Of the first frame: ms spent waiting for (software) WebGL to finish drawing it. */
  firstFrameGpuMs: number
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

const seen = new WeakSet<object>()
const hook = () => (window.__chaintrailGraph ??= { nodes: 0, edges: 0, frames: 0, lastFrameAt: 0, firstFrameAt: 0, firstFrameGpuMs: 0, dataAt: 0, frameTimes: [], nodeIds: () => [], state: null })

/** Record a rendered frame (count, time, graph size). */
export function publishFrame(s: Sigma): void {
  if (!enabled) return
  const g = s.getGraph()
  const h = hook()
  const now = performance.now()
  if (!seen.has(s)) {
    seen.add(s)
    // sigma's afterRender fires when the draw calls are queued; the frame is on screen only once the GPU
    // process (SwiftShader here) has drawn them. A 1-pixel readPixels waits for that, so the bench's "first
    // frame" is the frame the analyst sees, not the moment it was queued.
    const px = new Uint8Array(4)
    for (const gl of Object.values((s as unknown as { webGLContexts: Record<string, WebGLRenderingContext> }).webGLContexts)) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px)
    h.firstFrameAt = performance.now()
    h.firstFrameGpuMs = h.firstFrameAt - now
  }
  h.nodes = g.order
  h.edges = g.size
  h.frames++
  h.lastFrameAt = now
  h.frameTimes.push(now)
  if (h.frameTimes.length > 1000) h.frameTimes.splice(0, h.frameTimes.length - 1000)
  h.nodeIds = () => g.mapNodes((_k, a) => (a as { id?: string }).id ?? _k)
}

/** Publish the workspace state (a copy) for assertions. */
export function publishState(state: unknown): void {
  if (!enabled) return
  hook().state = structuredClone(state)
}

/** Record when graph data arrived from the core (splits core time from drawing time in the bench). */
export function publishDataArrived(): void {
  if (enabled) hook().dataAt = performance.now()
}
