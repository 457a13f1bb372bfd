/**
 * Screening benchmark: 1,000,000 case addresses against 1,000,000 labels (10,000 of the case addresses are
 * labelled). Prints the seconds screenCase takes and the process's peak RSS. Goal: under 5 s.
 * Run: node --import tsx bench/screen.ts [addresses] [labels]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { addrHash } from '../src/core/attribution/addr-hash'
import { labelsForAddresses } from '../src/core/attribution/label-lookup'
import { screenCase } from '../src/core/attribution/screen'
import { createCase } from '../src/core/case/case-folder'
import { registerProvider } from '../src/core/explore/providers'

const N_ADDR = Number(process.argv[2] ?? 1_000_000)
const N_LABELS = Number(process.argv[3] ?? 1_000_000)
const HITS = 10_000

/** Deterministic 40-hex EVM address number i of a series. */
function addr(series: number, i: number): string {
  return '0x' + series.toString(16).padStart(8, '0') + i.toString(16).padStart(32, '0')
}

const root = mkdtempSync(join(tmpdir(), 'ct-bench-screen-'))
try {
  const h = createCase(join(root, 'case'), { title: 'bench', caseNumber: 'B', examiner: 'bench' })
  const db = h.db
  let t = performance.now()
  const ins = db.prepare(
    "INSERT INTO labels (network, address, addr_hash, address_text, address_check, name, category, source_kind, confidence_id, confidence, author, created_at, updated_at) VALUES ('eth', ?, ?, ?, 'valid', ?, ?, 'examiner', 'forensic', 50, 'bench', '2026-01-01', '2026-01-01')"
  )
  const cats = ['sanctioned', 'theft_hack', 'mixer', 'exchange', 'scam']
  db.transaction(() => {
    for (let i = 0; i < N_LABELS; i++) {
      // The first HITS labels sit on case addresses; the rest on addresses the case does not hold.
      const a = i < HITS ? addr(1, i * Math.floor(N_ADDR / HITS)) : addr(2, i)
      ins.run(a, addrHash('eth', a), a, `label ${i}`, cats[i % cats.length])
    }
  })()
  console.log(`setup: ${N_LABELS.toLocaleString('en')} labels inserted in ${((performance.now() - t) / 1000).toFixed(1)} s`)
  registerProvider({
    id: 'bench',
    handles: () => false,
    networks: () => [],
    addresses: () => ({ total: 0, rows: [] }),
    transactions: () => ({ total: 0, rows: [] }),
    address: () => undefined,
    tx: () => undefined,
    transfers: () => [],
    *addressKeys() {
      for (let i = 0; i < N_ADDR; i++) yield { network: 'eth', address: addr(1, i) }
    }
  })
  t = performance.now()
  const cpu0 = process.cpuUsage()
  const r = screenCase(db)
  const secs = (performance.now() - t) / 1000
  const cpu = process.cpuUsage(cpu0)
  console.log(`screen: ${r.addressesChecked.toLocaleString('en')} case addresses × ${r.labelsChecked.toLocaleString('en')} labels → ${r.hits.length.toLocaleString('en')} hits in ${secs.toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (goal < 5 s; the machine is shared, so wall time rises with its load)`)
  console.log(`first hit: ${r.hits[0].category} ${r.hits[0].address}; by category ${JSON.stringify(r.byCategory)}`)
  // The seam the graph and tables call: labels of 100,000 addresses (1 in 10 labelled) in one call.
  const refs = Array.from({ length: 100_000 }, (_, i) => ({ network: 'eth', address: addr(1, i * 10) }))
  t = performance.now()
  const m = labelsForAddresses(db, refs)
  console.log(`labelsForAddresses: 100,000 addresses → ${m.size.toLocaleString('en')} labelled in ${((performance.now() - t) / 1000).toFixed(2)} s`)
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
  h.close()
} finally {
  rmSync(root, { recursive: true, force: true })
}
