import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addressPool, esploraTx } from '../../../../../bench/lib/esplora-gen'
import { recomputeAddressTotals } from '../../../../../src/core/chains/bitcoin/utxo/finish'
import { shared, sharedFixturesMissing } from '../../../../helpers/fixtures'
import { tmpDir } from '../../../../helpers/tmp'
import { btcCase, importFiles } from './helpers'

/**
 * Address totals of new txs are summed while the file streams (utxo/address-totals.ts), the rest by the
 * end-of-import query. Whatever mix an import has, the stored totals must equal a full recompute from every
 * input and output in the case.
 */
afterEach(() => {
  delete process.env.CHAINTRAIL_TOTALS_SLOTS
})

type Db = ReturnType<typeof btcCase>['db']

function addressRows(db: Db): unknown[] {
  return db.prepare('SELECT network, address, tx_count, received, sent, in_count, out_count, first_seen, last_seen FROM btc_address ORDER BY id').safeIntegers(true).all()
}

/** The stored totals, and what a full recompute gives (computed inside a savepoint that is rolled back). */
function storedAndRecomputed(db: Db): { stored: unknown[]; recomputed: unknown[] } {
  const stored = addressRows(db)
  db.exec('SAVEPOINT recompute')
  try {
    recomputeAddressTotals(db)
    return { stored, recomputed: addressRows(db) }
  } finally {
    db.exec('ROLLBACK TO recompute; RELEASE recompute')
  }
}

const dir = (d: string) => shared('explorer-formats/' + d)
const files = (d: string, pick: (f: string) => boolean) =>
  readdirSync(dir(d))
    .filter(pick)
    .map((f) => join(dir(d), f))

describe.skipIf(!!sharedFixturesMissing)('streamed address totals on real samples', () => {
  for (const slots of [undefined, '2']) {
    it(`equal a full recompute after every import${slots ? ' (spilling every 2 addresses)' : ''}`, async () => {
      if (slots) process.env.CHAINTRAIL_TOTALS_SLOTS = slots
      const { core, caseId, db } = btcCase()
      // One import mixing txs whose inputs are all known (Esplora) with raw hex txs (input values resolved at the
      // end), then further sources that add to and overlap with what is there.
      const steps = [
        [...files('esplora', (f) => f.startsWith('mempool-space_') || f.startsWith('blockstream_')), ...files('bitcoin-raw', (f) => f.endsWith('.hex'))],
        files('blockchain-info', (f) => f.startsWith('rawtx_')),
        files('esplora', (f) => f.startsWith('address_txs') || f.startsWith('tx_unconfirmed')),
        files('blockcypher', (f) => f.startsWith('txs_'))
      ]
      let streamed = 0
      for (const step of steps) {
        expect(step.length).toBeGreaterThan(0)
        const results = await importFiles(core, caseId, step)
        streamed += results.reduce((n, r) => n + (r.counts['transactions.new'] ?? 0), 0)
        const { stored, recomputed } = storedAndRecomputed(db)
        expect(stored.length).toBeGreaterThan(0)
        expect(stored).toEqual(recomputed)
      }
      expect(streamed).toBeGreaterThan(30)
    })
  }
})

describe('streamed address totals on generated txs', () => {
  it('equal a full recompute with addresses repeated within and across txs, with and without spills', async () => {
    const pool = addressPool(5)
    const path = join(tmpDir(), 'gen.json')
    // Five addresses over 300 txs: every address appears in many txs, often twice in one (input and output).
    writeFileSync(path, '[' + Array.from({ length: 300 }, (_, i) => esploraTx(i, pool)).join(',') + ']')
    for (const slots of [undefined, '3']) {
      if (slots) process.env.CHAINTRAIL_TOTALS_SLOTS = slots
      const { core, caseId, db } = btcCase()
      const [r] = await importFiles(core, caseId, [path])
      expect(r.counts['transactions.new']).toBe(300)
      const { stored, recomputed } = storedAndRecomputed(db)
      expect(stored).toHaveLength(5)
      expect(stored).toEqual(recomputed)
      // Each address's tx count is at most 300 and the five sum to more than 300 (shared txs counted per address).
      const counts = (stored as { tx_count: bigint }[]).map((a) => Number(a.tx_count))
      expect(Math.max(...counts)).toBeLessThanOrEqual(300)
      expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(300)
    }
  })
})
