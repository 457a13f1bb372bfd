import { formatUnits, groupThousands } from '../../../../shared/domain/amount'

/** Exact amount with thousands separators and symbol, e.g. "1,200 ETH". */
export function amount(units: string, decimals: number, symbol: string): string {
  return `${groupThousands(formatUnits(units, decimals))} ${symbol}`
}

/** UTC time "2022-03-23 04:33:20" from unix seconds. */
export function utc(t: number | null | undefined): string {
  return t == null ? '—' : new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ')
}

/** UTC date only. */
export function utcDate(t: number | null | undefined): string {
  return t == null ? '—' : new Date(t * 1000).toISOString().slice(0, 10)
}

/** Save bytes or text the core produced as a download. */
export function download(fileName: string, mime: string, data: string, encoding: 'utf8' | 'base64'): void {
  const body = encoding === 'base64' ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : data
  const url = URL.createObjectURL(new Blob([body], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
