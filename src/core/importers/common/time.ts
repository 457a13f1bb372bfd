/**
 * Date-time text found in exports, read as UTC (FORMATS general rule 5) without Date.parse guessing:
 * "2022-02-12 01:44:39", "2022/02/12 01:44:39", ISO "2021-01-05T10:00:00Z" / "…+00:00", "2025-01-17 16:57:02 UTC",
 * and US "9/8/2017 10:20:47 AM" or Excel-resaved "11/18/21 4:17". Returns Unix seconds or throws RangeError.
 */
export function parseUtcDateTime(text: string): number {
  const fast = text.length === 19 ? plainDateTime(text) : -1
  if (fast >= 0) return fast
  const s = text.trim()
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|\+00:?00)?$/.exec(s)
  if (m) return build(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), s)
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?)?$/.exec(s)
  if (m) {
    let year = +m[3]
    if (m[3].length === 2) year += 2000
    let hour = +(m[4] ?? 0)
    if (m[7]) {
      if (hour < 1 || hour > 12) throw new RangeError(`${JSON.stringify(text)} is not a date-time`)
      hour = (hour % 12) + (/^p/i.test(m[7]) ? 12 : 0)
    }
    return build(year, +m[1], +m[2], hour, +(m[5] ?? 0), +(m[6] ?? 0), s)
  }
  throw new RangeError(`${JSON.stringify(text)} is not a date-time this importer reads (expected e.g. 2022-02-12 01:44:39, UTC)`)
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * "YYYY-MM-DD HH:MM:SS" read by character codes (the Etherscan cell of every row of a million-row file; the
 * regular expression and a Date object per row were a tenth of the parse). -1 for any other text or any value
 * needing a check (the full path then reads it or names the error), so both paths agree.
 */
function plainDateTime(t: string): number {
  if (t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 32 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58) return -1
  const y = num(t, 0, 4)
  const mo = num(t, 5, 2)
  const d = num(t, 8, 2)
  const h = num(t, 11, 2)
  const mi = num(t, 14, 2)
  const sec = num(t, 17, 2)
  if (y < 2008 || y > 2100 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return -1
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
  if (d > (mo === 2 && leap ? 29 : DAYS[mo - 1])) return -1
  return Math.floor(Date.UTC(y, mo - 1, d, h, mi, sec) / 1000)
}

/** The decimal number of `len` digit characters at `at`, or -1 if any is not a digit. */
function num(t: string, at: number, len: number): number {
  let v = 0
  for (let i = at; i < at + len; i++) {
    const c = t.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    v = v * 10 + c
  }
  return v
}

function build(y: number, mo: number, d: number, h: number, mi: number, sec: number, text: string): number {
  const ms = Date.UTC(y, mo - 1, d, h, mi, sec)
  const back = new Date(ms)
  if (mo < 1 || mo > 12 || back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || h > 23 || mi > 59 || sec > 60 || y < 2008 || y > 2100) {
    throw new RangeError(`${JSON.stringify(text)} is not a valid date-time`)
  }
  return Math.floor(ms / 1000)
}

/** Unix seconds from an integer text column ("1644630279"); milliseconds are refused unless `ms` says so. */
export function parseUnixSeconds(text: string, o: { ms?: boolean } = {}): number {
  if (!/^[0-9]{1,16}$/.test(text)) throw new RangeError(`${JSON.stringify(text)} is not a Unix timestamp`)
  const n = Number(text)
  const secs = o.ms ? Math.floor(n / 1000) : n
  if (secs < 1_230_000_000 || secs > 4_102_444_800) throw new RangeError(`${JSON.stringify(text)} is out of range for a Unix timestamp in ${o.ms ? 'milliseconds' : 'seconds'}`)
  return secs
}
