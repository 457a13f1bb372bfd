import { contextBridge, ipcRenderer } from 'electron'
import { EVENT_NAME_LIST, METHOD_NAME_LIST } from '../shared/api/names'

// Exposes exactly invoke(method, input) and on(event, cb) for contract names; never ipcRenderer itself.
// Main checks the sender and validates input again; this list only stops typos and probing early.
const methods = new Set<string>(METHOD_NAME_LIST)
const events = new Set<string>(EVENT_NAME_LIST)

// Fail closed: without the sandbox and context isolation this bridge would hand the page more than it should,
// so it is not exposed at all (RELIABILITY §3 items 3 and 4; the page then shows that it cannot reach the core).
const isolatedAndSandboxed = process.contextIsolated === true && process.sandboxed === true

interface ErrorShape {
  code: string
  message: string
}

if (!isolatedAndSandboxed) throw new Error('preload refused: the window is not sandboxed and context-isolated')

contextBridge.exposeInMainWorld('api', {
  invoke(method: string, input: unknown) {
    if (!methods.has(method)) return Promise.reject({ code: 'BAD_INPUT', message: `unknown method ${String(method)}` } satisfies ErrorShape)
    // Errors cross as plain data ({code, message, file?, line?, column?, details?}); the client rebuilds ApiError.
    return ipcRenderer.invoke('chaintrail:invoke', method, input).then((r: { ok: boolean; value?: unknown; error?: ErrorShape }) => {
      if (r.ok) return r.value
      throw r.error ?? { code: 'INTERNAL', message: 'failed' }
    })
  },
  on(event: string, cb: (payload: unknown) => void) {
    if (!events.has(event)) throw new Error(`unknown event ${event}`)
    // Callbacks get the payload only, never the IPC event (which would leak `sender`).
    const h = (_e: unknown, payload: unknown) => cb(payload)
    ipcRenderer.on(`chaintrail:event:${event}`, h)
    return () => {
      ipcRenderer.removeListener(`chaintrail:event:${event}`, h)
    }
  }
})
