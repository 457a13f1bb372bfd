import { app, dialog, session, shell, type WebContents } from 'electron'
import { BLOCKED_URL_PATTERNS, externalUrlAllowed, isAppUrl, permissionAllowed, prefViolations } from './policy'

/** What the shell refused, for tests (read with electronApp.evaluate) and diagnostics. */
export const securityLog: { permissions: string[]; blockedRequests: string[]; navigations: string[]; externals: string[] } = {
  permissions: [],
  blockedRequests: [],
  navigations: [],
  externals: []
}

/**
 * Open an https URL on an allow-listed explorer host in the system browser, after the user saw the full URL
 * (RELIABILITY §3 item 15). Everything else (file:, smb:, javascript:, other hosts) is refused.
 */
export async function openExternalGuarded(url: string): Promise<boolean> {
  if (!externalUrlAllowed(url)) {
    securityLog.externals.push(`refused ${url}`)
    return false
  }
  const r = await dialog.showMessageBox({ type: 'question', buttons: ['Cancel', 'Open in browser'], defaultId: 0, cancelId: 0, message: 'Open this address in your web browser?', detail: url })
  if (r.response !== 1) return false
  await shell.openExternal(url)
  return true
}

function guardContents(contents: WebContents): void {
  // getLastWebPreferences is real but missing from electron.d.ts; the effective prefs, not the requested ones.
  const read = (contents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null }).getLastWebPreferences
  const bad = prefViolations(read ? read.call(contents) : null)
  if (bad.length) {
    // A webContents without the hardening is a bug we never run with: close it before it loads anything.
    console.error(`refusing insecure webContents (${contents.getType()}): ${bad.join(', ')}`)
    securityLog.navigations.push(`closed insecure webContents: ${bad.join(', ')}`)
    contents.close()
    return
  }
  const stay = (e: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) {
      e.preventDefault()
      securityLog.navigations.push(url)
    }
  }
  contents.on('will-navigate', (e, url) => stay(e, url))
  contents.on('will-frame-navigate', (e) => stay(e, e.url))
  contents.on('will-redirect', (e, url) => stay(e, url))
  contents.on('will-attach-webview', (e) => e.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // No new windows ever; an explorer link may go to the system browser after confirmation.
    void openExternalGuarded(url)
    return { action: 'deny' }
  })
}

/** Apply RELIABILITY §3 items 1, 5, 12–14 to the default session and every webContents ever created. */
export function hardenApp(): void {
  app.on('web-contents-created', (_e, contents) => guardContents(contents))
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    const ok = permissionAllowed(permission)
    if (!ok) securityLog.permissions.push(permission)
    callback(ok)
  })
  ses.setPermissionCheckHandler((_wc, permission) => {
    const ok = permissionAllowed(permission)
    if (!ok) securityLog.permissions.push(`check:${permission}`)
    return ok
  })
  ses.setDevicePermissionHandler(() => false)
  ses.webRequest.onBeforeRequest({ urls: BLOCKED_URL_PATTERNS }, (details, callback) => {
    securityLog.blockedRequests.push(details.url)
    callback({ cancel: true })
  })
}
