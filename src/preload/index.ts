import { contextBridge, ipcRenderer } from 'electron'
import { EVENT_NAME_LIST, METHOD_NAME_LIST } from '../shared/api/names'

// Exposes exactly invoke(method, input) and on(event, cb) for contract names; never ipcRenderer itself.
const methods = new Set<string>(METHOD_NAME_LIST)
const events = new Set<string>(EVENT_NAME_LIST)

contextBridge.exposeInMainWorld('api', {
  invoke(method: string, input: unknown) {
    if (!methods.has(method)) return Promise.reject(new Error(`unknown method ${method}`))
    return ipcRenderer.invoke('chaintrail:invoke', method, input).then((r: { ok: boolean; value?: unknown; error?: { code: string; message: string } }) => {
      if (r.ok) return r.value
      const e = new Error(r.error?.message ?? 'failed') as Error & { code?: string }
      e.code = r.error?.code
      throw e
    })
  },
  on(event: string, cb: (payload: unknown) => void) {
    if (!events.has(event)) throw new Error(`unknown event ${event}`)
    const h = (_e: unknown, payload: unknown) => cb(payload)
    ipcRenderer.on(`chaintrail:event:${event}`, h)
    return () => ipcRenderer.removeListener(`chaintrail:event:${event}`, h)
  }
})
