import { mkdtempSync, rmSync, createWriteStream, existsSync, readFileSync, type WriteStream } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { createCore, type Core } from '../../core/core'
import { openStatic, resolveStatic } from '../../core/host/static-files'
import { contract, isMethodName } from '../../shared/api/contract'
import { toErrorShape } from '../../shared/api/errors'
import { EventHub } from './events'
import { applySecurityHeaders, bearerOf, checkHostOrigin, newToken, tokenMatches } from './security'

/** Largest JSON request body (contract calls are small; files go through /api/upload). */
export const MAX_JSON_BYTES = 10 * 1024 * 1024
/** Largest single upload. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3

/** How to start a dev host. */
export interface DevHostOptions {
  casesRoot: string
  /** 0 or absent: a random free port. */
  port?: number
  /** The built renderer; defaults to out/renderer of this checkout. */
  rendererDir?: string
  examiner?: string
  /** Body caps (tests lower them); default MAX_JSON_BYTES and MAX_UPLOAD_BYTES. */
  limits?: { json?: number; upload?: number }
}

/** A running dev host. */
export interface DevHost {
  /** Full URL with the token in the fragment (never sent to the server). */
  url: string
  origin: string
  /** Private (0700) folder where uploads wait until a contract call consumes them. */
  uploadDir: string
  token: string
  port: number
  address: AddressInfo
  core: Core
  /** How many requests reached the core (contract calls and staged uploads); security tests expect 0. */
  stats: { handled: number }
  close(): Promise<void>
}

/** The checkout's out/renderer, found by walking up from this file to package.json. */
export function defaultRendererDir(): string {
  let d = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const pkg = join(d, 'package.json')
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'chaintrail') return join(d, 'out', 'renderer')
    d = dirname(d)
  }
  return resolve('out', 'renderer')
}

type Fail = { status: number; code: string; message: string }

/** JSON text of a body; the bigint-aware replacer only when plain stringify meets a bigint (a replacer call per
 * value made a 200k-edge graph answer take a second longer). */
function toJson(body: unknown): string {
  try {
    return JSON.stringify(body)
  } catch (e) {
    if (!(e instanceof TypeError)) throw e
    return JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = toJson(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

function fail(res: ServerResponse, f: Fail): void {
  if (res.headersSent) return void res.destroy()
  // An oversized body is not read on; close the connection once the refusal is out.
  if (f.status === 413) res.setHeader('Connection', 'close')
  sendJson(res, f.status, { ok: false, error: { code: f.code, message: f.message } })
}

function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0')
    if (declared > max) return reject({ status: 413, code: 'TOO_LARGE', message: 'request body too large' } satisfies Fail)
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > max) {
        req.destroy()
        reject({ status: 413, code: 'TOO_LARGE', message: 'request body too large' } satisfies Fail)
      } else chunks.push(c)
    })
    req.on('error', reject)
    req.on('end', () => {
      try {
        resolveBody(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch {
        reject({ status: 400, code: 'BAD_INPUT', message: 'the body is not JSON' } satisfies Fail)
      }
    })
  })
}

/** A file name the browser reports: a single path segment, printable, bounded. */
function cleanUploadName(raw: string | null): string | undefined {
  if (!raw || raw.length > 255) return undefined
  if (/[/\\\u0000-\u001f\u007f]/.test(raw) || raw === '.' || raw === '..') return undefined
  return raw
}

/**
 * Start the dev host: the built renderer plus the contract over loopback HTTP and a WebSocket, guarded per
 * RELIABILITY §3 "Dev host" (127.0.0.1 only, per-start token, Host/Origin checks, CSP, no CORS). Plain Node;
 * never part of the packaged app.
 */
