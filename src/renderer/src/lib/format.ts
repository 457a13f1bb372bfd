/** Display helpers shared by every area. Times are shown in UTC, always labelled, never in local time. */

/** "2026-11-25 13:10:18 UTC" from an ISO timestamp (falls back to the raw string). */
export function formatUtc(iso: string | null | undefined): string {
  if (!iso) return '—'
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** "2026-11-25" from an ISO timestamp. */
export function formatDateUtc(iso: string | null | undefined): string {
  return iso ? formatUtc(iso).slice(0, 10) : '—'
}

/** Exact byte count with thousands separators, e.g. "1,048,576 B". */
export function formatBytesExact(n: number): string {
  return `${n.toLocaleString('en-US')} B`
}

/** Human size, e.g. "1.0 MiB". */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let v = n
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return i === 0 ? `${n} B` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`
}

/** First `n` hex digits of a hash, for dense tables (the full value goes in a title and a copy action). */
export function shortHash(h: string | null | undefined, n = 12): string {
  return h ? h.slice(0, n) : '—'
}

/** "3 files", "1 file". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

/** A compact one-line rendering of an audit entry's details: `key: value · key: value`. */
export function summarizeDetails(details: unknown): string {
  if (details === null || details === undefined) return ''
  if (typeof details !== 'object') return String(details)
  const parts: string[] = []
  // What an examiner scans for first: which file or case, which hash; bookkeeping fields after.
  const order = ['originalName', 'caseNumber', 'title', 'sha256', 'size', 'note', 'changes']
  const entries = Object.entries(details as Record<string, unknown>).sort(([a], [b]) => rank(order, a) - rank(order, b))
  for (const [k, v] of entries) {
    let s: string
    if (v === null || v === undefined || v === '') s = '—'
    else if (typeof v === 'object') s = JSON.stringify(v)
    else s = String(v)
    if (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)) s = `${v.slice(0, 12)}…`
    parts.push(`${k}: ${s}`)
  }
  return parts.join(' · ')
}

function rank(order: string[], k: string): number {
  const i = order.indexOf(k)
  return i < 0 ? order.length : i
}
