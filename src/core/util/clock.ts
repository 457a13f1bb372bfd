import { userInfo } from 'node:os'

/** The local clock is asserted, never trusted: UTC ISO time with milliseconds. */
export function nowIso(): string {
  return new Date().toISOString()
}

/** Local UTC offset like "+01:00", recorded beside UTC times in the audit context. */
export function utcOffset(d = new Date()): string {
  const m = -d.getTimezoneOffset()
  const sign = m >= 0 ? '+' : '-'
  const a = Math.abs(m)
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`
}

/** The operating-system account running the tool (recorded with every audit entry). */
export function osUser(): string {
  try {
    return userInfo().username
  } catch {
    return 'unknown'
  }
}