export async function startDevHost(opts: DevHostOptions): Promise<DevHost> {
  const rendererDir = opts.rendererDir ?? defaultRendererDir()
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`the renderer is not built (no ${join(rendererDir, 'index.html')}); run \`npm run build\` first`)
  const token = newToken()
  const core = createCore({ casesRoot: opts.casesRoot, examiner: opts.examiner })
  const uploadDir = mkdtempSync(join(tmpdir(), 'chaintrail-uploads-'))
  const stats = { handled: 0 }
  const maxJson = opts.limits?.json ?? MAX_JSON_BYTES
  const maxUpload = opts.limits?.upload ?? MAX_UPLOAD_BYTES
  let port = 0
  const hub = new EventHub(() => port, token)

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return fail(res, { status: 415, code: 'BAD_INPUT', message: 'send application/json' })
    const body = (await readJson(req, maxJson)) as { method?: unknown; input?: unknown } | null
    const method = body?.method
    if (!isMethodName(method)) return fail(res, { status: 400, code: 'BAD_INPUT', message: `unknown method ${String(method)}` })
    stats.handled++
    try {
      const value = await core.invoke(method, body?.input, (e) => hub.broadcast('progress', e))
      if ((contract[method] as { mutates?: boolean }).mutates) {
        const input = (body?.input ?? {}) as { caseId?: unknown }
        const caseId = typeof input.caseId === 'string' ? input.caseId : ((value as { id?: unknown } | null)?.id ?? null)
        hub.broadcast('case-changed', { caseId, method })
      }
      sendJson(res, 200, { ok: true, value })
    } catch (e) {
      sendJson(res, 200, { ok: false, error: toErrorShape(e) })
    }
  }

  const closed = (w: WriteStream) => (w.closed ? Promise.resolve() : new Promise<void>((r) => w.once('close', () => r())))

  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const name = cleanUploadName(url.searchParams.get('name'))
    if (!name) return fail(res, { status: 400, code: 'BAD_INPUT', message: 'name= must be a plain file name' })
    const declared = Number(req.headers['content-length'] ?? '0')
    if (declared > maxUpload) return fail(res, { status: 413, code: 'TOO_LARGE', message: `file larger than ${maxUpload} bytes` })
    const path = join(uploadDir, randomBytes(16).toString('hex'))
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 })
    let size = 0
    let tooBig = false
    await new Promise<void>((done, reject) => {
      req.on('data', (c: Buffer) => {
        size += c.length
        if (size > maxUpload && !tooBig) {
          // Stop storing at once; the refusal goes out with Connection: close, which ends the socket.
          tooBig = true
          req.unpipe(out)
          req.pause()
          out.destroy()
          done()
        }
      })
      req.on('error', (e) => (tooBig ? done() : reject(e)))
      out.on('error', reject)
      out.on('finish', () => done())
      req.pipe(out)
    }).catch(async (e: unknown) => {
      await closed(out)
      rmSync(path, { force: true })
      throw e
    })
    if (tooBig) {
      // The stream opens its file asynchronously: remove it only once it is closed, or the open could land after.
      await closed(out)
      rmSync(path, { force: true })
      return fail(res, { status: 413, code: 'TOO_LARGE', message: `file larger than ${maxUpload} bytes` })
    }
    stats.handled++
    // A browser never reveals where the file came from: record that honestly instead of the temp path.
    const uploadId = core.state.stage({ path, originalName: name, originalPath: `(uploaded through the browser) ${name}`, owned: true })
    sendJson(res, 200, { ok: true, value: { uploadId } })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applySecurityHeaders(res)
    if (req.method === 'OPTIONS') return fail(res, { status: 403, code: 'FORBIDDEN', message: 'no cross-origin access' })
    const o = checkHostOrigin(req, port, false)
    if (!o.ok) return fail(res, { status: o.status, code: 'FORBIDDEN', message: o.reason })
    const raw = req.url ?? '/'
    if (raw.startsWith('/api/')) {
      if (!tokenMatches(bearerOf(req), token)) return fail(res, { status: 401, code: 'UNAUTHORIZED', message: 'missing or wrong token' })
      const url = new URL(raw, o.origin)
      if (url.pathname === '/api/invoke' && req.method === 'POST') return invoke(req, res)
      if (url.pathname === '/api/upload' && req.method === 'PUT') return upload(req, res, url)
      return fail(res, { status: 404, code: 'NOT_FOUND', message: 'no such endpoint' })
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, { status: 405, code: 'BAD_INPUT', message: 'method not allowed' })
    const hit = resolveStatic(rendererDir, raw)
    if (!hit) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
      return void res.end('not found')
    }
    res.writeHead(200, { 'Content-Type': hit.type, 'Content-Length': hit.size })
    if (req.method === 'HEAD') return void res.end()
    openStatic(hit).pipe(res)
  }

  const server = createServer({ maxHeaderSize: 16 * 1024 }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      const f = e as Partial<Fail>
      if (typeof f?.status === 'number') fail(res, f as Fail)
      else fail(res, { status: 500, code: 'INTERNAL', message: toErrorShape(e).message })
    })
  })
  server.on('upgrade', (req, socket, head) => hub.upgrade(req, socket, head))
  server.on('clientError', (_e, socket) => socket.destroy())
  // Loopback by literal address: never 0.0.0.0, ::, or a name lookup of "localhost".
  await new Promise<void>((ok, bad) => {
    server.once('error', bad)
    server.listen({ host: '127.0.0.1', port: opts.port ?? 0, exclusive: true, backlog: 2048 }, () => ok())
  })
  const address = server.address() as AddressInfo
  port = address.port
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/#token=${token}`,
    origin,
    uploadDir,
    token,
    port,
    address,
    core,
    stats,
    async close() {
      hub.close()
      server.closeAllConnections()
      await new Promise<void>((ok) => server.close(() => ok()))
      core.close()
      rmSync(uploadDir, { recursive: true, force: true })
    }
  }
}
