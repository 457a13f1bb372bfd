import { app, BrowserWindow, ipcMain } from 'electron'
import { join } from 'node:path'
import { homedir } from 'node:os'
import { startCoreWorker } from '../core/host/client'
import { toErrorShape } from '../shared/api/errors'
import { isMethodName } from '../shared/api/contract'

// Thin shell: windows are sandboxed; every call goes to the core worker (the UI issue hardens this fully).
app.enableSandbox()
const core = startCoreWorker(join(__dirname, 'core-worker.js'), { casesRoot: join(homedir(), 'Chaintrail Cases') })

ipcMain.handle('chaintrail:invoke', async (_e, method: unknown, input: unknown) => {
  try {
    if (!isMethodName(method)) throw new Error('unknown method')
    return { ok: true, value: await core.invoke(method, input) }
  } catch (e) {
    return { ok: false, error: toErrorShape(e) }
  }
})

void app.whenReady().then(() => {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    webPreferences: { preload: join(__dirname, '../preload/index.cjs'), contextIsolation: true, nodeIntegration: false, sandbox: true }
  })
  void win.loadFile(join(__dirname, '../renderer/index.html'))
})
