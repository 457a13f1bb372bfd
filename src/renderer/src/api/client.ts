/**
 * The only renderer code that touches the bridge. Under Electron the preload exposes `window.api`; in a browser
 * (dev host, `npm run web`) calls go over loopback HTTP with the per-start token from the URL fragment.
 */
import type { ChaintrailBridge, EventName, MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract'
import type { PickedFile } from '../../../shared/api/areas/files'
import { ApiError, type ApiErrorShape } from '../../../shared/api/errors'

declare global {
  interface Window {
    api?: ChaintrailBridge
  }
}

let token: string | null = null

function takeTokenFromFragment(): void {
  const m = /[#&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  if (m) {
    token = m[1]
    // Keep the token out of history, bookmarks and screenshots of the address bar.
    history.replaceState(null, '', window.location.pathname + window.location.search)
  }
}

/** Rebuild an ApiError from whatever crossed the bridge (a plain shape from the preload or HTTP). */
function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  if (e && typeof e === 'object' && typeof (e as ApiErrorShape).code === 'string') return ApiError.from(e as ApiErrorShape)
  return new ApiError('INTERNAL', e instanceof Error ? e.message : String(e))
}

const listeners = new Map<EventName, Set<(p: unknown) => void>>()
let socket: WebSocket | null = null

function ensureSocket(): void {
  if (socket || !token) return
  const url = new URL('/api/events', window.location.href)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  // Browsers cannot set headers on WebSocket; the token goes as a subprotocol, checked with Origin server-side.
  socket = new WebSocket(url, ['chaintrail', `token.${token}`])
  socket.onmessage = (m) => {
    const { event, payload } = JSON.parse(String(m.data)) as { event: EventName; payload: unknown }
    for (const cb of listeners.get(event) ?? []) cb(payload)
  }
  socket.onclose = () => {
    socket = null
  }
}

async function readEnvelope<T>(res: Response): Promise<T> {
  let body: { ok: true; value: T } | { ok: false; error: ApiErrorShape }
  try {
    body = (await res.json()) as typeof body
  } catch {
    throw new ApiError('IO', `the dev host answered ${res.status} ${res.statusText}`)
  }
  if (!body.ok) throw ApiError.from(body.error)
  return body.value
}

const NO_TOKEN = 'this page was opened without its access token: open the full URL that `npm run web` printed (it ends in #token=…)'

const httpBridge: ChaintrailBridge = {
  async invoke(method, input) {
    if (!token) throw new ApiError('UNAUTHORIZED', NO_TOKEN)
    const res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
      body: JSON.stringify({ method, input })
    })
    return readEnvelope(res)
  },
  on(event, cb) {
    ensureSocket()
    if (!listeners.has(event)) listeners.set(event, new Set())
    listeners.get(event)!.add(cb)
    return () => listeners.get(event)?.delete(cb)
  }
}

function desktopBridge(api: ChaintrailBridge): ChaintrailBridge {
  return {
    invoke: (method, input) => api.invoke(method, input).catch((e: unknown) => Promise.reject(toApiError(e))),
    on: (event, cb) => api.on(event, cb)
  }
}

takeTokenFromFragment()

/** True in the desktop app (native dialogs via `files.pick`); false in a browser on the dev host. */
export const isDesktop = !!window.api

/** The bridge in use. */
export const bridge: ChaintrailBridge = window.api ? desktopBridge(window.api) : httpBridge

/** Typed call of a contract method. */
export function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return bridge.invoke(method, input)
}

/** Subscribe to a core event ('progress', 'case-changed'); returns the unsubscribe function. */
export function onEvent(event: EventName, cb: (payload: unknown) => void): () => void {
  return bridge.on(event, cb)
}

/** Upload a browser File to the dev host; returns the staged id that contract calls take. */
export async function uploadFile(file: File): Promise<{ uploadId: string }> {
  if (window.api) throw new Error('uploads are for the browser host; the desktop app picks files natively')
  if (!token) throw new ApiError('UNAUTHORIZED', NO_TOKEN)
  const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token ?? ''}`, 'content-type': 'application/octet-stream' },
    body: file
  })
  return readEnvelope(res)
}

/** Desktop only: show the native open dialog; picked files come back staged (empty when cancelled). */
export function pickFiles(purpose: string, multiple = false): Promise<PickedFile[]> {
  return call('files.pick', { purpose, multiple })
}
