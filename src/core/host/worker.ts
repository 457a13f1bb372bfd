import { parentPort, workerData } from 'node:worker_threads'
import { toErrorShape } from '../../shared/api/errors'
import { createCore } from '../core'
import { useNativeBinding } from '../store/db'
import type { FromWorker, ToWorker, WorkerData } from './protocol'

// The core in a worker thread: under Electron the windows never wait on SQLite or a parser.
if (!parentPort) throw new Error('core worker must run in a worker thread')
const port = parentPort
const data = workerData as WorkerData
useNativeBinding(data.nativeBinding)
const core = createCore(data)
const send = (m: FromWorker) => port.postMessage(m)

port.on('message', (m: ToWorker) => {
  if (m.type === 'close') {
    core.close()
    port.close()
    return
  }
  const reply = (p: Promise<unknown>) =>
    p.then(
      (value) => send({ type: 'result', id: m.id, ok: true, value }),
      (e: unknown) => send({ type: 'result', id: m.id, ok: false, error: toErrorShape(e) })
    )
  if (m.type === 'invoke') reply(core.invoke(m.method as never, m.input, (event) => send({ type: 'progress', id: m.id, event })))
  else if (m.type === 'stage') reply(Promise.resolve().then(() => core.state.stage({ path: m.path, originalName: m.originalName, originalPath: m.originalPath, owned: m.owned })))
  else if (m.type === 'open-path') reply(Promise.resolve().then(() => core.state.openPath(m.dir).meta().id))
})
send({ type: 'ready' })
