/**
 * Label categories, their screening severity and how they look (colour + icon + legend text). Plain data with no
 * DOM so the tables, the graph (sigma node colours) and reports all draw labelled nodes the same way.
 */

/** Categories from issue 5, in screening severity order (most severe first). */
export const LABEL_CATEGORIES = [
  'sanctioned',
  'theft_hack',
  'ransomware',
  'darknet_market',
  'mixer',
  'scam',
  'suspect',
  'le_seized',
  'gambling',
  'bridge',
  'swap_service',
  'defi',
  'exchange',
  'victim',
  'unknown'
] as const
export type LabelCategory = (typeof LABEL_CATEGORIES)[number]

/** How a category is drawn. `icon` is a short glyph that reads without colour (colour-blind analysts, print);
 * plain symbols, not emoji, so it renders offline without an emoji font. */
export interface CategoryStyle {
  title: string
  /** Fill colour (hex) for badges and graph nodes. */
  color: string
  /** Text colour that contrasts with `color`. */
  ink: string
  icon: string
  /** 0 = most severe; screening sorts by this. */
  severity: number
  /** Shown in the legend. */
  legend: string
}

const S = (title: string, color: string, ink: string, icon: string, legend: string) => ({ title, color, ink, icon, legend })

const STYLE_BY_CATEGORY: Record<LabelCategory, Omit<CategoryStyle, 'severity'>> = {
  sanctioned: S('Sanctioned', '#b00020', '#ffffff', '⊘', 'On a sanctions list (OFAC SDN or a list derived from it)'),
  theft_hack: S('Theft / hack', '#d84315', '#ffffff', '⚠', 'Exploiter, hacker or stolen-funds address'),
  ransomware: S('Ransomware', '#6a1b9a', '#ffffff', '☣', 'Ransomware operator or payment address'),
  darknet_market: S('Darknet market', '#4a148c', '#ffffff', '☠', 'Darknet market'),
  mixer: S('Mixer', '#37474f', '#ffffff', '∞', 'Mixing service or coinjoin coordinator'),
  scam: S('Scam', '#c2185b', '#ffffff', '✖', 'Scam, phishing or fraud'),
  suspect: S('Suspect', '#ef6c00', '#000000', '?', 'Suspect in this or another investigation'),
  le_seized: S('LE seized', '#1565c0', '#ffffff', '⚖', 'Seized by law enforcement'),
  gambling: S('Gambling', '#8d6e63', '#ffffff', '♠', 'Gambling service'),
  bridge: S('Bridge', '#00838f', '#ffffff', '⇄', 'Cross-chain bridge or router'),
  swap_service: S('Swap service', '#00897b', '#ffffff', '⇆', 'Instant swap / exchange service'),
  defi: S('DeFi', '#5e35b1', '#ffffff', '◆', 'DeFi protocol contract'),
  exchange: S('Exchange', '#2e7d32', '#ffffff', '¤', 'Centralised exchange'),
  victim: S('Victim', '#0277bd', '#ffffff', '♥', 'Victim'),
  unknown: S('Other', '#757575', '#ffffff', '•', 'Labelled, category not one of the above')
}

/** Style of every category, severity from LABEL_CATEGORIES order. */
export const CATEGORY_STYLES: Readonly<Record<LabelCategory, CategoryStyle>> = Object.fromEntries(
  LABEL_CATEGORIES.map((c, i) => [c, { ...STYLE_BY_CATEGORY[c], severity: i }])
) as Record<LabelCategory, CategoryStyle>

/** True for one of LABEL_CATEGORIES. */
export function isLabelCategory(x: string): x is LabelCategory {
  return (LABEL_CATEGORIES as readonly string[]).includes(x)
}

/** Style for a category text (unknown text draws as `unknown`). */
export function categoryStyle(category: string): CategoryStyle {
  return isLabelCategory(category) ? CATEGORY_STYLES[category] : CATEGORY_STYLES.unknown
}

/** The most severe of several categories (what one node/row is drawn as). */
export function worstCategory(categories: Iterable<string>): LabelCategory | undefined {
  let best: LabelCategory | undefined
  for (const c of categories) {
    const cat = isLabelCategory(c) ? c : 'unknown'
    if (!best || CATEGORY_STYLES[cat].severity < CATEGORY_STYLES[best].severity) best = cat
  }
  return best
}

/** GraphSense confidence taxonomy (tagpack-tool db/confidence.csv): id → level 0–100. */
export const CONFIDENCE_LEVELS: Readonly<Record<string, number>> = {
  override: 100,
  ownership: 100,
  ledger_immanent: 100,
  manual_transaction: 90,
  service_api: 70,
  forensic_investigation: 70,
  authority_data: 60,
  trusted_provider: 50,
  service_data: 50,
  forensic: 50,
  untrusted_transaction: 40,
  web_crawl: 20,
  heuristic: 10,
  unknown: 5
}

/** Lowest taxonomy level: what a pack gets when confidence is missing (GraphSense rule). */
export const LOWEST_CONFIDENCE = 'unknown'
