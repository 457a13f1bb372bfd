/**
 * RELIABILITY §6 "Dev host: 1,000 concurrent bad-token requests (HTTP + WebSocket)": every one gets 401/403,
 * the handler counter stays 0, p99 latency < 100 ms, and a valid request still succeeds afterwards.
 * Run: node --import tsx bench/devhost-auth.ts [N]
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { Agent, request } from 'node:http'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import { startDevHost } from '../src/cli/devhost/server'

// The host runs in its own process (as `chaintrail web` does) so the attacking client's event loop does not
// delay it; it reports its port/token on stdout and its handler counter on request.
if (process.argv[2] === '--serve') {
  const work = mkdtempSync(join(tmpdir(), 'ct-bench-devhost-'))
  writeFileSync(join(work, 'index.html'), '<!doctype html>')
  const h = await startDevHost({ casesRoot: join(work, 'cases'), rendererDir: work })
  console.log(JSON.stringify({ port: h.port, token: h.token }))
  createInterface({ input: process.stdin }).on('line', (l) => {
    if (l === 'stats') console.log(JSON.stringify({ handled: h.stats.handled }))
    if (l === 'quit') void h.close().then(() => rmSync(work, { recursive: true, force: true }))
  })
  await new Promise(() => {})
}

const N = Number(process.argv[2] ?? 1000)
const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--serve'], { stdio: ['pipe', 'pipe', 'inherit'] })
const lines = createInterface({ input: child.stdout! })
const nextLine = () => new Promise<string>((r) => lines.once('line', r))
const host = JSON.parse(await nextLine()) as { port: number; token: string }
const handled = async () => {
  child.stdin!.write('stats\n')
  return (JSON.parse(await nextLine()) as { handled: number }).handled
}
const agent = new Agent({ keepAlive: false, maxSockets: Infinity })

/** ms: from issuing to the answer; serverMs: from the request being fully sent to the answer (server time). */
function http(headers: Record<string, string>): Promise<{ status: number; ms: number; serverMs?: number }> {
  const t0 = performance.now()
  let sent = 0
  return new Promise((resolve) => {
    const r = request({ host: '127.0.0.1', port: host.port, path: '/api/invoke', method: 'POST', agent, headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, serverMs: performance.now() - sent }))
    })
    r.on('error', () => resolve({ status: -1, ms: performance.now() - t0 }))
    r.end(JSON.stringify({ method: 'cases.library', input: {} }), () => {
      sent = performance.now()
    })
  })
}

function ws(protocols: string[], origin: string): Promise<{ status: number; ms: number }> {
  const t0 = performance.now()
  return new Promise((resolve) => {
    const s = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, protocols, { headers: { origin } })
    s.on('open', () => {
      s.close()
      resolve({ status: 101, ms: performance.now() - t0 })
    })
    s.on('unexpected-response', (_q, res) => {
      resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 })
      s.terminate()
    })
    s.on('error', () => resolve({ status: -1, ms: performance.now() - t0 }))
  })
}

const wrong = 'A'.repeat(43)
const origin = `http://127.0.0.1:${host.port}`
const jobs: Array<Promise<{ status: number; ms: number; serverMs?: number }>> = []
const t0 = performance.now()
for (let i = 0; i < N; i++) {
  switch (i % 5) {
    case 0:
      jobs.push(http({ authorization: `Bearer ${wrong}` }))
      break
    case 1:
      jobs.push(http({}))
      break
    case 2:
      jobs.push(http({ authorization: `Bearer ${host.token}`, origin: 'https://evil.example' }))
      break
    case 3:
      jobs.push(ws(['chaintrail', `token.${wrong}`], origin))
      break
    default:
      jobs.push(ws(['chaintrail', `token.${host.token}`], 'https://evil.example'))
  }
}
const results = await Promise.all(jobs)
const wall = performance.now() - t0
const ms = results.map((r) => r.ms).sort((a, b) => a - b)
const pctOf = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]
const pct = (p: number) => pctOf(ms, p)
const server = results.flatMap((r) => (r.serverMs === undefined ? [] : [r.serverMs])).sort((a, b) => a - b)
const refused = results.filter((r) => r.status === 401 || r.status === 403).length
const handledAfterAttack = await handled()
const valid = await http({ authorization: `Bearer ${host.token}` })
child.stdin!.write('quit\n')
child.stdin!.end()
setTimeout(() => child.kill(), 500).unref()

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`)
console.log(`dev host in its own process; bad requests: ${N} concurrent (${Math.ceil((N * 3) / 5)} HTTP, ${Math.floor((N * 2) / 5)} WebSocket) in ${wall.toFixed(0)} ms`)
console.log(`refused 401/403: ${refused}/${N}; other statuses: ${JSON.stringify([...new Set(results.filter((r) => r.status !== 401 && r.status !== 403).map((r) => r.status))])}`)
console.log(`latency ms: p50 ${pct(50).toFixed(1)}  p95 ${pct(95).toFixed(1)}  p99 ${pct(99).toFixed(1)}  max ${ms[ms.length - 1].toFixed(1)}`)
console.log(`HTTP sent→answered ms: p50 ${pctOf(server, 50).toFixed(1)}  p99 ${pctOf(server, 99).toFixed(1)} (excludes the client's own queueing of 1,000 sockets)`)
console.log(`handler counter after attack: ${handledAfterAttack}; valid request afterwards: ${valid.status}`)
const ok = refused === N && handledAfterAttack === 0 && valid.status === 200 && pct(99) < 100
console.log(ok ? 'PASS (budget: all refused, counter 0, p99 < 100 ms, valid request 200)' : 'FAIL against the RELIABILITY §6 budget')
process.exitCode = ok ? 0 : 1
