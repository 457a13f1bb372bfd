import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { newCaseWithCore } from '../../../../helpers/cases'
import { LOCAL_FIXTURES } from '../../../../helpers/fixtures'
import { caseDigest, importError, importFiles } from './helpers'

const bad = (f: string) => join(LOCAL_FIXTURES, 'acct', 'bad', f)
const good = join(LOCAL_FIXTURES, 'acct', 'rescale-token.csv')

/** Each hostile file: a clear error naming the file and the place, and the case exactly as before. */
const CASES: [file: string, message: RegExp, line?: number, column?: number, format?: string][] = [
  ['truncated.csv', /quoted field is never closed/, 3],
  ['garbled-utf8.csv', /invalid UTF-8/, 3],
  ['empty.csv', /empty \(0 bytes\)/],
  ['image.csv', /PNG image/],
  ['missing-column.csv', /row has 8 fields, the header has 16/, 3, 9],
  ['negative-amount.csv', /Value_IN: "-0.25": a negative amount/, 3, 8],
  ['bad-date.csv', /date: "2017-13-45 13:46:40" is not a valid date-time/, 3, 4],
  ['bad-eip55.csv', /To: invalid address "0x377711a26b52F4AD8C548AAEF8297E0563b87Db4": bad EIP-55 checksum/, 3, 8],
  ['truncated.json', /./, 1],
  ['duplicate-key.json', /duplicate/i, 1]
]

describe('bad input changes nothing and says where', () => {
  for (const [file, message, line, column, format] of CASES) {
    it(file, async () => {
      const { core, caseId } = newCaseWithCore()
      await importFiles(core, caseId, [good])
      const before = caseDigest(core, caseId)
      const e = await importError(core, caseId, [bad(file)], {}, format)
      expect(e.message).toMatch(message)
      expect(e.file).toBe(file)
      if (line !== undefined) expect(e.line).toBe(line)
      if (column !== undefined) expect(e.column).toBe(column)
      expect(caseDigest(core, caseId)).toBe(before)
    })
  }

  it('an unknown header variant is refused with the list of known variants', async () => {
    const { core, caseId } = newCaseWithCore()
    const before = caseDigest(core, caseId)
    const e = await importError(core, caseId, [bad('unknown-variant.csv')])
    expect(e.message).toMatch(/unknown Etherscan CSV header variant/)
    for (const id of ['normal', 'internal-parent', 'internal-2017', 'erc20', 'erc20-older', 'nft-2025', 'nft-older', 'token-page', 'redesign-2025-normal', 'redesign-2025-token', 'redesign-2025-internal']) {
      expect(e.message).toContain(`- ${id}:`)
    }
    expect(e.line).toBe(1)
    expect(caseDigest(core, caseId)).toBe(before)
  })

  it('a wrong --chain for the file, and a file that is not the --address given, are refused', async () => {
    const { core, caseId } = newCaseWithCore()
    const e1 = await importError(core, caseId, [bad('negative-amount.csv')], { chain: 'bsc' })
    expect(e1.message).toMatch(/--chain bsc does not fit this file: its native asset is ETH/)
    const e2 = await importError(core, caseId, [good], { address: '0x4444444444444444444444444444444444444444' })
    expect(e2.message).toMatch(/neither From nor To is the exported address/)
    expect(e2.line).toBe(2)
  })
})
