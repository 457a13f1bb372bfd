import { Readable } from 'node:stream'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { readCsv, type CsvRow } from '../../../../../src/core/importers/common/csv'
import { ParseError } from '../../../../../src/core/importers/types'

async function rows(text: string, chunk: number): Promise<CsvRow[]> {
  const b = Buffer.from(text, 'utf8')
  const parts: Buffer[] = []
  for (let i = 0; i < b.length; i += chunk) parts.push(b.subarray(i, i + chunk))
  const out: CsvRow[] = []
  for await (const r of readCsv(Readable.from(parts))) out.push(r)
  return out
}

async function failure(text: string, chunk: number): Promise<ParseError> {
  try {
    await rows(text, chunk)
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError)
    return e as ParseError
  }
  throw new Error('expected a ParseError')
}

/** Deterministic pseudo-random CSV: quoted and bare fields, commas, doubled quotes, CR/LF/CRLF inside quotes and between rows, blank lines, trailing empty fields. */
function corpus(seed: number, n: number): string {
  let x = seed
  const rnd = (k: number) => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) % k
  const bare = ['', 'a', '0x12ab', '1,5'.replace(',', ''), 'Münze', '€5', ' sp ']
  const quoted = ['x, y', 'say ""hi""', 'multi\nline', 'cr\r\nlf', 'lone\rcr', '', ',', '""']
  const ends = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n']
  let s = ''
  for (let r = 0; r < n; r++) {
    const w = 1 + rnd(6)
    const f: string[] = []
    for (let i = 0; i < w; i++) f.push(rnd(2) ? bare[rnd(bare.length)] : `"${quoted[rnd(quoted.length)]}"`)
    if (rnd(5) === 0) f.push('')
    s += f.join(',') + (r === n - 1 && rnd(2) ? '' : ends[rnd(ends.length)])
  }
  return s
}

describe('CSV splitter', () => {
  it('gives the same records and line numbers as csv-parse for any chunking', async () => {
    for (let seed = 1; seed <= 30; seed++) {
      const text = corpus(seed, 40)
      const ref = (parse(text, { info: true, relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] }) as unknown as { record: string[]; info: { lines: number } }[])
        .filter((r) => !(r.record.length === 1 && r.record[0] === ''))
        .map((r) => r.record)
      for (const chunk of [1, 2, 3, 7, 64, 1 << 20]) {
        const got = await rows(text, chunk)
        expect(got.map((r) => r.fields)).toEqual(ref)
        // Lines: each row starts one line after the previous row's start plus its line breaks and the blank lines between.
        const lines = got.map((r) => r.line)
        expect([...lines].sort((a, b) => a - b)).toEqual(lines)
      }
    }
  })

  it('numbers rows by the line they start on across CRLF, CR and quoted breaks', async () => {
    const got = await rows('h1,h2\r\n"a\r\nb",1\r\r\n2,"x"\n\n3,\n', 2)
    expect(got).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a\r\nb', '1'] },
      { line: 5, fields: ['2', 'x'] },
      { line: 7, fields: ['3', ''] }
    ])
  })

  it('keeps a trailing empty field at end of file and a doubled quote cut by a chunk boundary', async () => {
    expect((await rows('a,b\n1,', 1)).map((r) => r.fields)).toEqual([['a', 'b'], ['1', '']])
    expect((await rows('"say ""hi"""\n', 5)).map((r) => r.fields)).toEqual([['say "hi"']])
  })

  it('names line and column of quoting errors', async () => {
    expect((await failure('a,b\n1,"x"y\n', 4)).loc).toEqual({ line: 2, column: 2 })
    expect((await failure('a,b\n"ok\nstill",x"\n', 3)).loc).toEqual({ line: 3, column: 2 })
    const open = await failure('a,b\n1,2\n"3,4\n5,6\n', 3)
    expect(open.message).toMatch(/never closed/)
    expect(open.loc.line).toBe(3)
  })
})
