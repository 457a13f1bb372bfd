import { describe, expect, it } from 'vitest'
import { hashIn } from '../../../../src/core/chains/bitcoin/utxo/compact'
import { WireReader, WireWriter, type WireBatch } from '../../../../src/core/importers/wire'
import { WireKeys, type KeyMemo } from '../../../../src/core/importers/wire-keys'

/** A batch as the importing thread receives it (postMessage: cloned, arrays transferred). */
function send(w: WireWriter): WireBatch {
  const { batch, transfer } = w.take()
  return structuredClone(batch, { transfer })
}

/** Each value `key` wrote to a batch read back: [text, key]. */
function readKeys(b: WireBatch, keys: WireKeys, count: number): { got: [unknown, number][]; table: object } {
  const r = new WireReader(b, keys)
  const got: [unknown, number][] = []
  for (let k = 0; k < count; k++) got.push([r.keyed(), r.lastKey])
  expect(r.done).toBe(true)
  return { got, table: r.keys }
}

describe('wire keys (strings that outlive a batch)', () => {
  it('give the same key to the same text across batches, and send the text once', () => {
    const w = new WireWriter(4, 100)
    const keys = new WireKeys()
    for (const a of ['a1', 'a2', 'a1', null]) w.key('btc', a)
    const b1 = send(w)
    expect(b1.strs).toEqual(['a1', 'a2'])
    const one = readKeys(b1, keys, 4)
    expect(one.got).toEqual([['a1', 0], ['a2', 1], ['a1', 0], [null, -1]])
    for (const a of ['a2', 'a3', 'a1']) w.key('btc', a)
    const b2 = send(w)
    expect(b2.strs).toEqual(['a3'])
    const two = readKeys(b2, keys, 3)
    expect(two.got).toEqual([['a2', 1], ['a3', 2], ['a1', 0]])
    // same generation: what the sink remembers per key stays valid
    expect(two.table).toBe(one.table)
  })

  it('start over past their bound, from the next batch, which says so by a new table', () => {
    const w = new WireWriter(4, 3)
    const keys = new WireKeys()
    for (const a of ['a1', 'a2']) w.key('btc', a)
    const t1 = readKeys(send(w), keys, 2).table
    // the bound is passed inside this batch: its keys still count on the old ones
    for (const a of ['a1', 'a3', 'a4']) w.key('btc', a)
    const second = readKeys(send(w), keys, 3)
    expect(second.got).toEqual([['a1', 0], ['a3', 2], ['a4', 3]])
    expect(second.table).toBe(t1)
    // the next batch: new generation, keys from 0 again, every text sent again
    for (const a of ['a4', 'a1']) w.key('btc', a)
    const b3 = send(w)
    expect(b3.strs).toEqual(['a4', 'a1'])
    const third = readKeys(b3, keys, 2)
    expect(third.got).toEqual([['a4', 0], ['a1', 1]])
    expect(third.table).not.toBe(t1)
  })

  it('tell the same text on two networks apart (testnet and signet share prefixes)', () => {
    const w = new WireWriter(4, 100)
    for (const [net, a] of [['btc-testnet', 'tb1qsame'], ['btc-signet', 'tb1qsame'], ['btc-testnet', 'tb1qsame'], ['btc-signet', 'tb1qsame']]) w.key(net, a)
    const { got } = readKeys(send(w), new WireKeys(), 4)
    expect(got).toEqual([['tb1qsame', 0], ['tb1qsame', 1], ['tb1qsame', 0], ['tb1qsame', 1]])
  })

  it('take a memo (an address cache entry) that is believed only for its own writer, generation, network and text', () => {
    const w = new WireWriter(4, 3)
    const keys = new WireKeys()
    const m1: KeyMemo = {}
    const m2: KeyMemo = {}
    w.key('btc', 'a1', m1)
    w.key('btc', 'a2', m2)
    w.key('btc', 'a1', m1)
    expect(readKeys(send(w), keys, 3).got).toEqual([['a1', 0], ['a2', 1], ['a1', 0]])
    // another network, another text: the memo is not believed (and is then noted for what it was given)
    w.key('btc-testnet', 'a1', m1)
    w.key('btc', 'a3', m2)
    w.key('btc', 'a2', {})
    expect(readKeys(send(w), keys, 3).got).toEqual([['a1', 2], ['a3', 3], ['a2', 1]])
    // past the bound: a new generation, in which a memo of the old one means nothing
    w.key('btc', 'a3', m2)
    w.key('btc', 'a3', m2)
    const b = send(w)
    expect(b.strs).toEqual(['a3'])
    expect(readKeys(b, keys, 2).got).toEqual([['a3', 0], ['a3', 0]])
    // another writer's memo neither
    const other = new WireWriter(4, 3)
    other.key('btc', 'z', {})
    other.key('btc', 'a3', m2)
    expect(readKeys(send(other), new WireKeys(), 2).got).toEqual([['z', 0], ['a3', 1]])
  })

  it('read back as plain values by `val`, in order', () => {
    const w = new WireWriter(2, 100)
    for (const a of ['x', 'y', 'x', undefined]) w.key('n', a)
    const r = new WireReader(send(w), new WireKeys())
    expect([r.val(), r.val(), r.val(), r.val()]).toEqual(['x', 'y', 'x', undefined])
  })
})

describe('wire hashes', () => {
  const lower = '0123456789abcdef'.repeat(4)
  const values = [lower, 'ab'.repeat(32), lower.toUpperCase(), 'Ab'.repeat(32), 'ab'.repeat(31) + 'ag', 'ab'.repeat(31) + 'a', 'ab'.repeat(33), 'ab'.repeat(31) + 'a\u0100', '', null, undefined, 7]

  it('travel as bytes exactly when hashIn would store a BLOB, read back as hashIn gives them', () => {
    const w = new WireWriter(2, 100)
    for (const v of values) w.hash(v)
    const b = send(w)
    expect(b.b).toBe(2 * 32)
    const r = new WireReader(b, new WireKeys())
    for (const v of values) {
      const got = r.hash()
      expect(got).toEqual(hashIn(v as string))
      expect(Buffer.isBuffer(got)).toBe(Buffer.isBuffer(hashIn(v as string)))
    }
    expect(r.done).toBe(true)
  })

  it('read back by `val` as the text written; a batch whose bytes grew keeps them all', () => {
    const w = new WireWriter(2, 100)
    const many = Array.from({ length: 300 }, (_, k) => k.toString(16).padStart(64, 'e'))
    for (const v of [...values, ...many]) w.hash(v)
    const r = new WireReader(send(w), new WireKeys())
    expect([...values, ...many].map(() => r.val())).toEqual([...values, ...many])
  })
})
