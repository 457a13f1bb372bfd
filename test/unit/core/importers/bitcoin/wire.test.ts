import { describe, expect, it } from 'vitest'
import '../../../../../src/core/importers/index'
import { BTC_TX, type BtcTxRecord } from '../../../../../src/core/chains/bitcoin/utxo/records'
import { decodeBatch, encodeRecord, StringTable } from '../../../../../src/core/importers/wire'

/** A tx record with every kind of field value: strings, null, undefined, bigints, booleans. */
function tx(n: number, address: string | null): BtcTxRecord {
  return {
    network: 'btc', txid: 'ab'.repeat(32), wtxid: undefined, blockHeight: 700000 + n, blockHash: null, blockTime: 1630000000, fee: 1410n, size: 222,
    vsize: 141, weight: 561, version: 2, locktime: 0, coinbase: false, confirmed: true, inputCount: 1, outputCount: 2, complete: true,
    inputs: [{ index: 0, prevTxid: 'cd'.repeat(32), prevVout: 1, address, value: 1000000n, coinbase: false, sequence: 4294967293, scriptsig: null, witness: null, at: '/vin/0' }],
    outputs: [
      { vout: 0, address: 'bc1qexample', scriptType: 'p2wpkh', scriptHex: '0014' + '00'.repeat(20), value: 300000n, scriptIsAddress: true, at: '/vout/0' },
      { vout: 1, address: null, scriptType: 'op_return', scriptHex: '6a00', value: 0n, scriptIsAddress: false, spentByTxid: null, spentByVin: null, at: '/vout/1' }
    ]
  }
}

describe('Bitcoin tx wire codec', () => {
  it('round-trips records through a cloned batch (as postMessage does), repeated strings via the string table', () => {
    const recs = [tx(0, 'bc1qexample'), tx(1, null), tx(2, 'bc1qexample')].map((data, i) => ({ kind: BTC_TX, loc: { line: i + 2 }, data }))
    const out: unknown[] = []
    const strings = new StringTable()
    for (const r of recs) encodeRecord(r, out, strings)
    expect(strings.list).toEqual([BTC_TX, 'btc', 'bc1qexample', '/vin/0', 'p2wpkh', '/vout/0', 'op_return', '/vout/1'])
    const back = [...decodeBatch(structuredClone(out), structuredClone(strings.list))]
    // scriptsig and witness travel as null, and so does a script that is its address's (the sink re-derives it, see
    // wire.ts); everything else keeps its value, undefined included
    const expected = recs.map((r) => ({ ...r, data: { ...r.data, outputs: r.data.outputs.map((o) => (o.scriptIsAddress ? { ...o, scriptHex: null } : o)) } }))
    expect(back).toEqual(expected)
    expect((back[0].data as BtcTxRecord).outputs[1].scriptHex).toBe('6a00')
    expect(back[0].data as BtcTxRecord).toHaveProperty('wtxid', undefined)
    expect((back[1].data as BtcTxRecord).inputs[0].address).toBeNull()
  })
})
