/**
 * The only renderer code that touches the bridge. Under Electron the preload exposes `window.api`; in a browser
 * (dev host, `npm run web`) calls go over loopback HTTP with the per-start token from the URL fragment.
 */
import type { ChaintrailBridge, EventName, MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract'
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

const httpBridge: ChaintrailBridge = {
  async invoke(method, input) {
    const res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
      body: JSON.stringify({ method, input })
    })
    const body = (await res.json()) as { ok: true; value: unknown } | { ok: false; error: ApiErrorShape }
    if (!body.ok) throw ApiError.from(body.error)
    return body.value as never
  },
  on(event, cb) {
    ensureSocket()
    if (!listeners.has(event)) listeners.set(event, new Set())
    listeners.get(event)!.add(cb)
    return () => listeners.get(event)?.delete(cb)
  }
}

/** Upload a browser File to the dev host; returns the staged id that contract calls take. */
export async function uploadFile(file: File): Promise<{ uploadId: string }> {
  if (window.api) throw new Error('uploads are for the browser host; the desktop app picks files natively')
  const res = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token ?? ''}`, 'content-type': 'application/octet-stream' },
    body: file
  })
  const body = (await res.json()) as { ok: true; value: { uploadId: string } } | { ok: false; error: ApiErrorShape }
  if (!body.ok) throw ApiError.from(body.error)
  return body.value
}

takeTokenFromFragment()

/** The bridge in use. */
export const bridge: ChaintrailBridge = window.api ?? httpBridge

/** Typed call of a contract method. */
export function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return bridge.invoke(method, input)
}
