/**
 * Colour and glyph for a label category. The labels area will publish the product's category map in
 * src/shared; until then this fallback covers the common categories. Everything that styles a node takes the
 * category string and calls categoryStyle, so swapping the map is one import.
 */
export interface CategoryStyle {
  color: string
  /** One character drawn with the label (canvas and SVG), readable in black and white print. */
  glyph: string
  name: string
}

const MAP: Record<string, CategoryStyle> = {
  exchange: { color: '#2563eb', glyph: '⇄', name: 'Exchange' },
  mixer: { color: '#dc2626', glyph: '◎', name: 'Mixer' },
  hacker: { color: '#b91c1c', glyph: '☠', name: 'Hacker / theft' },
  scam: { color: '#c2410c', glyph: '!', name: 'Scam' },
  sanctioned: { color: '#7f1d1d', glyph: '⛔', name: 'Sanctioned' },
  ransomware: { color: '#9f1239', glyph: '⚿', name: 'Ransomware' },
  darknet: { color: '#6b21a8', glyph: '◆', name: 'Darknet market' },
  bridge: { color: '#0891b2', glyph: '⇌', name: 'Bridge' },
  defi: { color: '#0d9488', glyph: '◇', name: 'DeFi' },
  gambling: { color: '#a16207', glyph: '♠', name: 'Gambling' },
  merchant: { color: '#15803d', glyph: '▣', name: 'Merchant' },
  victim: { color: '#16a34a', glyph: '♥', name: 'Victim' },
  entity: { color: '#7c3aed', glyph: '◉', name: 'Entity (grouped)' },
  transaction: { color: '#64748b', glyph: '▪', name: 'Transaction' }
}
const UNKNOWN: CategoryStyle = { color: '#94a3b8', glyph: '○', name: 'Unlabelled' }

/** Style for a category string (case-insensitive); unknown or missing categories get the neutral style. */
export function categoryStyle(category: string | null | undefined): CategoryStyle {
  if (!category) return UNKNOWN
  return MAP[category.toLowerCase()] ?? { ...UNKNOWN, name: category }
}

/** Colour per asset for edges, stable by asset key. */
export function assetColor(key: string): string {
  const palette = ['#475569', '#0f766e', '#9333ea', '#b45309', '#be185d', '#1d4ed8', '#4d7c0f']
  let h = 0
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return key.endsWith(':native') ? palette[0] : palette[1 + (h % (palette.length - 1))]
}
