import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { JsonInt, JsonNumber, streamJson, type JsonValue, type StreamJsonOptions } from '../../../../../src/core/importers/common/json'
import { OBJECT_PROTO } from '../../../../../src/core/importers/common/json-parse'
import { BTC_LONG_KEYS } from '../../../../../src/core/importers/common/json-records'
import { ParseError } from '../../../../../src/core/importers/types'
import { addressPool, esploraTx } from '../../../../../bench/lib/esplora-gen'
import { shared, sharedFixturesMissing } from '../../../../helpers/fixtures'

/**
 * Differential test of the fast path for streamed elements (json-fast.ts): every document is read with
 * `fastElements` on and off, fed in random small chunks (so elements straddle buffer ends), and must give the same
 * events, values (key order, prototypes, number texts), positions, `locate` answers and errors.
 */

/** A value as plain data: objects as [prototype ok, entries], numbers as their text. */
function plain(v: JsonValue): unknown {
  if (v instanceof JsonNumber) return { number: v.text }
  if (Array.isArray(v)) return v.map(plain)
  if (v !== null && typeof v === 'object') return { nullProto: Object.getPrototypeOf(v) === OBJECT_PROTO, entries: Object.keys(v).map((k) => [k, plain(v[k])]) }
  return v
}

/** Every pointer inside a value (for comparing `locate`). */
function pointers(v: JsonValue, at: string, out: string[] = []): string[] {
  out.push(at)
  if (Array.isArray(v)) v.forEach((x, i) => pointers(x, at + '/' + i, out))
  else if (v !== null && typeof v === 'object' && !(v instanceof JsonNumber)) for (const k of Object.keys(v)) pointers(v[k], at + '/' + k.replace(/~/g, '~0').replace(/\//g, '~1'), out)
  return out
}

/** xorshift: reproducible chunkings. */
function rng(seed: number): () => number {
  let s = seed | 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4294967296
  }
}

interface Run {
  events: unknown[]
  error?: unknown
  ints: number
}

let intsSeen = 0
function countInts(v: JsonValue): void {
  if (v instanceof JsonInt) intsSeen++
  else if (Array.isArray(v)) v.forEach(countInts)
  else if (v !== null && typeof v === 'object' && !(v instanceof JsonNumber)) Object.values(v).forEach(countInts)
}

async function run(bytes: Buffer, opts: StreamJsonOptions, seed: number, maxChunk: number): Promise<Run> {
  const r = rng(seed)
  const parts: Buffer[] = []
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(r() * maxChunk)
    parts.push(bytes.subarray(i, i + n))
    i += n
  }
  const events: unknown[] = []
  intsSeen = 0
  try {
    for await (const e of streamJson(Readable.from(parts), opts)) {
      if (e.type === 'item') {
        const { item } = e
        countInts(item.value)
        events.push({ item: item.pointer, line: item.line, column: item.column, value: plain(item.value), at: pointers(item.value, item.pointer).map((p) => [p, item.locate(p)]) })
      } else events.push({ end: plain(e.root), items: e.items, at: pointers(e.root, '').map((p) => [p, e.locate(p)]) })
    }
  } catch (e) {
    return { events, error: e instanceof ParseError ? { message: e.message, loc: e.loc } : String(e), ints: intsSeen }
  }
  return { events, ints: intsSeen }
}

/** Read `bytes` both ways under several chunkings; returns the fast run of the last chunking. */
async function same(bytes: Buffer | string, opts: StreamJsonOptions = {}): Promise<Run> {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes
  let last: Run | undefined
  for (const [seed, maxChunk] of [[1, 7], [2, 64], [3, 1 << 20]]) {
    const exact = await run(b, { ...opts, fastElements: false }, seed, maxChunk)
    const fast = await run(b, { ...opts, fastElements: true }, seed, maxChunk)
    expect(fast.events).toEqual(exact.events)
    expect(fast.error).toEqual(exact.error)
    last = fast
  }
  return last!
}

