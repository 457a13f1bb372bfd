/**
 * Networks that labels may name but Chaintrail has no data family for (sanctions lists and tag packs cover
 * Litecoin, Monero, Zcash…). They are kept apart from shared/domain/networks.ts on purpose: nothing else in the
 * product may treat them as supported chains. Labels on them carry a "not validated: unsupported chain" marker.
 */
export interface LabelOnlyNetwork {
  id: string
  name: string
  symbol: string
}

/** Label-only network ids (lower-case, like the real network ids). */
export const LABEL_ONLY_NETWORKS: readonly LabelOnlyNetwork[] = [
  { id: 'ltc', name: 'Litecoin', symbol: 'LTC' },
  { id: 'bch', name: 'Bitcoin Cash', symbol: 'BCH' },
  { id: 'bsv', name: 'Bitcoin SV', symbol: 'BSV' },
  { id: 'btg', name: 'Bitcoin Gold', symbol: 'BTG' },
  { id: 'dash', name: 'Dash', symbol: 'DASH' },
  { id: 'zec', name: 'Zcash', symbol: 'ZEC' },
  { id: 'xmr', name: 'Monero', symbol: 'XMR' },
  { id: 'xrp', name: 'XRP Ledger', symbol: 'XRP' },
  { id: 'xvg', name: 'Verge', symbol: 'XVG' },
  { id: 'etc', name: 'Ethereum Classic', symbol: 'ETC' },
  { id: 'eos', name: 'EOS', symbol: 'EOS' },
  { id: 'algo', name: 'Algorand', symbol: 'ALGO' },
  { id: 'kcc', name: 'KuCoin Community Chain', symbol: 'KCS' }
]

/** How far a label's address was checked. */
export type AddressCheck = 'valid' | 'checksum' | 'format' | 'none'

/** The marker shown beside an address that is not fully validated. */
export function addressCheckMarker(check: string): string | null {
  if (check === 'checksum') return 'not validated: unsupported chain (checksum only)'
  if (check === 'format') return 'not validated: unsupported chain (format only)'
  if (check === 'none') return 'not validated: unsupported chain, and the text does not look like an address of it'
  return null
}
