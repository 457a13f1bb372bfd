import { describe, expect, it } from 'vitest'
import '../../../../../src/core/importers/index'
import { BTC_TX, type BtcTxRecord } from '../../../../../src/core/chains/bitcoin/utxo/records'
import { WireReader, WireWriter } from '../../../../../src/core/importers/wire'
import { KeyTable, WireKeys } from '../../../../../src/core/importers/wire-keys'
import { decodeBatch, encodeRecord } from '../../../../../src/core/importers/wire-records'
import type { ImportRecord } from '../../../../../src/core/importers/types'

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

/**
 * A record read from the wire as the plain record it stands for: its hash fields as text (read through the getters
 * the sink uses on a merge), without the stored forms and keys worked out for the sink (records.ts txidIn…).
 */
function plain(r: ImportRecord): ImportRecord {
  if (r.kind !== BTC_TX) return r
  const d = r.data as BtcTxRecord
  const { txidIn: _t, wtxidIn: _w, keys: _k, ...rest } = { ...d }
  return {
    ...r,
    data: {
      ...rest, txid: d.txid, wtxid: d.wtxid,
      inputs: d.inputs.map(({ prevIn: _p, addrKey: _a, ...i }) => ({ ...i, prevTxid: d.inputs[i.index].prevTxid })),
      outputs: d.outputs.map(({ spentIn: _s, addrKey: _a, ...o }, k) => ({ ...o, spentByTxid: d.outputs[k].spentByTxid }))
    }
  }
}

describe('Bitcoin tx wire codec', () => {
  it('round-trips records through a cloned batch (as postMessage does), repeated strings via the string table', () => {
    const recs = [tx(0, 'bc1qexample'), tx(1, null), tx(2, 'bc1qexample')].map((data, i) => ({ kind: BTC_TX, loc: { line: i + 2 }, data }))
    const w = new WireWriter(16)
    for (const r of recs) encodeRecord(r, w)
    const { batch, transfer } = w.take()
    expect(batch.table).toEqual([BTC_TX, 'btc', '/vin/0', 'p2wpkh', '/vout/0', 'op_return', '/vout/1'])
    // the address travels once, as a key; the txids and prev txids as bytes
    expect(batch.strs).toEqual(['bc1qexample', '6a00', '6a00', '6a00'])
    expect(batch.b).toBe(6 * 32)
    const back = decodeBatch(structuredClone(batch, { transfer }), new WireKeys()).map(plain)
    // scriptsig and witness travel as null, and so does a script that is its address's (the sink re-derives it, see
    // wire.ts); everything else keeps its value, undefined included
    const expected = recs.map((r) => ({ ...r, data: { ...r.data, outputs: r.data.outputs.map((o) => (o.scriptIsAddress ? { ...o, scriptHex: null } : o)) } }))
    expect(back).toEqual(expected)
    expect((back[0].data as BtcTxRecord).outputs[1].scriptHex).toBe('6a00')
    expect(back[0].data as BtcTxRecord).toHaveProperty('wtxid', undefined)
    expect((back[1].data as BtcTxRecord).inputs[0].address).toBeNull()
    // the writer is empty again and its next batch has buffers of its own (this one's were transferred)
    expect(w.size).toBe(0)
    expect(batch.tags.byteLength).toBe(0)
  })

  it('keeps bigints beyond 2^53, negative and fractional numbers, odd locations and kinds without a codec exactly', () => {
    const big = tx(0, 'bc1qexample')
    big.fee = 2n ** 53n
    big.inputs[0].value = -(2n ** 64n)
    big.outputs[0].value = 2n ** 53n - 1n
    big.version = -2147483648
    big.seenTime = 1.5
    big.wtxid = null
    const recs = [
      { kind: BTC_TX, loc: { line: 3, column: 7 }, data: big },
      { kind: BTC_TX, loc: { pointer: '/txs/0' }, data: tx(1, null) },
      { kind: 'no.codec', loc: { line: 9 }, data: { a: [1, 'x', null], b: 5n } },
      { kind: BTC_TX, loc: {}, data: tx(2, 'bc1qexample') }
    ]
    const w = new WireWriter(4)
    for (const r of recs) encodeRecord(r, w)
    const { batch, transfer } = w.take()
    const back = decodeBatch(structuredClone(batch, { transfer }), new WireKeys()).map(plain)
    const d = back[0].data as BtcTxRecord
    expect(d.fee).toBe(2n ** 53n)
    expect(d.inputs[0].value).toBe(-(2n ** 64n))
    expect(d.outputs[0].value).toBe(2n ** 53n - 1n)
    expect([d.version, d.seenTime, d.wtxid]).toEqual([-2147483648, 1.5, null])
    expect(back.map((r) => r.loc)).toEqual(recs.map((r) => r.loc))
    expect(back[2]).toEqual(recs[2])
    expect(back.map((r) => r.kind)).toEqual(recs.map((r) => r.kind))
  })

  it('gives back every value written, through the string table or not, over batches that grow and are reused', () => {
    let seed = 7
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n)
    const w = new WireWriter(8)
    for (let b = 0; b < 4; b++) {
      const written: unknown[] = []
      for (let i = 0; i < 3000; i++) {
        const kind = rnd(3)
        const pick = rnd(12)
        const v = pick < 9 ? 'str' + rnd(pick < 5 ? 6 : 40) : pick === 9 ? null : pick === 10 ? undefined : 5
        if (kind === 0) w.sym(v)
        else if (kind === 1) w.near(v)
        else w.val(v)
        written.push(v)
      }
      const { batch, transfer } = w.take()
      const back = structuredClone(batch, { transfer })
      const r = new WireReader(back, new WireKeys())
      expect(written.map(() => r.val())).toEqual(written)
      expect(r.done).toBe(true)
      // fewer strings than mentions travel: repeats go through the table
      expect(back.table.length + back.strs.length).toBeLessThan(written.filter((x) => typeof x === 'string').length)
      w.recycle(back.tags, back.nums)
    }
  })
})
