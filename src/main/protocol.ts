import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { resolveStatic } from '../core/host/static-files'
import { APP_CSP } from '../shared/csp'
import { APP_HOST, APP_SCHEME } from './policy'

/** Must run before `app.ready`: `app:` is a standard, secure scheme so the page gets a real origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

const headers = (type: string) => ({ 'Content-Type': type, 'Content-Security-Policy': APP_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' })

/**
 * Serve the built renderer over `app://chaintrail/` (never `file://`, RELIABILITY §3 item 18). Paths are
 * confined to `rendererDir` after decoding (`..`, `%2e%2e`, `%5c` → 404); every response carries the CSP.
 */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (req) => {
    const notFound = () => new Response('not found', { status: 404, headers: headers('text/plain; charset=utf-8') })
    // Take the path from the raw URL so encoded traversal reaches the confinement check undecoded.
    const prefix = `${APP_SCHEME}://${APP_HOST}`
    if (!req.url.toLowerCase().startsWith(prefix + '/') || req.method !== 'GET') return notFound()
    const hit = resolveStatic(rendererDir, req.url.slice(prefix.length))
    if (!hit) return notFound()
    return new Response(await readFile(hit.path), { status: 200, headers: headers(hit.type) })
  })
}
