import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { checkRowWidth, CsvHeader, readCsv, type CsvRow } from '../../../../../src/core/importers/common/csv'
import { firstInvalidUtf8 } from '../../../../../src/core/importers/common/text-decode'
import { ParseError } from '../../../../../src/core/importers/types'

/** Feed bytes in small chunks so chunk boundaries fall inside characters, quotes and line breaks. */
function streamOf(bytes: Buffer | string, chunk = 3): Readable {
  const b = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes
  const parts: Buffer[] = []
  for (let i = 0; i < b.length; i += chunk) parts.push(b.subarray(i, i + chunk))
  return Readable.from(parts)
}

async function rows(bytes: Buffer | string, chunk = 3, delimiter?: ',' | ';' | '\t'): Promise<CsvRow[]> {
  const out: CsvRow[] = []
  for await (const r of readCsv(streamOf(bytes, chunk), { delimiter })) out.push(r)
  return out
}

async function failure(bytes: Buffer | string, chunk = 3): Promise<ParseError> {
  try {
    await rows(bytes, chunk)
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError)
    return e as ParseError
  }
  throw new Error('expected a ParseError')
}

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, and numbers lines from where a row starts', async () => {
    const r = await rows('"a","b"\n"x, y","say ""hi"""\n"multi\nline","2"\n"3","4"\n')
    expect(r.map((x) => x.fields)).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['multi\nline', '2'], ['3', '4']])
    expect(r.map((x) => x.line)).toEqual([1, 2, 3, 5])
  })

  it('accepts CRLF, LF and CR mixed in one file, and skips empty trailing lines', async () => {
    const r = await rows('a,b\r\n1,2\n3,4\r5,6\r\n\r\n\n')
    expect(r.map((x) => x.fields)).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']])
    expect(r.map((x) => x.line)).toEqual([1, 2, 3, 4])
  })

  it('drops a UTF-8 BOM and decodes UTF-16LE and UTF-16BE with BOM explicitly', async () => {
    const text = 'Name,Wert\nMünze,€5\n'
    expect((await rows(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).map((x) => x.fields)).toEqual([['Name', 'Wert'], ['Münze', '€5']])
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    expect((await rows(le)).map((x) => x.fields)).toEqual([['Name', 'Wert'], ['Münze', '€5']])
    const be = Buffer.from(le)
    be.swap16()
    expect((await rows(be)).map((x) => x.fields)).toEqual([['Name', 'Wert'], ['Münze', '€5']])
  })

  it('keeps multi-byte characters split across chunks intact', async () => {
    expect((await rows('x\n€€€\n', 1)).map((r) => r.fields)).toEqual([['x'], ['€€€']])
  })

  it('rejects invalid UTF-8 naming its line', async () => {
    const bad = Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')])
    const e = await failure(bad, 1000)
    expect(e.message).toMatch(/invalid UTF-8/)
    expect(e.loc.line).toBe(3)
    // also when the bad byte sits in a later chunk
    expect((await failure(bad, 4)).loc.line).toBe(3)
    // truncated mid-sequence at the end of the file
    expect((await failure(Buffer.concat([Buffer.from('a\n'), Buffer.from([0xe2, 0x82])]))).loc.line).toBe(2)
  })

  it('rejects an unclosed quote (truncated file) with its line', async () => {
    const e = await failure('a,b\n1,2\n"3,4\n5,6\n')
    expect(e.message).toMatch(/never closed/)
    expect(e.loc.line).toBeGreaterThanOrEqual(3)
  })

  it('rejects a quote inside an unquoted field', async () => {
    const e = await failure('a,b\n1,x"y\n')
    expect(e.message).toMatch(/quote/)
    expect(e.loc.line).toBe(2)
  })

  it('enforces the caps: 64 KiB field, 1 MiB row, 1000 columns', async () => {
    const big = 'a\n"' + 'x'.repeat(70_000) + '"\n'
    const e1 = await failure(big, 8192)
    expect(e1.message).toMatch(/field longer/)
    expect(e1.loc).toMatchObject({ line: 2, column: 1 })
    const wide = 'a\n' + Array.from({ length: 1001 }, () => '1').join(',') + '\n'
    expect((await failure(wide, 8192)).message).toMatch(/1000 columns/)
    const long = 'a\n' + Array.from({ length: 20 }, () => 'y'.repeat(60_000)).join(',') + '\n'
    expect((await failure(long, 65536)).message).toMatch(/row longer/)
  })

  it('reads TSV and semicolon files only when told (never guessed)', async () => {
    expect((await rows('a\tb\n1\t2\n', 3, '\t')).map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']])
    expect((await rows('a;b\n1;2\n', 3, ';')).map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']])
    expect((await rows('a;b\n1;2\n')).map((r) => r.fields)).toEqual([['a;b'], ['1;2']])
  })

  it('treats hostile header names as plain data', async () => {
    const [h] = await rows('__proto__,constructor,"a""; DROP TABLE tx;--"\n')
    const header = new CsvHeader(h.fields, h.line)
    expect(header.find('__proto__')).toBe(0)
    expect(header.find('a"; DROP TABLE tx;--')).toBe(2)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('checkRowWidth', () => {
  const header = new CsvHeader(['a', 'b', 'c'], 1)
  it('tolerates empty surplus trailing fields only where allowed', () => {
    expect(() => checkRowWidth({ line: 2, fields: ['1', '2', '3', ''] }, header, true)).not.toThrow()
    expect(() => checkRowWidth({ line: 2, fields: ['1', '2', '3', ''] }, header, false)).toThrow(/surplus/)
    expect(() => checkRowWidth({ line: 2, fields: ['1', '2', '3', 'x'] }, header, true)).toThrow(/surplus/)
  })
  it('names the first missing column of a short row', () => {
    try {
      checkRowWidth({ line: 7, fields: ['1'] }, header, true)
      throw new Error('no throw')
    } catch (e) {
      expect((e as ParseError).loc).toEqual({ line: 7, column: 2 })
    }
  })
})

describe('firstInvalidUtf8', () => {
  it('finds overlongs, surrogates and stray continuation bytes', () => {
    expect(firstInvalidUtf8(Buffer.from('abc€'))).toBe(-1)
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1)
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0)
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x80]))).toBe(1)
  })
})
