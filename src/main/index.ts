import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain } from 'electron'
import { startCoreWorker, type CoreClient } from '../core/host/client'
import { contract } from '../shared/api/contract'
import { pickFiles } from './dialogs'
import { hardenApp, securityLog } from './hardening'
import { registerIpc, eventChannel } from './ipc'
import { APP_ENTRY, REQUIRED_PREFS } from './policy'
import { handleAppProtocol, registerAppScheme } from './protocol'

// The Electron shell: hardened windows (RELIABILITY §3), the core in a worker thread, IPC through one checked
// channel. Everything here runs before any window exists.
app.enableSandbox()
registerAppScheme()
// Tests read what was refused through electronApp.evaluate.
;(globalThis as { chaintrailSecurityLog?: typeof securityLog }).chaintrailSecurityLog = securityLog

const appRoot = app.getAppPath()
const casesRoot = process.env.CHAINTRAIL_CASES_ROOT ? resolve(process.env.CHAINTRAIL_CASES_ROOT) : join(homedir(), 'Chaintrail Cases')
/** better-sqlite3 compiled for Electron's ABI lives beside the Node build (TOOLCHAIN §10). */
const nativeBinding = process.env.CHAINTRAIL_SQLITE_BINDING ?? join(appRoot, 'build', 'native', 'electron', 'better_sqlite3.node')

let core: CoreClient | undefined

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    show: false,
    backgroundColor: '#0f1720',
    title: 'Chaintrail',
    webPreferences: { ...REQUIRED_PREFS, preload: join(__dirname, '../preload/index.cjs'), spellcheck: false, navigateOnDragDrop: false, devTools: !app.isPackaged }
  })
  win.once('ready-to-show', () => win.show())
  void win.loadURL(APP_ENTRY)
}

void app.whenReady().then(async () => {
  if (!existsSync(nativeBinding)) {
    dialog.showErrorBox('Chaintrail cannot open cases', `The Electron build of better-sqlite3 is missing (${nativeBinding}). Run \`npm start\` again with internet access, or use \`npm run web\`.`)
    app.exit(1)
    return
  }
  hardenApp()
  handleAppProtocol(join(__dirname, '../renderer'))
  const worker = startCoreWorker(join(__dirname, 'core-worker.js'), { casesRoot, nativeBinding, examiner: process.env.CHAINTRAIL_EXAMINER })
  core = worker
  registerIpc(ipcMain, {
    async invoke(method, input, onProgress, sender) {
      if (method === 'files.pick') return pickFiles(worker, sender, input as { purpose: string; multiple: boolean })
      const value = await worker.invoke(method, input, onProgress)
      if ((contract[method] as { mutates?: boolean }).mutates) {
        const caseId = (input as { caseId?: string } | undefined)?.caseId ?? (value as { id?: string } | undefined)?.id ?? null
        for (const w of BrowserWindow.getAllWindows()) w.webContents.send(eventChannel('case-changed'), { caseId, method })
      }
      return value
    }
  })
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('will-quit', () => {
  void core?.close()
})
