import { chmodSync, cpSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addressPool, esploraTx, writeEsploraFile } from '../../../../../bench/lib/esplora-gen'
import { createCore } from '../../../../../src/core/core'
import { LOCAL_FIXTURES } from '../../../../helpers/fixtures'
import { stagePath } from '../../../../helpers/cases'
import { caseDigest } from '../../../../helpers/case-digest'
import { tmpDir } from '../../../../helpers/tmp'
import { btcCase, importError, importFiles } from './helpers'

/**
 * Bulk-load mode (utxo/bulk.ts) and the parse worker (importers/worker-parse.ts) must store exactly what the
 * staged, in-process path stores. CHAINTRAIL_BULK_MIN / CHAINTRAIL_PARSE_WORKER drive small files through them.
 */
const ENV = ['CHAINTRAIL_BULK_MIN', 'CHAINTRAIL_PARSE_WORKER', 'CHAINTRAIL_TX_KEYS_MAX_SLOTS', 'CHAINTRAIL_WIRE_KEYS_MAX'] as const
afterEach(() => {
  for (const k of ENV) delete process.env[k]
})

function schema(db: ReturnType<typeof btcCase>['db']): string[] {
  return (db.prepare("SELECT type || ' ' || name || ' ' || coalesce(sql, '') AS s FROM sqlite_master ORDER BY name").all() as { s: string }[]).map((r) => r.s)
}

/** The same digest for every table the import writes, minus row ids of imports/evidence that differ per case. */
function data(db: ReturnType<typeof btcCase>['db']): Record<string, string> {
  const all = caseDigest(db)
  return Object.fromEntries(['btc_tx', 'btc_input', 'btc_output', 'btc_address', 'record_sources', 'conflicts'].map((t) => [t, all[t]]))
}

async function importWith(env: Partial<Record<(typeof ENV)[number], string>>, files: string[], into?: string[]) {
  const c = btcCase()
  if (into) await importFiles(c.core, c.caseId, into)
  for (const k of ENV) delete process.env[k]
  Object.assign(process.env, env)
  const results = await importFiles(c.core, c.caseId, files)
  for (const k of ENV) delete process.env[k]
  return { ...c, results }
}

