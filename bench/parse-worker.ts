import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { initChains } from '../src/core/chains/init'
import '../src/core/importers/index'
import { importerById } from '../src/core/importers/registry'
import { WireWriter } from '../src/core/importers/wire'
import { encodeRecord } from '../src/core/importers/wire-records'
import { parseInWorker, startParseWorker } from '../src/core/importers/worker-parse'
import { writeEsploraFile } from './lib/esplora-gen'

/**
 * Bench of the parse worker alone (no database): N synthetic Esplora txs are parsed by the real worker while this
 * thread only decodes the batches, so the worker's CPU per tx can be watched without the sink's noise. Prints the
 * CPU seconds of the worker thread (from /proc, less its start-up, measured on an empty run) and of this thread.
 * `--inproc` runs the worker's loop here instead (parse + encode + a structured clone per batch), for --cpu-prof.
 * Run: node --import tsx bench/parse-worker.ts [--n 200000] [--inproc]   (the file is kept in the temp dir by N)
 */
const arg = (k: string) => {
  const i = process.argv.indexOf(k)
  return i > 0 ? process.argv[i + 1] : undefined
}
const N = Number(arg('--n') ?? 200_000)
const file = join(tmpdir(), `ct-bench-parse-${N}.json`)

function threadTicks(): Map<string, number> {
  const m = new Map<string, number>()
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const f = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8')
      const s = f.slice(f.lastIndexOf(')') + 2).split(' ')
      m.set(tid, Number(s[11]) + Number(s[12]))
    } catch {
      /* thread gone */
    }
  }
  return m
}

async function main(): Promise<void> {
  if (!existsSync(file)) await writeEsploraFile(file, N)
  const size = statSync(file).size
  initChains()
  const imp = importerById('esplora-json')
  const input = { name: 'esplora.json', size, open: () => createReadStream(file, { highWaterMark: 1 << 20 }) }
  if (process.argv.includes('--inproc')) {
    const t0 = process.cpuUsage()
    const wall = Date.now()
    let n = 0
    const w = new WireWriter()
    let k = 0
    for await (const recs of imp.parseBatches!(input, {})) {
      for (const rec of recs) {
        encodeRecord(rec, w)
        n++
        if (++k === 500) {
          const { batch, transfer } = w.take()
          structuredClone(batch, { transfer })
          k = 0
        }
      }
    }
    const c = process.cpuUsage(t0)
    console.log(`in-process: ${n} txs in ${(Date.now() - wall) / 1000} s wall, CPU ${((c.user + c.system) / 1e6).toFixed(2)} s = ${((c.user + c.system) / n).toFixed(2)} µs/tx`)
    return
  }
  const before = threadTicks()
  const t = Date.now()
  const pw = startParseWorker()
  let n = 0
  const mainCpu = process.cpuUsage()
  // Sampled while the worker lives: its /proc entry goes when it exits.
  let after = threadTicks()
  let b = 0
  for await (const batch of parseInWorker(pw, imp, file, input, {})) {
    n += batch.length
    if (++b % 20 === 0) after = threadTicks()
  }
  const mc = process.cpuUsage(mainCpu)
  for (const [k, v] of threadTicks()) after.set(k, v)
  const per = [...after].map(([tid, v]) => ({ tid, s: (v - (before.get(tid) ?? 0)) / 100 })).filter((x) => x.tid !== String(process.pid) && x.s >= 0.05).sort((a, b) => b.s - a.s)
  const worker = per[0]?.s ?? 0
  console.log(`worker: ${n} txs in ${((Date.now() - t) / 1000).toFixed(1)} s wall; worker thread ${worker.toFixed(2)} s CPU = ${((worker * 1e6) / n).toFixed(1)} µs/tx (start-up included); this thread ${((after.get(String(process.pid))! - before.get(String(process.pid))!) / 100).toFixed(2)} s (decode); process ${((mc.user + mc.system) / 1e6).toFixed(2)} s; other threads ${per.slice(1).map((x) => x.s.toFixed(2)).join(' ')}`)
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