const HOSTILE: string[] = [
  '{"a":1,"a":2}',
  '{"x":{"a":1,"b":2,"a":3},"y":1}',
  '{"a":1,"b":{"c":2},"b":3}',
  '{"k\\u0041":1,"kA":2}',
  '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}',
  '{"__proto__":1,"toString":2,"hasOwnProperty":null}',
  '{"x":[{"__proto__":[]}],"__proto__":"s"}',
  '{"v":123456789012345}',
  '{"v":1234567890123456}',
  '{"v":12345678901234567890123456789}',
  '{"v":-1}',
  '{"v":-0}',
  '{"v":0,"w":[0,10,100]}',
  '{"v":1.5}',
  '{"v":1.0}',
  '{"v":1e5}',
  '{"v":1E5}',
  '{"v":1e-7,"w":2.5E+3}',
  '{"v":01}',
  '{"v":1.}',
  '{"v":1e}',
  '{"v":+1}',
  '{"v":9007199254740993}',
  '[1,2,[3,[4,"5"]],true,false,null]',
  '{"t":true,"f":false,"n":null,"e":"e1","E":"1E"}',
  '{"n":"é"}',
  '{"é":1}',
  '{"n":"€😀"}',
  '{"s":"a\\"b"}',
  '{"s":"a\\\\"}',
  '{"s":"\\u00e9\\n\\t\\/"}',
  '{"s":"\\ud800"}',
  '{"s":"\\x"}',
  '{"s":"\\u12"}',
  '{"s":"a\tb"}',
  '{"s":"a\u0001b"}',
  '{"a":"x:y","b":"}","c":"{[","d":":::"}',
  '{ "a" : 1 ,\r\n  "b" :\t[ 1 , 2 ] }',
  '{}',
  '{"b":1,"2":2,"a":3,"1":4,"10":{"0":0}}',
  '[]',
  '[{}]',
  '"a string element"',
  '42',
  '-1.5',
  'true',
  '{"a":tru}',
  '{"a":nul}',
  '{"a" 1}',
  '{"a":1,}',
  '[1,]',
  '{"a":1}}',
  '{"a":[1}',
  '{"a":1]',
  '{a:1}',
  "{'a':1}",
  '{"a":1 "b":2}',
  '{"a":"unterminated}',
  '{"a":1',
  '{"txid":"' + 'ab'.repeat(32) + '","vin":[],"vout":[],"status":{"confirmed":false}}'
]

