/**
 * Builds resources/labels/starter.json from the real public files in ../shared/fixtures/labels: it imports each
 * source with Chaintrail's own importers (so every address passed the same validation) and writes one plain-JSON
 * label per entry with its source URL and where it was taken from. Run: node --import tsx scripts/build-starter-labels.ts
 */
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createCase } from '../src/core/case/case-folder'
import { createCore } from '../src/core/core'

const FIX = process.env.CHAINTRAIL_SHARED_FIXTURES ?? resolve(import.meta.dirname, '../../shared/fixtures')
const OUT = resolve(import.meta.dirname, '../resources/labels')
const PACKS = ['exchange-wallets-binance.yaml', 'exchange-wallets-huobi.yaml', 'exchange-wallets-kucoin.yaml', 'exchange-wallets-okx.yaml', 'tornado_cash.yaml', 'lazarus.yaml', 'lazarus2.yaml', 'ronin_bridge.yaml']
const COMMIT = '29ff93c'

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'ct-starter-'))
  const dir = join(root, 'case')
  const h = createCase(dir, { title: 'starter', caseNumber: 'S', examiner: 'build script' })
  const caseId = h.meta().id
  h.close()
  const core = createCore({ casesRoot: root })
  core.state.openPath(dir)
  // curated.csv: bridge and router contracts and a recent exploiter that the shared packs lack, each with the
  // official page that publishes it; every address was also cross-checked against public code listing it.
  const files = [...PACKS.map((p) => join(FIX, 'labels/graphsense-tagpacks', p)), join(FIX, 'labels/ofac/SDN_excerpt_lazarus_row.csv'), join(OUT, 'curated.csv')]
  const skipped: string[] = []
  for (const f of files) {
    const { results } = await core.invoke('labels.import', { caseId, files: [{ uploadId: core.state.stage({ path: f, originalName: f.split('/').pop()!, owned: false }) }], skipInvalid: true })
    skipped.push(...results[0].warnings.filter((w) => w.startsWith('skipped')).map((w) => `${results[0].file}: ${w}`))
  }
  const { labels } = await core.invoke('labels.list', { caseId, limit: 10000 })
  core.close()
  const seen = new Set<string>()
  const out = []
  for (const l of labels.sort((a, b) => a.id - b.id)) {
    if (l.target.kind !== 'address') continue
    const key = [l.target.addressText, l.target.network, l.name, l.source].join('\u0000').toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    const from = l.sdnUid
      ? `OFAC SDN.CSV entity ${l.sdnUid} ${l.sdnName}, program ${l.sdnProgram} (row copy: NishuSingh28/Sentinel-RAG data/sdn.csv @457e3a21)`
      : l.evidence!.file === 'curated.csv'
        ? `resources/labels/curated.csv ${l.evidence!.locator}: ${l.note}`
        : `graphsense/graphsense-tagpacks@${COMMIT} packs/${l.evidence!.file} ${l.evidence!.locator} (MIT, see LICENSE-graphsense-tagpacks)`
    out.push({ address: l.target.addressText, chain: l.target.network, label: l.name, category: l.category, source: l.source, confidence: l.confidenceId, author: l.author, note: `${from}${l.concept ? `; concepts: ${l.concept}` : ''}${l.actor ? `; actor: ${l.actor}` : ''}` })
  }
  const doc = {
    title: 'Chaintrail starter labels',
    creator: 'Chaintrail (compiled from public sources)',
    description: 'Well-known public facts, each with its source URL: exchange reserve wallets, Tornado Cash contracts, bridge contracts, THORChain routers, Lazarus/Ronin/Bybit sanctioned and exploiter addresses. See README.md.',
    labels: out
  }
  writeFileSync(join(OUT, 'starter.json'), JSON.stringify(doc, null, 1) + '\n')
  copyFileSync(join(FIX, 'labels/graphsense-tagpacks/LICENSE'), join(OUT, 'LICENSE-graphsense-tagpacks'))
  console.log(`${out.length} labels written; ${skipped.length} source entries left out:`)
  for (const s of skipped) console.log('  ' + s)
}

void main()
