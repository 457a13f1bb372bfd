import { ParseError, type SourceLocation } from '../types'

/** Blockchair's `YYYY-MM-DD HH:MM:SS` (UTC, no zone marker) as Unix seconds; anything else is refused. */
export function blockchairTime(s: string, loc: SourceLocation): number {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(s)
  if (!m) throw new ParseError(`not a Blockchair time (YYYY-MM-DD HH:MM:SS UTC): ${JSON.stringify(s.slice(0, 40))}`, loc)
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])
  if (new Date(t).getUTCDate() !== +m[3]) throw new ParseError(`no such date: ${s}`, loc)
  return t / 1000
}
