import { networkForSymbol, resolveLabelAddress } from '../../attribution/label-address'
import type { LabelEntry } from './entries'

/** OFAC FAQ 563: an address field "will always begin with 'Digital Currency Address', followed by a dash and the symbol". */
export const DIGITAL_CURRENCY_PREFIX = 'Digital Currency Address - '

/** The SDN.CSV Remarks field is cut at this many characters; the rest is in sdn_comments.csv. */
export const REMARKS_LIMIT = 1000

/** One sanctioned address as an SDN source states it. */
export interface SdnAddress {
  symbol: string
  address: string
}

/** What an SDN entry says about itself. */
export interface SdnParty {
  uid: string
  name: string
  programs: string[]
  source: string
  listTitle: string
}

/**
 * Every `Digital Currency Address - SYM addr` in a Remarks text, in order. `cutAt` is true when the last address
 * runs to the very end of a text that was cut at OFAC's limit, so it may be incomplete.
 */
export function addressesInRemarks(remarks: string, maybeCut: boolean): { found: SdnAddress[]; lastMayBeCut: boolean } {
  const re = /Digital Currency Address - ([A-Za-z0-9]+) ([^\s;]+)/g
  const found: SdnAddress[] = []
  let lastEnd = -1
  for (let m = re.exec(remarks); m; m = re.exec(remarks)) {
    found.push({ symbol: m[1].toUpperCase(), address: m[2] })
    lastEnd = m.index + m[0].length
  }
  return { found, lastMayBeCut: maybeCut && lastEnd === remarks.length }
}

/** Programs as SDN.CSV writes several: `NPWMD] [CYBER2] [ELECTION-EO13848`. */
export function splitPrograms(text: string | null): string[] {
  if (!text) return []
  return text
    .split('] [')
    .map((p) => p.replace(/^\[|\]$/g, '').trim())
    .filter(Boolean)
}

/** A label entry for one sanctioned address; throws a clear error for an unknown symbol or a bad address. */
export function sdnLabel(party: SdnParty, a: SdnAddress): LabelEntry {
  const network = networkForSymbol(a.symbol, a.address)
  const r = resolveLabelAddress(a.address, network)
  const program = party.programs.join(', ')
  return {
    target: { network: r.network, address: r.canonical, addressText: a.address, check: r.check },
    name: party.name,
    category: 'sanctioned',
    concept: `OFAC SDN; asset=${a.symbol}${program ? `; program=${program}` : ''}`,
    source: party.source,
    listTitle: party.listTitle,
    confidenceId: 'authority_data',
    author: 'OFAC',
    sdnName: party.name,
    sdnProgram: program,
    sdnUid: party.uid
  }
}

/** Identity of an SDN address within one file (the same address listed twice for one party is a duplicate). */
export function sdnIdentity(party: SdnParty, a: SdnAddress): string {
  return `${party.uid}\u0000${a.symbol}\u0000${a.address.toLowerCase()}`
}
