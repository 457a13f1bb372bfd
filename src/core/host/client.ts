import { Worker } from 'node:worker_threads'
import type { MethodName, MethodOutput, ProgressEvent } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import type { FromWorker, ToWorker, WorkerData } from './protocol'

/** A handle on a core running in a worker thread, with the same `invoke` shape as an in-process core. */
export interface CoreClient {
  invoke<M extends MethodName>(method: M, input: unknown, onProgress?: (e: ProgressEvent) => void): Promise<MethodOutput<M>>
  stage(path: string, originalName: string, owned: boolean, originalPath?: string): Promise<string>
  openPath(dir: string): Promise<string>
  close(): Promise<void>
}

/** Start the core worker from its built file (`workerFile`) and talk to it. */
export function startCoreWorker(workerFile: string | URL, data: WorkerData, execArgv?: string[]): CoreClient {
  const w = new Worker(workerFile, { workerData: data, execArgv, resourceLimits: { maxOldGenerationSizeMb: 2048 } })
  let next = 1
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void; progress?: (e: ProgressEvent) => void }>()
  w.on('message', (m: FromWorker) => {
    if (m.type === 'ready') return
    const p = pending.get(m.id)
    if (!p) return
    if (m.type === 'progress') return p.progress?.(m.event)
    pending.delete(m.id)
    if (m.ok) p.resolve(m.value)
    else p.reject(ApiError.from(m.error))
  })
  w.on('error', (e) => {
    for (const p of pending.values()) p.reject(e)
    pending.clear()
  })
  type Req = ToWorker extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never
  function call<T>(msg: Req, progress?: (e: ProgressEvent) => void): Promise<T> {
    const id = next++
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress })
      w.postMessage({ ...msg, id } as ToWorker)
    })
  }
  return {
    invoke: (method, input, onProgress) => call({ type: 'invoke', method, input }, onProgress),
    stage: (path, originalName, owned, originalPath) => call({ type: 'stage', path, originalName, owned, originalPath }),
    openPath: (dir) => call({ type: 'open-path', dir }),
    async close() {
      w.postMessage({ type: 'close' } satisfies ToWorker)
      await w.terminate()
    }
  }
}
