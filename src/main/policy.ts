/**
 * Pure security policy for the Electron shell (no Electron import, so vitest checks it in plain Node).
 * RELIABILITY §3 items 2–15.
 */

/** The only origin app content comes from. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'chaintrail'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/**
 * True when `url` belongs to the app origin. Compared by protocol and host rather than `URL.origin`, which is
 * the string "null" for non-special schemes such as `app:` in Node's URL implementation.
 */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '' && u.port === ''
  } catch {
    return false
  }
}

/** The webPreferences every window must run with; anything else is a configuration bug. */
export const REQUIRED_PREFS = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false
} as const

/** Names of the settings in `prefs` that break REQUIRED_PREFS or set Blink feature flags. */
export function prefViolations(prefs: Record<string, unknown> | null | undefined): string[] {
  if (!prefs) return ['no webPreferences']
  const bad: string[] = []
  for (const [k, want] of Object.entries(REQUIRED_PREFS)) {
    // Electron reports some keys as undefined when they hold their default; since Electron 20 every default is
    // exactly the safe value required here, so an absent key counts as compliant.
    const got = prefs[k]
    const effective = got === undefined ? want : got
    if (effective !== want) bad.push(`${k}=${String(got)}`)
  }
  if (prefs.enableBlinkFeatures) bad.push(`enableBlinkFeatures=${String(prefs.enableBlinkFeatures)}`)
  return bad
}

/** URL patterns cancelled by webRequest: no remote, local-file or socket loads ever leave the app. */
export const BLOCKED_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file://*/*']

/** The one permission the app may use (copying a hash to the clipboard). */
export function permissionAllowed(permission: string): boolean {
  return permission === 'clipboard-sanitized-write'
}

/** Hosts an analyst may open in the system browser (block explorers); never file:, smb:, javascript:… */
export const EXTERNAL_HOSTS = [
  'blockstream.info',
  'mempool.space',
  'etherscan.io',
  'bscscan.com',
  'polygonscan.com',
  'arbiscan.io',
  'optimistic.etherscan.io',
  'basescan.org',
  'tronscan.org',
  'www.blockchain.com'
]

/** True when `url` may be handed to shell.openExternal (after the user confirmed the full URL). */
export function externalUrlAllowed(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol !== 'https:' || u.username || u.password || u.port) return false
  return hosts.includes(u.hostname.toLowerCase())
}
