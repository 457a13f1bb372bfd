import { createReadStream, realpathSync, statSync } from 'node:fs'
import { extname, join, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8'
}

/** A file found inside the served folder. */
export interface StaticHit {
  path: string
  size: number
  type: string
}

/**
 * Map a raw request path to a file strictly inside `root`, or undefined (→ 404). Refuses encoded or literal
 * backslashes, NUL, `..` after decoding, and anything whose real path (symlinks resolved) leaves the root.
 * Shared by the dev host and Electron's `app:` protocol handler.
 */
export function resolveStatic(root: string, rawPath: string): StaticHit | undefined {
  const pathOnly = rawPath.split(/[?#]/, 1)[0]
  if (pathOnly.includes('\\') || /%5c/i.test(pathOnly) || /%00/.test(pathOnly)) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(pathOnly)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.')) return undefined
  const rel = segments.length === 0 ? 'index.html' : segments.join('/')
  let rootReal: string
  try {
    rootReal = realpathSync(resolve(root))
  } catch {
    return undefined
  }
  const candidate = resolve(join(rootReal, rel))
  if (!candidate.startsWith(rootReal + sep)) return undefined
  try {
    const real = realpathSync(candidate)
    if (!real.startsWith(rootReal + sep)) return undefined
    const st = statSync(real)
    if (!st.isFile()) return undefined
    return { path: real, size: st.size, type: TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream' }
  } catch {
    return undefined
  }
}

/** Stream a found file. */
export function openStatic(hit: StaticHit): NodeJS.ReadableStream {
  return createReadStream(hit.path)
}
