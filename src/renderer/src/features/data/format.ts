import { formatUnits, groupThousands } from '../../../../shared/domain/amount'

/** Base units → whole coins with thousands separators and the symbol; null → em dash. */
export function coins(units: string | null, decimals: number, symbol: string): string {
  return units === null ? '—' : `${groupThousands(formatUnits(units, decimals))} ${symbol}`
}

/** Unix seconds → "YYYY-MM-DD HH:MM:SS" UTC. */
export function utc(t: number | null): string {
  return t === null ? '—' : new Date(t * 1000).toISOString().slice(0, 19).replace('T', ' ')
}
