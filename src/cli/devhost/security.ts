import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { APP_CSP } from '../../shared/csp'

export { APP_CSP }

/** Headers every response carries. Deliberately no Access-Control-Allow-Origin, ever. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store'
}

/** A fresh per-start token: 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()

/**
 * Constant-time token check. Both sides are SHA-256-hashed first so values of any length compare in the same
 * time and `timingSafeEqual` never throws on a length mismatch.
 */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false
  const ok = timingSafeEqual(digest(presented), digest(expected))
  return ok && presented.length > 0
}

/** The bearer token of a request, if any. */
export function bearerOf(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization
  if (typeof h !== 'string') return undefined
  const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(h)
  return m ? m[1] : undefined
}

/** The token carried as the `token.<t>` WebSocket subprotocol (browsers cannot set headers on WebSockets). */
export function wsTokenOf(req: IncomingMessage): { token?: string; hasChaintrail: boolean } {
  const raw = req.headers['sec-websocket-protocol']
  const list = (typeof raw === 'string' ? raw : '').split(',').map((s) => s.trim()).filter(Boolean)
  const t = list.find((p) => p.startsWith('token.'))
  return { token: t?.slice('token.'.length), hasChaintrail: list.includes('chaintrail') }
}

/** Result of the Host/Origin checks: the origin this page is served from, or the status to refuse with. */
export type OriginCheck = { ok: true; origin: string } | { ok: false; status: 421 | 403; reason: string }

/**
 * DNS-rebinding and cross-site defence: Host must name the loopback listener exactly; a present Origin must be
 * the origin that Host serves. `requireOrigin` is for WebSocket upgrades, which browsers send cross-site freely.
 */
export function checkHostOrigin(req: IncomingMessage, port: number, requireOrigin: boolean): OriginCheck {
  const host = req.headers.host
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return { ok: false, status: 421, reason: 'wrong Host' }
  const origin = `http://${host}`
  const o = req.headers.origin
  if (o === undefined) return requireOrigin ? { ok: false, status: 403, reason: 'Origin required' } : { ok: true, origin }
  if (o !== origin) return { ok: false, status: 403, reason: 'foreign Origin' }
  return { ok: true, origin }
}

/** Write the security headers onto a response. */
export function applySecurityHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v)
}
