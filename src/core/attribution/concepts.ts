import type { LabelCategory } from '../../shared/domain/labels'

/** GraphSense abuse concepts → category. Abuse outranks the entity type ("user" + "sanction" is sanctioned). */
const ABUSE: Record<string, LabelCategory> = {
  sanction: 'sanctioned',
  sanctioned: 'sanctioned',
  service_hack: 'theft_hack',
  hacking: 'theft_hack',
  exploit: 'theft_hack',
  theft: 'theft_hack',
  ransomware: 'ransomware',
  scam: 'scam',
  phishing: 'scam',
  ponzi_scheme: 'scam',
  fraud: 'scam',
  extortion: 'scam',
  sextortion: 'scam',
  drugs: 'darknet_market',
  money_laundering: 'suspect',
  terrorism_financing: 'suspect',
  child_sexual_abuse: 'suspect',
  weapons: 'suspect',
  seized: 'le_seized'
}

/** GraphSense entity-type concepts → category. */
const ENTITY: Record<string, LabelCategory> = {
  exchange: 'exchange',
  hot_wallet: 'exchange',
  cold_wallet: 'exchange',
  mixing_service: 'mixer',
  coinjoin: 'mixer',
  defi_bridge: 'bridge',
  bridge: 'bridge',
  defi_dex: 'defi',
  defi: 'defi',
  defi_lending: 'defi',
  swap_service: 'swap_service',
  instant_exchange: 'swap_service',
  market: 'darknet_market',
  darknet_market: 'darknet_market',
  gambling: 'gambling',
  perpetrator: 'suspect',
  victim: 'victim',
  law_enforcement: 'le_seized'
}

/** The category a (category, abuse, concepts) triple maps to, and the original concept text kept beside it. */
export function mapConcepts(c: { category?: string; abuse?: string; concepts?: string[]; hint?: string }): { category: LabelCategory; concept: string } {
  const parts: string[] = []
  if (c.category) parts.push(`category=${c.category}`)
  if (c.abuse) parts.push(`abuse=${c.abuse}`)
  if (c.concepts?.length) parts.push(`concepts=${c.concepts.join(',')}`)
  const concept = parts.join('; ')
  const all = [c.abuse, ...(c.concepts ?? []), c.category].filter((x): x is string => !!x).map((x) => x.toLowerCase())
  for (const x of all) if (ABUSE[x]) return { category: ABUSE[x], concept }
  // A pack scraped from a sanctions list whose tags carry no abuse concept (e.g. INTERPOL's ofac.yaml, category
  // "user"): the list itself says "sanctioned". Documented in the labels README.
  if (c.hint && /\bOFAC\b|sanctions? list/i.test(c.hint)) return { category: 'sanctioned', concept: concept ? `${concept}; list=sanctions` : 'list=sanctions' }
  for (const x of all) if (ENTITY[x]) return { category: ENTITY[x], concept }
  return { category: 'unknown', concept }
}
