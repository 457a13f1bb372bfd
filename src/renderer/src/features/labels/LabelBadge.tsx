import { CATEGORY_STYLES, LABEL_CATEGORIES, categoryStyle } from '../../../../shared/domain/labels'
import { SafeText } from '../../components/SafeText'
import './labels.css'

/** A category chip: colour + icon + title, readable without colour (the icon and text carry the meaning). */
export function CategoryChip({ category }: { category: string }) {
  const s = categoryStyle(category)
  return (
    <span className="ct-cat-chip" style={{ background: s.color, color: s.ink }} data-category={category}>
      <span aria-hidden="true">{s.icon}</span> {s.title}
    </span>
  )
}

/** A label as tables and the graph show it: category chip and the label's own (untrusted) name. */
export function LabelBadge({ name, category, title }: { name: string; category: string; title?: string }) {
  const s = categoryStyle(category)
  return (
    <span className={`ct-label-badge${category === 'sanctioned' ? ' ct-sanctioned' : ''}`} style={{ borderColor: s.color }} title={title}>
      <span className="ct-label-icon" style={{ background: s.color, color: s.ink }} aria-label={s.title}>
        {s.icon}
      </span>
      <SafeText text={name} />
    </span>
  )
}

/** Legend of every category's colour and icon (graph and tables use the same map from shared/domain/labels). */
export function CategoryLegend() {
  return (
    <ul className="ct-legend" aria-label="Label categories">
      {LABEL_CATEGORIES.map((c) => (
        <li key={c}>
          <CategoryChip category={c} /> <span className="ct-legend-text">{CATEGORY_STYLES[c].legend}</span>
        </li>
      ))}
    </ul>
  )
}