describe('bulk-load mode and the parse worker', () => {
  it('store the same rows, aggregates and schema as the staged in-process path', async () => {
    const file = join(tmpDir(), 'txs.json')
    await writeEsploraFile(file, 3000, 500)
    const ref = await importWith({ CHAINTRAIL_PARSE_WORKER: '0' }, [file])
    const fast = await importWith({ CHAINTRAIL_PARSE_WORKER: '1', CHAINTRAIL_BULK_MIN: '1000' }, [file])
    expect(fast.results[0].counts).toEqual(ref.results[0].counts)
    expect(ref.results[0].counts).toMatchObject({ 'transactions.new': 3000, 'inputs.new': 3000, 'outputs.new': 6000 })
    expect(data(fast.db)).toEqual(data(ref.db))
    // Every index dropped for the load is back, with its definition.
    expect(schema(fast.db)).toEqual(schema(ref.db))
    expect(fast.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  // The worker names each address by a key the importing thread maps to its row id (importers/wire.ts, addresses.ts
  // ofKey). 3,000 distinct addresses, ~1,200 in each 500-tx batch: with at most 2,000 keys, the keys start over
  // every second batch or so, and an id kept for a key of the old generation would put rows on the wrong address.
  it('store the same rows when the worker address keys start over mid-file', async () => {
    const file = join(tmpDir(), 'txs.json')
    await writeEsploraFile(file, 3000, 3000)
    const ref = await importWith({ CHAINTRAIL_PARSE_WORKER: '0' }, [file])
    const fast = await importWith({ CHAINTRAIL_PARSE_WORKER: '1', CHAINTRAIL_BULK_MIN: '1000', CHAINTRAIL_WIRE_KEYS_MAX: '2000' }, [file])
    expect(fast.results[0].counts).toEqual(ref.results[0].counts)
    expect(data(fast.db)).toEqual(data(ref.db))
  })

  it('still dedups against rows already in the case and flags disagreements', async () => {
    const dir = tmpDir()
    const pool = addressPool(300)
    const first = join(dir, 'first.json')
    await writeEsploraFile(first, 50, 300)
    // 2,000 new txs, then the first file's 50 again with another fee: they arrive after the switch to bulk mode.
    const again = Array.from({ length: 50 }, (_, i) => esploraTx(i, pool).replace('"fee":1410', '"fee":1411'))
    const fresh = Array.from({ length: 2000 }, (_, i) => esploraTx(50 + i, pool))
    const second = join(dir, 'second.json')
    writeFileSync(second, '[\n' + [...fresh, ...again].join(',\n') + '\n]\n')
    const ref = await importWith({ CHAINTRAIL_PARSE_WORKER: '0' }, [second], [first])
    const fast = await importWith({ CHAINTRAIL_PARSE_WORKER: '1', CHAINTRAIL_BULK_MIN: '1000' }, [second], [first])
    expect(fast.results[0].counts).toMatchObject({ 'transactions.new': 2000, 'transactions.existing': 50, conflicts: 50 })
    expect(fast.results[0].counts).toEqual(ref.results[0].counts)
    expect(fast.results[0].conflicts[0]).toMatchObject({ field: 'fee', existing: '1410', incoming: '1411' })
    expect(data(fast.db)).toEqual(data(ref.db))
    expect(schema(fast.db)).toEqual(schema(ref.db))
  })

  // The unique (network, txid) index is dropped in bulk mode and the keys live in memory (tx-keys.ts). 4096 slots
  // hold 2,048 keys: the table fills part-way and the index is rebuilt mid-import; 1024 slots cannot hold the
  // 1,000 keys present at the switch, so the index is kept from the start.
  it.each([['in memory', undefined], ['outgrowing the memory bound mid-import', '4096'], ['too many at the switch', '1024']])(
    'finds a tx repeated later in the same file (keys %s), as the staged path does',
    async (_what, slots) => {
      const dir = tmpDir()
      const pool = addressPool(300)
      const txs = Array.from({ length: 3000 }, (_, i) => esploraTx(i, pool))
      // Repeats after the switch (1,000 new txs): 20 with another fee (conflicts), 10 identical (no conflict),
      // the first from before the switch, the rest from after it and from after a mid-import fallback.
      const changed = [10, 11, 12, 13, 14, 1500, 1501, 1502, 1503, 1504, 2600, 2601, 2602, 2603, 2604, 2990, 2991, 2992, 2993, 2994].map((i) => txs[i].replace('"fee":1410', '"fee":1411'))
      const same = [20, 21, 1600, 1601, 2700, 2701, 2702, 2995, 2996, 2997].map((i) => txs[i])
      const file = join(dir, 'repeats.json')
      writeFileSync(file, '[\n' + [...txs, ...changed, ...same].join(',\n') + '\n]\n')
      const ref = await importWith({ CHAINTRAIL_PARSE_WORKER: '0' }, [file])
      const fast = await importWith({ CHAINTRAIL_PARSE_WORKER: '1', CHAINTRAIL_BULK_MIN: '1000', ...(slots ? { CHAINTRAIL_TX_KEYS_MAX_SLOTS: slots } : {}) }, [file])
      expect(ref.results[0].counts).toMatchObject({ 'transactions.new': 3000, 'transactions.existing': 30, conflicts: 20 })
      expect(fast.results[0].counts).toEqual(ref.results[0].counts)
      expect(fast.results[0].conflicts.map((c) => c.key)).toEqual(ref.results[0].conflicts.map((c) => c.key))
      expect(data(fast.db)).toEqual(data(ref.db))
      expect(schema(fast.db)).toEqual(schema(ref.db))
      expect(fast.db.pragma('integrity_check', { simple: true })).toBe('ok')
    }
  )

  it('a bulk import that fails at its end leaves data and schema exactly as before; the next import works', async () => {
    const dir = tmpDir()
    const pool = addressPool(300)
    const good = join(dir, 'good.json')
    await writeEsploraFile(good, 100, 300)
    const bad = join(dir, 'bad.json')
    const txs = Array.from({ length: 2500 }, (_, i) => esploraTx(100 + i, pool))
    writeFileSync(bad, '[\n' + txs.join(',\n') + ',\n{"txid": 12}\n]\n')
    const c = btcCase()
    await importFiles(c.core, c.caseId, [good])
    const before = { data: data(c.db), schema: schema(c.db) }
    process.env.CHAINTRAIL_BULK_MIN = '1000'
    process.env.CHAINTRAIL_PARSE_WORKER = '1'
    const e = await importError(c.core, c.caseId, [bad])
    expect(e.message).toMatch(/txid/)
    expect(e).toMatchObject({ file: 'bad.json', line: 2502 })
    expect({ data: data(c.db), schema: schema(c.db) }).toEqual(before)
    // Same session: the rolled-back import's state must not leak into the next one.
    const ok = join(dir, 'ok.json')
    writeFileSync(ok, '[\n' + txs.join(',\n') + '\n]\n')
    const r = await importFiles(c.core, c.caseId, [ok])
    expect(r[0].counts).toMatchObject({ 'transactions.new': 2500 })
    expect(schema(c.db)).toEqual(before.schema)
    expect(c.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})

describe('a case made before bulk mode', () => {
  it('(frozen at schema 1, migrated on open) takes a bulk import and answers tx and address queries', async () => {
    const root = tmpDir()
    const dir = join(root, 'v1-case')
    cpSync(join(LOCAL_FIXTURES, 'cases', 'v1-case'), dir, { recursive: true })
    for (const sub of readdirSync(join(dir, 'evidence'))) for (const f of readdirSync(join(dir, 'evidence', sub))) chmodSync(join(dir, 'evidence', sub, f), 0o444)
    const core = createCore({ casesRoot: root })
    const caseId = core.state.openPath(dir).meta().id
    const file = join(root, 'txs.json')
    const P = 300
    const N = 2500
    await writeEsploraFile(file, N, P)
    process.env.CHAINTRAIL_BULK_MIN = '1000'
    process.env.CHAINTRAIL_PARSE_WORKER = '1'
    const [r] = (await core.invoke('imports.run', { caseId, files: [stagePath(core, file)] })).results
    expect(r.counts).toMatchObject({ 'transactions.new': N, 'outputs.new': 2 * N })
    // Expected figures from the generator's formulas (esplora-gen.ts), not from the database.
    const pool = addressPool(P)
    const who = pool[0].address
    let received = 0n
    let sent = 0n
    let txs = 0
    for (let i = 0; i < N; i++) {
      const inValue = BigInt(1_000_000 + (i % 1000) * 1000)
      const out0 = BigInt(300_000 + (i % 97))
      let hit = false
      if (i % P === 0) ((sent += inValue), (hit = true))
      if ((i * 7 + 3) % P === 0) ((received += out0), (hit = true))
      if ((i * 13 + 5) % P === 0) ((received += inValue - 1410n - out0), (hit = true))
      if (hit) txs++
    }
    const a = await core.invoke('explore.address', { caseId, address: who, txLimit: 5 })
    expect(a).toMatchObject({ address: who, txCount: txs })
    expect(a!.assets[0]).toMatchObject({ received: String(received), sent: String(sent) })
    const tx = await core.invoke('explore.tx', { caseId, txid: a!.transactions[0].txid })
    expect(tx!.outputs).toHaveLength(2)
    expect(tx!.sources[0].file).toBe('txs.json')
    const db = core.state.caseById(caseId).db
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name LIKE 'btc_%' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((x) => x.name)
    expect(indexes).toEqual(['btc_input_by_address', 'btc_input_by_prevout', 'btc_input_unresolved', 'btc_output_by_address', 'btc_tx_by_time', 'btc_tx_key'])
    core.close()
  })
})
