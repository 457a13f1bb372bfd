import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TxDetail } from '../../../../../src/shared/api/areas/explore'
import { splitProRata } from '../../../../../src/core/chains/bitcoin/utxo/transfers'
import { LOCAL_FIXTURES, shared, sharedFixturesMissing } from '../../../../helpers/fixtures'
import { tmpDir } from '../../../../helpers/tmp'
import { btcCase, importFiles } from './helpers'

const X = 'explorer-formats/'
const F170 = 'f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16'
const RAW170 = X + 'bitcoin-raw/mainnet_block170_p2pk_satoshi_to_hal_f4184fc59640.hex'
const ESP170 = join(LOCAL_FIXTURES, 'btc/esplora_tx_f4184fc5_block170.json')
const BC170 = join(LOCAL_FIXTURES, 'btc/blockchain-com_rawtx_f4184fc5_block170.json')
const ESP9 = join(LOCAL_FIXTURES, 'btc/esplora_tx_0437cd7f_block9_coinbase.json')

/** What must be identical whichever explorer the tx came from. */
function facts(d: TxDetail) {
  return {
    txid: d.txid,
    inputs: d.inputs!.map((i) => ({ index: i.index, prevVout: i.prevVout, address: i.address, value: i.value, coinbase: i.coinbase })),
    outputs: d.outputs!.map((o) => ({ index: o.index, address: o.address, scriptType: o.scriptType, value: o.value }))
  }
}

describe.skipIf(!!sharedFixturesMissing)('the same transaction from several explorers', () => {
  it('block 170 tx from Esplora JSON, blockchain.com JSON and raw hex: one tx, identical inputs/outputs/values', async () => {
    const single = async (file: string) => {
      const { core, caseId } = btcCase()
      await importFiles(core, caseId, [file])
      return core.invoke('explore.tx', { caseId, txid: F170 })
    }
    const esp = await single(ESP170)
    const bc = await single(BC170)
    const raw = await single(shared(RAW170))
    // Outputs: 10 BTC to Hal's key (shown as 1Q2TWHE3…), 40 BTC back to Satoshi's (12cbQLTF…), both P2PK.
    const expected = [
      { index: 0, address: '1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3', scriptType: 'p2pk', value: '1000000000' },
      { index: 1, address: '12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S', scriptType: 'p2pk', value: '4000000000' }
    ]
    for (const d of [esp, bc, raw]) expect(facts(d).outputs).toEqual(expected)
    // The input: Esplora and blockchain.com give its value and address; raw hex cannot (it is resolved later).
    expect(facts(esp).inputs).toEqual(facts(bc).inputs)
    expect(esp.inputs![0]).toMatchObject({ prevTxid: '0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9', prevVout: 0, value: '5000000000' })
    expect(bc.inputs![0].prevTxid).toBeNull() // blockchain.com has only its internal tx_index
    expect(raw.inputs![0]).toMatchObject({ prevTxid: esp.inputs![0].prevTxid, prevVout: 0, value: null })

    // All three into one case, in an order where each adds something: one tx, three sources, no conflict.
    const { core, caseId, db } = btcCase()
    const results = await importFiles(core, caseId, [shared(RAW170), BC170, ESP170])
    expect(results.map((r) => r.counts['transactions.new'] ?? 0)).toEqual([1, 0, 0])
    expect(results.map((r) => r.counts['transactions.existing'] ?? 0)).toEqual([0, 1, 1])
    expect(results.flatMap((r) => r.conflicts)).toEqual([])
    expect((db.prepare('SELECT count(*) AS n FROM btc_tx').get() as { n: number }).n).toBe(1)
    const merged = await core.invoke('explore.tx', { caseId, txid: F170 })
    expect(facts(merged)).toEqual(facts(esp))
    expect(merged.inputs![0].prevTxid).toBe(esp.inputs![0].prevTxid)
    expect(merged.sources.map((s) => s.file)).toEqual([RAW170.split('/').pop(), 'blockchain-com_rawtx_f4184fc5_block170.json', 'esplora_tx_f4184fc5_block170.json'])
    expect(merged).toMatchObject({ block: 170, time: 1231731025, fee: '0', amount: '5000000000' })
  })

  it('raw hex inputs are resolved when the funding tx is imported later', async () => {
    const { core, caseId } = btcCase()
    const [first] = await importFiles(core, caseId, [shared(RAW170)])
    expect(first.warnings.join()).toMatch(/1 input\(s\) in the case have no known value yet/)
    const [second] = await importFiles(core, caseId, [ESP9])
    expect(second.counts['inputs.resolved']).toBe(1)
    const tx = await core.invoke('explore.tx', { caseId, txid: F170 })
    expect(tx.inputs![0]).toMatchObject({ value: '5000000000', address: '12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S' })
    // Satoshi's key: received 50 (block 9) + 40 (change) = 90 BTC, sent 50 → balance 40 BTC.
    const a = await core.invoke('explore.address', { caseId, address: '12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S' })
    expect(a.assets[0]).toMatchObject({ received: '9000000000', sent: '5000000000', balance: '4000000000', inCount: 2, outCount: 1 })
    expect(a.txCount).toBe(2)
  })

  it.each(['1db6251a', 'eb4d2def'])('blockchain.com and BlockCypher agree on %s (one row, two sources)', async (p) => {
    const { core, caseId } = btcCase()
    const bcFile = p === '1db6251a' ? 'rawtx_1db6251a_p2pk.json' : 'rawtx_eb4d2def_op_return.json'
    const cyFile = p === '1db6251a' ? 'txs_1db6251a_p2pk.json' : 'txs_eb4d2def_op_return.json'
    const results = await importFiles(core, caseId, [shared(X + 'blockchain-info/' + bcFile), shared(X + 'blockcypher/' + cyFile)])
    expect(results[1].counts).toMatchObject({ 'transactions.existing': 1 })
    expect(results.flatMap((r) => r.conflicts)).toEqual([])
    const { rows, total } = await core.invoke('explore.transactions', { caseId, network: 'btc' })
    expect(total).toBe(1)
    expect(rows[0].sources.map((s) => s.file)).toEqual([bcFile, cyFile])
    const d = await core.invoke('explore.tx', { caseId, txid: rows[0].txid })
    // BlockCypher supplies the prev txid blockchain.com lacks.
    expect(d.inputs![0].prevTxid).toMatch(/^[0-9a-f]{64}$/)
  })

  it('a disagreement is a conflict: both values kept, the first stays on the row', async () => {
    const dir = tmpDir()
    const altered = join(dir, 'esplora_altered.json')
    const text = (await import('node:fs')).readFileSync(ESP170, 'utf8').replace('"block_height":170', '"block_height":171').replace('"value":4000000000', '"value":4000000001')
    writeFileSync(altered, text)
    copyFileSync(ESP170, join(dir, 'orig.json'))
    const { core, caseId } = btcCase()
    await importFiles(core, caseId, [join(dir, 'orig.json')])
    const [r] = await importFiles(core, caseId, [altered])
    expect(r.conflicts.map((c) => [c.field, c.existing, c.incoming])).toEqual([
      ['block_height', '170', '171'],
      ['vout/1/value', '4000000000', '4000000001']
    ])
    const d = await core.invoke('explore.tx', { caseId, txid: F170 })
    expect(d.block).toBe(170)
    expect(d.conflicted).toBe(true)
    expect(d.conflicts[1]).toMatchObject({ existingSource: { file: 'orig.json' }, incomingSource: { file: 'esplora_altered.json' } })
    // Re-importing the same file adds nothing.
    const [again] = await importFiles(core, caseId, [join(dir, 'orig.json')])
    expect(again).toMatchObject({ evidenceAlreadyPresent: true, conflicts: [] })
    expect(again.counts['transactions.new'] ?? 0).toBe(0)
  })
})

