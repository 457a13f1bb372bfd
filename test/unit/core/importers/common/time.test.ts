import { describe, expect, it } from 'vitest'
import { parseUtcDateTime } from '../../../../../src/core/importers/common/time'

/** Result or error text of parseUtcDateTime. */
function read(s: string): string | number {
  try {
    return parseUtcDateTime(s)
  } catch (e) {
    return 'error: ' + (e as Error).message.replace(/^"\s+/, '"')
  }
}

describe('parseUtcDateTime', () => {
  it('reads "YYYY-MM-DD HH:MM:SS" by its fast path exactly as the full path does, errors included', () => {
    let seed = 11
    const rnd = (k: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % k
    const two = (n: number) => String(n).padStart(2, '0')
    const cells = ['2022-02-12 01:44:39', '2024-02-29 23:59:59', '2023-02-29 00:00:00', '2100-12-31 23:59:60', '2007-12-31 23:59:59', '2022-13-01 00:00:00', '2022-00-10 00:00:00',
      '2022-01-32 00:00:00', '2022-04-31 12:00:00', '2022-01-01 24:00:00', '2022-01-01 00:60:00', '2022-01-01 0a:00:00', '2022/01/01 00:00:00', '2022-01-01T00:00:00', '1900-02-29 00:00:00', '2000-02-29 10:10:10']
    for (let i = 0; i < 5000; i++) cells.push(`${2005 + rnd(100)}-${two(rnd(14))}-${two(rnd(33))} ${two(rnd(26))}:${two(rnd(62))}:${two(rnd(62))}`)
    for (const c of cells) {
      // A leading space sends the same text down the full path (it is trimmed there).
      expect(read(c), c).toEqual(read(' ' + c))
    }
    expect(parseUtcDateTime('2022-02-12 01:44:39')).toBe(Date.UTC(2022, 1, 12, 1, 44, 39) / 1000)
  })
})
