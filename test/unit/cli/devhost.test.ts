import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startDevHost, type DevHost } from '../../../src/cli/devhost/server'
import { APP_CSP } from '../../../src/shared/csp'
import { tmpDir } from '../../helpers/tmp'

interface Res {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** A raw request, so Host/Origin can be anything (fetch would fix them). */
function req(host: DevHost, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      { host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      }
    )
    r.on('error', reject)
    r.end(opts.body)
  })
}

const invokeBody = JSON.stringify({ method: 'cases.library', input: {} })
const json = { 'content-type': 'application/json' }

let host: DevHost
let renderer: string
beforeEach(async () => {
  renderer = tmpDir('ct-renderer-')
  mkdirSync(join(renderer, 'assets'))
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(renderer, 'assets', 'app.css'), 'body{}')
  // A secret beside the served folder: traversal must never reach it.
  writeFileSync(join(renderer, '..', 'secret.txt'), 'SECRET')
  host = await startDevHost({ casesRoot: tmpDir('ct-cases-'), rendererDir: renderer })
})
afterEach(async () => {
  await host.close()
})

describe('dev host', () => {
  it('listens on 127.0.0.1 only, with a fresh 32-byte base64url token', async () => {
    expect(host.address.address).toBe('127.0.0.1')
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(host.token, 'base64url')).toHaveLength(32)
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`)
    const other = await startDevHost({ casesRoot: tmpDir('ct-cases-'), rendererDir: renderer })
    expect(other.token).not.toBe(host.token)
    await other.close()
  })

  it('runs a contract call with the right token', async () => {
    const r = await req(host, '/api/invoke', { method: 'POST', headers: { ...json, authorization: `Bearer ${host.token}` }, body: invokeBody })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { cases: [] } })
    expect(host.stats.handled).toBe(1)
  })

  it('refuses bad Host, foreign Origin, missing/wrong/wrong-length tokens before any handler runs', async () => {
    const good = `Bearer ${host.token}`
    const cases: Array<[string, Record<string, string>, number]> = [
      ['Host evil.example', { host: 'evil.example', authorization: good }, 421],
      ['Host with wrong port', { host: `127.0.0.1:${host.port + 1}`, authorization: good }, 421],
      ['Host 0.0.0.0', { host: `0.0.0.0:${host.port}`, authorization: good }, 421],
      ['foreign Origin', { origin: 'https://evil.example', authorization: good }, 403],
      ['null Origin', { origin: 'null', authorization: good }, 403],
      ['Origin on another port', { origin: `http://127.0.0.1:${host.port + 1}`, authorization: good }, 403],
      ['no token', {}, 401],
      ['wrong token', { authorization: `Bearer ${'A'.repeat(43)}` }, 401],
      ['token too short', { authorization: `Bearer ${host.token.slice(0, 42)}` }, 401],
      ['token too long', { authorization: `Bearer ${host.token}A` }, 401],
      ['token in another scheme', { authorization: `Basic ${host.token}` }, 401]
    ]
    for (const [what, headers, status] of cases) {
      const r = await req(host, '/api/invoke', { method: 'POST', headers: { ...json, ...headers }, body: invokeBody })
      expect(r.status, what).toBe(status)
      const u = await req(host, '/api/upload?name=x.txt', { method: 'PUT', headers, body: 'data' })
      expect(u.status, `${what} (upload)`).toBe(status)
    }
    expect(host.stats.handled).toBe(0)
  })

  it('answers OPTIONS with 403 and never sends Access-Control-Allow-Origin', async () => {
    const pre = await req(host, '/api/invoke', { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } })
    expect(pre.status).toBe(403)
    const all = [
      pre,
      await req(host, '/'),
      await req(host, '/assets/app.js'),
      await req(host, '/missing'),
      await req(host, '/api/invoke', { method: 'POST', headers: { ...json, origin: `http://127.0.0.1:${host.port}`, authorization: `Bearer ${host.token}` }, body: invokeBody }),
      await req(host, '/api/invoke', { method: 'POST', headers: json, body: invokeBody })
    ]
    for (const r of all) expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('sends the app CSP and nosniff on every response', async () => {
    for (const p of ['/', '/index.html', '/assets/app.js', '/assets/app.css', '/nope', '/api/invoke']) {
      const r = await req(host, p)
      expect(r.headers['content-security-policy'], p).toBe(APP_CSP)
      expect(r.headers['x-content-type-options'], p).toBe('nosniff')
    }
    const js = await req(host, '/assets/app.js')
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toMatch(/^text\/javascript/)
  })

  it('confines static files to the renderer folder (traversal → 404)', async () => {
    for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/assets\\..\\..\\secret.txt', '/%2e%2e%5csecret.txt', '/%00index.html', '/%zz']) {
      const r = await req(host, p)
      expect(r.status, p).toBe(404)
      expect(r.body).not.toContain('SECRET')
    }
  })

  it('caps JSON bodies and refuses non-JSON calls', async () => {
    const auth = { authorization: `Bearer ${host.token}` }
    const big = await req(host, '/api/invoke', { method: 'POST', headers: { ...json, ...auth, 'content-length': String(11 * 1024 * 1024) } })
    expect(big.status).toBe(413)
    const form = await req(host, '/api/invoke', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: invokeBody })
    expect(form.status).toBe(415)
    expect(host.stats.handled).toBe(0)
  })

  it('stages an upload and refuses path-like names', async () => {
    const auth = { authorization: `Bearer ${host.token}` }
    const ok = await req(host, '/api/upload?name=wallet%20export.csv', { method: 'PUT', headers: auth, body: 'a,b\n1,2\n' })
    expect(ok.status).toBe(200)
    const { uploadId } = (JSON.parse(ok.body) as { value: { uploadId: string } }).value
    expect(host.core.state.peekUpload(uploadId)).toMatchObject({ originalName: 'wallet export.csv', owned: true })
    for (const n of ['..%2fx', 'a%2Fb', 'a%5cb', '', '..']) {
      const r = await req(host, `/api/upload?name=${n}`, { method: 'PUT', headers: auth, body: 'x' })
      expect(r.status, n).toBe(400)
    }
  })

  it('refuses a streamed upload over the cap and keeps nothing of it', async () => {
    const small = await startDevHost({ casesRoot: tmpDir('ct-cases-'), rendererDir: renderer, limits: { upload: 1000 } })
    try {
      const status = await new Promise<number>((resolve) => {
        const r = httpRequest(
          { host: '127.0.0.1', port: small.port, path: '/api/upload?name=big.bin', method: 'PUT', headers: { host: `127.0.0.1:${small.port}`, authorization: `Bearer ${small.token}`, 'transfer-encoding': 'chunked' } },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          }
        )
        // A reset after the refusal is fine too: what matters is that nothing was stored or handled.
        r.on('error', () => resolve(413))
        r.write(Buffer.alloc(800))
        setImmediate(() => {
          r.write(Buffer.alloc(800))
          r.end()
        })
      })
      expect(status).toBe(413)
      expect(readdirSync(small.uploadDir)).toEqual([])
      expect(statSync(small.uploadDir).mode & 0o777).toBe(0o700)
      expect(small.stats.handled).toBe(0)
    } finally {
      await small.close()
    }
  })

  describe('events WebSocket', () => {
    const open = (headers: Record<string, string>, protocols: string[]) =>
      new Promise<{ opened: boolean; messages: number; status?: number }>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, protocols, { headers })
        let messages = 0
        ws.on('message', () => messages++)
        ws.on('open', () => {
          ws.close()
          resolve({ opened: true, messages })
        })
        ws.on('unexpected-response', (_req, res) => {
          resolve({ opened: false, messages, status: res.statusCode })
          ws.terminate()
        })
        ws.on('error', () => resolve({ opened: false, messages }))
      })
    const origin = () => `http://127.0.0.1:${host.port}`

    it('is refused without a matching Origin or the token, before any message', async () => {
      const tok = ['chaintrail', `token.${host.token}`]
      for (const [what, headers, protocols, status] of [
        ['foreign Origin', { origin: 'https://evil.example' }, tok, 403],
        ['no Origin', {}, tok, 403],
        ['bad Host', { origin: origin(), host: 'evil.example' }, tok, 421],
        ['no token', { origin: origin() }, ['chaintrail'], 401],
        ['wrong token', { origin: origin() }, ['chaintrail', `token.${'B'.repeat(43)}`], 401]
      ] as const) {
        const r = await open(headers, [...protocols])
        expect(r, what).toEqual({ opened: false, messages: 0, status })
      }
    })

    it('opens with Origin + token and pushes case-changed after a mutation', async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, ['chaintrail', `token.${host.token}`], { headers: { origin: origin() } })
      await new Promise((r) => ws.once('open', r))
      expect(ws.protocol).toBe('chaintrail')
      const got = new Promise<{ event: string; payload: { method: string } }>((r) => ws.once('message', (m) => r(JSON.parse(String(m)))))
      const body = JSON.stringify({ method: 'cases.create', input: { title: 'T', caseNumber: 'N-1', examiner: 'E' } })
      const res = await req(host, '/api/invoke', { method: 'POST', headers: { ...json, authorization: `Bearer ${host.token}` }, body })
      expect(JSON.parse(res.body).ok).toBe(true)
      expect(await got).toMatchObject({ event: 'case-changed', payload: { method: 'cases.create' } })
      ws.close()
    })
  })
})
