import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { JsonNumber, streamJson, type JsonEvent, type StreamJsonOptions } from '../../../../../src/core/importers/common/json'
import { ParseError } from '../../../../../src/core/importers/types'

/** Feed `bytes` in chunks of `chunk` bytes so every value boundary is also tested across chunk edges. */
async function read(bytes: Buffer | string, opts: StreamJsonOptions = {}, chunk = 7): Promise<JsonEvent[]> {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes
  const parts: Buffer[] = []
  for (let i = 0; i < b.length; i += chunk) parts.push(b.subarray(i, i + chunk))
  const out: JsonEvent[] = []
  for await (const e of streamJson(Readable.from(parts), opts)) out.push(e)
  return out
}

async function failure(bytes: Buffer | string, opts: StreamJsonOptions = {}): Promise<ParseError> {
  try {
    await read(bytes, opts)
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError)
    return e as ParseError
  }
  throw new Error('expected a ParseError')
}

describe('streamJson', () => {
  it('keeps numbers as their source text, beyond 2^53 and with exponents', async () => {
    const [end] = await read('{"wei":123456789012345678901234567890,"f":1.5e-7,"neg":-0}')
    expect(end.type).toBe('end')
    const root = (end as { root: Record<string, JsonNumber> }).root
    expect(root.wei).toBeInstanceOf(JsonNumber)
    expect(root.wei.text).toBe('123456789012345678901234567890')
    expect(root.f.text).toBe('1.5e-7')
    expect(root.neg.text).toBe('-0')
  })

  it('streams a nested array element by element with pointer and line, leaving the rest of the document', async () => {
    const ev = await read('{"address":"x",\n"txs":[\n{"a":1},\n  {"b":[true,null]}\n],"hasMore":true}', { streamAt: ['/txs'] }, 3)
    const items = ev.filter((e) => e.type === 'item').map((e) => (e.type === 'item' ? e.item : null)!)
    expect(items.map((i) => [i.pointer, i.line, i.column])).toEqual([
      ['/txs/0', 3, 1],
      ['/txs/1', 4, 3]
    ])
    const end = ev[ev.length - 1]
    expect(end).toMatchObject({ type: 'end', items: 2 })
    expect(end.type === 'end' && JSON.parse(JSON.stringify(end.root))).toEqual({ address: 'x', txs: [], hasMore: true })
  })

  it('locates a value inside a streamed element after the fact', async () => {
    const ev = await read('[\n{"vin":[\n  {"value":"bad"}]}]', { streamAt: [''] })
    const item = ev[0].type === 'item' ? ev[0].item : undefined
    expect(item!.locate('/0/vin/0/value')).toEqual({ line: 3, column: 12 })
  })

  it('decodes escapes and UTF-8, and keeps the UTF-8 BOM out', async () => {
    const ev = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('["a\\u00e9\\n\\"", "é€😀"]')]))
    expect(ev[0].type === 'end' && ev[0].root).toEqual(['aé\n"', 'é€😀'])
  })

  it('rejects duplicate keys with the position of the second', async () => {
    const e = await failure('{"a":1,\n "a":2}')
    expect(e.message).toMatch(/duplicate key "a"/)
    expect(e.loc).toMatchObject({ line: 2, column: 2 })
  })

  it('never lets __proto__, constructor or prototype pollute', async () => {
    const ev = await read('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}},"x":{"__proto__":[]}}')
    const root = ev[0].type === 'end' ? (ev[0].root as Record<string, unknown>) : {}
    expect(Object.keys(root)).toEqual(['__proto__', 'constructor', 'x'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(root)).not.toBe(Object.prototype)
    expect((root.x as Record<string, unknown>)['toString']).toBeUndefined()
  })

  it('caps nesting at 64 (100,000 open brackets fail fast)', async () => {
    await expect(read('['.repeat(64) + ']'.repeat(64))).resolves.toHaveLength(1)
    const e = await failure('['.repeat(100_000))
    expect(e.message).toMatch(/nesting deeper than 64/)
    expect(e.loc.column).toBe(65)
  })

  it('caps strings at 64 KiB unless the key is allowed more', async () => {
    const long = 'ab'.repeat(40_000)
    expect((await failure(`{"x":"${long}"}`)).message).toMatch(/string longer than 65536 bytes/)
    const ok = await read(`{"hex":"${long}"}`, { longKeys: { hex: 1 << 20 } }, 4096)
    expect(ok[0].type === 'end' && (ok[0].root as { hex: string }).hex.length).toBe(80_000)
  })

  it.each([
    ['truncated mid-object', '{"a":1,', /unexpected end of input inside an object/, 1, 8],
    ['truncated mid-string', '[\n"abc', /unexpected end of input inside a string/, 2, 5],
    ['truncated after key', '{"a"', /after a key/, 1, 5],
    ['garbage', 'hello', /unexpected 'h'; expected a JSON value/, 1, 1],
    ['trailing garbage', '{} {}', /after the end of the JSON document/, 1, 4],
    ['leading zero', '[012]', /invalid number/, 1, 2],
    ['bad literal', '[tru]', /expected a JSON value/, 1, 2],
    ['raw control char', '["a\tb"]', /control character 0x09/, 1, 4],
    ['bad escape', '["\\x"]', /invalid escape/, 1, 3],
    ['empty', '', /no JSON value/, 1, 1],
    ['whitespace only', '  \n ', /no JSON value/, 2, 2]
  ])('rejects %s with line:column', async (_n, text, msg, line, column) => {
    const e = await failure(text)
    expect(e.message).toMatch(msg)
    expect(e.loc).toMatchObject({ line, column })
  })

  it('rejects invalid UTF-8 with its line and column, including a sequence cut at the end', async () => {
    const e = await failure(Buffer.from([0x5b, 0x0a, 0x22, 0x61, 0xc3, 0x28, 0x22, 0x5d]))
    expect(e.message).toBe('invalid UTF-8')
    expect(e.loc).toMatchObject({ line: 2, column: 3 })
    expect((await failure(Buffer.from([0x22, 0xe2, 0x82]))).message).toMatch(/end of input inside a string/)
  })

  it('reads a large streamed array with memory bounded by one element', async () => {
    const n = 200_000
    async function* gen(): AsyncGenerator<Buffer> {
      yield Buffer.from('[')
      for (let i = 0; i < n; i += 1000) {
        const part: string[] = []
        for (let j = i; j < i + 1000; j++) part.push(`{"i":${j},"s":"${'x'.repeat(100)}"}`)
        yield Buffer.from((i ? ',' : '') + part.join(','))
      }
      yield Buffer.from(']')
    }
    let count = 0
    let last = ''
    const before = process.memoryUsage().heapUsed
    for await (const e of streamJson(gen(), { streamAt: [''] })) {
      if (e.type === 'item') {
        count++
        last = (e.item.value as { i: JsonNumber }).i.text
      }
    }
    expect(count).toBe(n)
    expect(last).toBe(String(n - 1))
    // ~25 MB of JSON went through; the heap must not have kept it.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(20 * 1024 * 1024)
  })
})