describe('transfer attribution', () => {
  it('splits an output pro rata with exact remainders', () => {
    // 100 sat over inputs worth 1:1:1 → 34/33/33 (largest remainder, ties by address order).
    expect(splitProRata(100n, [['a', 1n], ['b', 1n], ['c', 1n]])).toEqual([['a', 34n], ['b', 33n], ['c', 33n]])
    const parts = splitProRata(123456789012345678n, [['x', 7n], ['y', 11n], ['z', 13n]])
    expect(parts.reduce((t, [, v]) => t + v, 0n)).toBe(123456789012345678n)
  })
})

describe.skipIf(!!sharedFixturesMissing)('transfer view of a real tx', () => {
  it('block 170: Satoshi → Hal 10 BTC and Satoshi → Satoshi 40 BTC (change kept), carrying the output source', async () => {
    const { core, caseId, db } = btcCase()
    await importFiles(core, caseId, [ESP170])
    const { utxoProvider } = await import('../../../../../src/core/chains/bitcoin/utxo/provider')
    const ts = [...utxoProvider.transfers(db, { network: 'btc' })]
    expect(ts.map((t) => [t.from, t.to, t.amount, t.kind, t.index, t.locator])).toEqual([
      ['12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S', '1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3', 1000000000n, 'utxo', '0:0', '/vout/0'],
      ['12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S', '12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S', 4000000000n, 'utxo', '1:0', '/vout/1']
    ])
    expect([...utxoProvider.transfers(db, { addresses: ['1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3'] })]).toHaveLength(1)
    expect([...utxoProvider.addressKeys(db)]).toHaveLength(2)
  })
})