describe('streamJson fast path (fastElements) = exact path', () => {
  it('authored hostile elements: same values, positions and errors, in a top-level and a nested streamed array', async () => {
    for (const h of HOSTILE) {
      await same('[\n{"ok":1},\n' + h + ',\n{"ok":2}\n]\n', { streamAt: [''] })
      await same('{"address":"x",\n"txs":[ ' + h + ' ,{"ok":[3]}],"n":1}', { streamAt: ['/txs'] })
    }
  })

  it('an error before the first key of an object names the object, not a key of an earlier element', async () => {
    for (const fastElements of [false, true]) {
      const r = await run(Buffer.from('[{"ok":1},\n{a:1}]'), { streamAt: [''], fastElements }, 1, 1 << 20)
      expect(r.error).toEqual({ message: `unexpected 'a'; expected a "key" string`, loc: { line: 2, column: 2, pointer: '/1' } })
    }
  })

  it('invalid UTF-8 and stray bytes inside and outside strings', async () => {
    for (const bad of [[0xc3, 0x28], [0xff], [0xe2, 0x82], [0x80], [0x00]]) {
      await same(Buffer.concat([Buffer.from('[{"a":1},{"s":"x'), Buffer.from(bad), Buffer.from('"},{"b":2}]')]), { streamAt: [''] })
      await same(Buffer.concat([Buffer.from('[{"a":1},{"s":1'), Buffer.from(bad), Buffer.from('},{"b":2}]')]), { streamAt: [''] })
    }
  })

  it('nesting at and beyond the cap, at any streamed depth', async () => {
    for (const maxDepth of [4, 64]) {
      for (const d of [maxDepth - 2, maxDepth - 1, maxDepth, maxDepth + 1]) {
        const el = '{"a":'.repeat(d) + '1' + '}'.repeat(d)
        await same('[' + el + ',[' + '['.repeat(d) + ']'.repeat(d) + ']]', { streamAt: [''], maxDepth })
        await same('{"x":{"txs":[' + el + ']}}', { streamAt: ['/x/txs'], maxDepth })
      }
    }
  })

  it('strings at and beyond the cap, with and without a long-key allowance', async () => {
    for (const longKeys of [{ hex: 32 }, { hex: 8 }]) {
      const opts = { streamAt: [''], maxString: 16, longKeys }
      for (const n of [7, 8, 9, 15, 16, 17, 32, 33]) {
        const s = 'a'.repeat(n)
        await same(`[{"s":"${s}"},{"hex":"${s}"},{"hex":["${s}"]},{"${s}":1}]`, opts)
      }
    }
  })

  it('truncated documents at every byte of an element', async () => {
    const doc = '[{"a":1,"b":[true,null,"x"],"c":{"d":22}},{"e":"f"}]'
    for (let cut = 1; cut < doc.length; cut++) await same(doc.slice(0, cut), { streamAt: [''] })
  })

  it('synthetic bench transactions: every element takes the fast path', async () => {
    const pool = addressPool(50)
    const doc = '[\n' + Array.from({ length: 40 }, (_, i) => esploraTx(i, pool)).join(',\n') + '\n]\n'
    const r = await same(doc, { streamAt: [''], longKeys: BTC_LONG_KEYS })
    expect(r.events).toHaveLength(41)
    // 12 plain integers per tx, all made by the fast path
    expect(r.ints).toBe(40 * 12)
  })

  it('chunks larger than the bridge (json.ts): same events, positions and errors as the document read whole', async () => {
    const pool = addressPool(50)
    const txs = Array.from({ length: 200 }, (_, i) => esploraTx(i, pool))
    // a 150 KB element (longer than a bridge) somewhere in the middle, and elements with errors near the end
    txs[100] = txs[100].replace('"witness":["', '"witness":["' + 'ab'.repeat(75_000))
    const docs = [txs, [...txs.slice(0, 190), txs[190].replace('"value":', '"value":-'), ...txs.slice(191)], [...txs.slice(0, 195), '{"a":1,]', ...txs.slice(196)]]
    for (const list of docs) {
      const bytes = Buffer.from('[\n' + list.join(',\n') + '\n]\n')
      for (const fastElements of [true, false]) {
        const opts = { streamAt: [''], longKeys: BTC_LONG_KEYS, fastElements }
        const whole = await run(bytes, opts, 1, bytes.length)
        for (const [seed, maxChunk] of [[4, 300_000], [5, 200_000]]) {
          const chunked = await run(bytes, opts, seed, maxChunk)
          expect(chunked.events).toEqual(whole.events)
          expect(chunked.error).toEqual(whole.error)
        }
      }
    }
  })

  describe.skipIf(!!sharedFixturesMissing)('real explorer samples', () => {
    const dirs = ['esplora', 'blockcypher', 'blockchain-info', 'blockchair', 'etherscan-api', 'tron']
    for (const d of dirs) {
      it(`every JSON sample in ${d} reads the same (streaming every array an importer streams)`, async () => {
        const dir = shared(join('explorer-formats', d))
        const files = readdirSync(dir).filter((f) => f.endsWith('.json'))
        expect(files.length).toBeGreaterThan(0)
        let ints = 0
        for (const f of files) {
          const bytes = readFileSync(join(dir, f))
          const r = await same(bytes, { streamAt: ['', '/txs', '/result', '/data'], longKeys: { ...BTC_LONG_KEYS, raw_data_hex: 1 << 20, data: 1 << 20 } })
          ints += r.ints
        }
        if (d === 'esplora') expect(ints).toBeGreaterThan(0)
      })
    }
  })
})
