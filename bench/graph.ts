/**
 * Graph workspace bench: `node --import tsx bench/graph.ts [1000,10000,50000]`
 * Headless Debian Chromium with software WebGL (SwiftShader), through the real dev host and contract.
 * For each size: N synthetic addresses with ~4N transfers (bench/synthetic-provider.ts) saved as one view;
 * measures core graph.build (in Node), "open view" click → first frame drawn by sigma with nodes and edges (waited
 * until WebGL has really drawn it: "of which GPU"), and frame intervals while dragging the canvas (panning).
 * Prints a table. BENCH_SHOT=<dir> keeps a picture of each first frame; BENCH_PROFILE=<dir> writes the renderer's CPU
 * profile from the click to the first frame.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startDevHost } from '../src/cli/devhost/server'
import { createCase } from '../src/core/case/case-folder'
import { registerProvider } from '../src/core/explore/providers'
import { GraphState } from '../src/shared/api/areas/graph'
import { addressNodeId } from '../src/shared/graph/ids'
import { switchableProvider, synthAddress } from './synthetic-provider'

const sizes = (process.argv[2] ?? '1000,10000,50000').split(',').map(Number)
const sw = switchableProvider()
registerProvider(sw.provider)
const root = mkdtempSync(join(tmpdir(), 'ct-bench-graph-'))
const host = await startDevHost({ casesRoot: root, port: 0 })
const browser = await chromium.launch({ executablePath: process.env.CHAINTRAIL_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] })
const rows: string[][] = []
const ms = (x: number) => (x < 10_000 ? x.toFixed(0) : (x / 1000).toFixed(1) + ' s')

try {
  for (const n of sizes) {
    sw.use(n)
    const dir = join(root, `bench-${n}`)
    const h = createCase(dir, { title: `Bench ${n}`, caseNumber: `BENCH-${n}`, examiner: 'bench' })
    const caseId = h.meta().id
    h.close()
    host.core.state.openPath(dir)
    const state = GraphState.parse({ nodes: Array.from({ length: n }, (_, i) => addressNodeId('eth', synthAddress(i))) })
    await host.core.invoke('views.save', { caseId, name: `all ${n}`, state })
    // Core time is measured after the page test, on an equivalent state with another cache key (btcMode has
    // no effect on this Ethereum-only data), so neither measurement gets the other's cached model.

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.on('crash', () => console.error('page crashed'))
    page.on('pageerror', (e) => console.error('page error:', e.message))
    await page.goto(host.origin + '/')
    await page.evaluate(() => localStorage.setItem('chaintrail.testHook', '1'))
    await page.goto('about:blank')
    await page.goto(host.url)
    await page.getByRole('row', { name: new RegExp(`Open case BENCH-${n}:`) }).click()
    await page.getByTestId('case-tab-graph').click()
    // Let the tab settle as an analyst would see it (the start panel's busiest-address list, a scan of every
    // transfer, loads on opening the tab) so the click below times opening the view alone.
    await page.getByTestId('seeds').getByRole('button').first().waitFor()
    await page.evaluate(() => document.addEventListener('click', () => ((window as unknown as { __t0: number }).__t0 = performance.now()), { capture: true, once: true }))
    // BENCH_PROFILE=<dir>: a renderer CPU profile (DevTools .cpuprofile) from the click to the first frame.
    const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null
    if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.setSamplingInterval', { interval: 200 })).then(() => cdp.send('Profiler.start'))
    await page.getByTestId('views-list').getByRole('button', { name: new RegExp(`^all ${n}`) }).click()
    await page.waitForFunction((want) => (window.__chaintrailGraph?.nodes ?? 0) === want && window.__chaintrailGraph!.edges > 0 && window.__chaintrailGraph!.firstFrameAt > (window as unknown as { __t0: number }).__t0, n, { timeout: Number(process.env.BENCH_TIMEOUT_MS ?? 300_000), polling: 100 }).catch(async (e: unknown) => {
      console.error('gave up waiting; hook:', await page.evaluate(() => ({ n: window.__chaintrailGraph?.nodes, f: window.__chaintrailGraph?.firstFrameAt, t0: (window as unknown as { __t0: number }).__t0 })))
      throw e
    })
    if (cdp) writeFileSync(join(process.env.BENCH_PROFILE!, `graph-bench-${n}.cpuprofile`), JSON.stringify((await cdp.send('Profiler.stop')).profile))
    const first = await page.evaluate(() => window.__chaintrailGraph!.firstFrameAt - (window as unknown as { __t0: number }).__t0)
    const draw = await page.evaluate(() => window.__chaintrailGraph!.firstFrameAt - window.__chaintrailGraph!.dataAt)
    const gpu = await page.evaluate(() => window.__chaintrailGraph!.firstFrameGpuMs)
    // BENCH_SHOT=<dir>: keep a picture of the first frame, to look at what a big view gives the analyst.
    if (process.env.BENCH_SHOT) await page.screenshot({ path: join(process.env.BENCH_SHOT, `graph-bench-${n}.png`) })

    const b0 = performance.now()
    const built = await host.core.invoke('graph.build', { caseId, state: { ...state, btcMode: 'tx' } })
    const coreMs = performance.now() - b0
    const json = JSON.stringify(built).length
    // Pan: drag the canvas for about 3 s in small steps; frame intervals come from sigma's afterRender.
    const box = (await page.getByTestId('graph-canvas').boundingBox())!
    const cx = box.x + box.width / 2
    const cy = box.y + box.height / 2
    await page.mouse.move(cx, cy)
    await page.mouse.down()
    const p0 = await page.evaluate(() => performance.now())
    let i = 0
    while ((await page.evaluate(() => performance.now())) - p0 < 3000) {
      i++
      await page.mouse.move(cx + 120 * Math.sin(i / 6), cy + 80 * Math.cos(i / 6))
    }
    await page.mouse.up()
    const p1 = await page.evaluate(() => performance.now())
    const times = await page.evaluate(([a, z]) => window.__chaintrailGraph!.frameTimes.filter((t) => t >= a && t <= z), [p0, p1])
    const gaps = times.slice(1).map((t: number, k: number) => t - times[k]).sort((a: number, b: number) => a - b)
    const med = gaps.length ? gaps[Math.floor(gaps.length / 2)] : NaN
    const p95 = gaps.length ? gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] : NaN
    rows.push([String(built.nodes.id.length), String(built.edges.source.length), ms(coreMs), `${(json / 1e6).toFixed(1)} MB`, ms(first), ms(draw), ms(gpu), String(times.length), `${med.toFixed(0)} / ${p95.toFixed(0)}`, (1000 / med).toFixed(1)])
    console.error(`done ${n}: ${rows[rows.length - 1].join(' | ')}`)
    await page.close()
  }
} finally {
  await browser.close()
  await host.close()
  rmSync(root, { recursive: true, force: true })
}

const head = ['nodes', 'edges', 'core graph.build', 'JSON', 'open view → first frame', 'of which drawing', 'of which GPU', 'frames in 3 s pan', 'pan frame ms median / p95', 'pan fps']
const w = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k].length)))
console.log(head.map((h, k) => h.padEnd(w[k])).join('  '))
console.log(w.map((x) => '-'.repeat(x)).join('  '))
for (const r of rows) console.log(r.map((c, k) => c.padStart(w[k])).join('  '))
