import { categoryStyle as labelCategoryStyle, isLabelCategory } from '../domain/labels'

/**
 * How the graph draws a node kind: label categories take the product's category map (src/shared/domain/labels),
 * so tables, labels view, canvas and exhibits agree; the graph adds its own kinds (entities, transactions).
 */
export interface CategoryStyle {
  color: string
  /** One character drawn with the label (canvas and SVG), readable in black and white print. */
  glyph: string
  name: string
  /** Which pictogram the canvas draws: a label category, `entity`, `transaction` or `unlabelled`. */
  key: string
}

const GRAPH_KINDS: Record<string, CategoryStyle> = {
  entity: { color: '#7c3aed', glyph: '◉', name: 'Entity (grouped)', key: 'entity' },
  transaction: { color: '#64748b', glyph: '▪', name: 'Transaction', key: 'transaction' }
}
/** Older or looser category words seen in tag data, mapped onto the product categories. */
const ALIASES: Record<string, string> = { hacker: 'theft_hack', theft: 'theft_hack', hack: 'theft_hack', darknet: 'darknet_market', sanction: 'sanctioned' }
const UNKNOWN: CategoryStyle = { color: '#94a3b8', glyph: '○', name: 'Unlabelled', key: 'unlabelled' }

/** Style for a category string (case-insensitive); unknown or missing categories get the neutral style. */
export function categoryStyle(category: string | null | undefined): CategoryStyle {
  if (!category) return UNKNOWN
  const c = category.toLowerCase()
  if (GRAPH_KINDS[c]) return GRAPH_KINDS[c]
  const mapped = ALIASES[c] ?? c
  if (!isLabelCategory(mapped)) return { ...UNKNOWN, name: category }
  const s = labelCategoryStyle(mapped)
  return { color: s.color, glyph: s.icon, name: s.title, key: mapped }
}

/** Colour per asset for edges, stable by asset key. */
export function assetColor(key: string): string {
  const palette = ['#475569', '#0f766e', '#9333ea', '#b45309', '#be185d', '#1d4ed8', '#4d7c0f']
  let h = 0
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return key.endsWith(':native') ? palette[0] : palette[1 + (h % (palette.length - 1))]
}
