import type Sigma from 'sigma'
import type { Settings } from 'sigma/settings'
import type { NodeDisplayData, PartialButFor } from 'sigma/types'
import { drawPictogram, hasPictogram } from './pictograms'

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string; icon?: string }
/** A rectangle in canvas pixels. */
export interface Box {
  x: number
  y: number
  w: number
  h: number
}

const CELL = 64
const BADGE = 15
const PAD = 4

/**
 * Node labels that never overlap, with category pictograms. Sigma's label grid only limits how many labels a
 * grid cell shows, so two labels near a cell border (or forced labels of a highlighted neighbourhood) still
 * collide. Here sigma's label pass only collects candidates; after the frame they are drawn in priority order
 * (selected, highlighted neighbourhood, then bigger nodes first) and a label whose box would touch an already
 * drawn label or another node's disc is left out (the panel and hover still show it).
 */
export function labelLayer(font: { family: string; size: number; weight: string; color: string }, reserved: () => Box[] = () => []): { settings: Pick<Settings, 'defaultDrawNodeLabel' | 'defaultDrawNodeHover'>; attach(s: Sigma): void } {
  let cands: LabelData[] = []
  const fontText = `${font.weight} ${font.size}px ${font.family}`
  return {
    // Given to the Sigma constructor (a setSetting afterwards would re-index the whole graph once more).
    settings: {
      defaultDrawNodeLabel: (_c: CanvasRenderingContext2D, d: LabelData) => void cands.push(d),
      defaultDrawNodeHover: (c: CanvasRenderingContext2D, d: LabelData, st: Settings) => drawHover(c, d, st, fontText)
    } as never,
    attach: (s) => attach(s, font, fontText, () => cands, () => (cands = []), reserved)
  }
}

function attach(s: Sigma, font: { size: number; color: string }, fontText: string, get: () => LabelData[], reset: () => void, reserved: () => Box[]): void {
  const widths = new Map<string, number>()
  s.on('beforeRender', reset)
  s.on('afterRender', () => {
    const cands = get()
    if (!cands.length) return
    const c = s.getCanvases().labels.getContext('2d')!
    const { width, height } = s.getDimensions()
    c.font = fontText
    if (widths.size > 20_000) widths.clear()
    const measure = (t: string) => widths.get(t) ?? widths.set(t, c.measureText(t).width).get(t)!
    const grid = new Map<number, (Box & { owner?: string })[]>()
    const keys = (b: Box) => {
      const out: number[] = []
      for (let gx = Math.floor(b.x / CELL); gx <= Math.floor((b.x + b.w) / CELL); gx++) for (let gy = Math.floor(b.y / CELL); gy <= Math.floor((b.y + b.h) / CELL); gy++) out.push(gx * 100_003 + gy)
      return out
    }
    const put = (b: Box & { owner?: string }) => keys(b).forEach((k) => (grid.get(k) ?? grid.set(k, []).get(k)!).push(b))
    // Boxes that only touch (within a pixel) do not collide.
    const hits = (b: Box, owner: string | undefined) => keys(b).some((k) => grid.get(k)?.some((o) => o.owner !== owner && o.x < b.x + b.w - 1 && b.x < o.x + o.w - 1 && o.y < b.y + b.h - 1 && b.y < o.y + o.h - 1))
    // Overlays on the canvas (legend, counters) and other nodes' discs are obstacles too.
    for (const r of reserved()) put(r)
    for (const d of cands) put({ x: d.x - d.size, y: d.y - d.size, w: 2 * d.size, h: 2 * d.size, owner: d.key })
    cands.sort((a, b) => Number(!!b.highlighted) - Number(!!a.highlighted) || Number(!!b.forceLabel) - Number(!!a.forceLabel) || b.size - a.size)
    c.textBaseline = 'middle'
    c.lineJoin = 'round'
    for (const d of cands) {
      if (!d.label) continue
      // A highlighted (selected) node shows its label on sigma's hover card; keep that card's area free instead.
      if (d.highlighted) {
        const w = measure((d as { fullLabel?: string }).fullLabel || d.label) + BADGE + 14
        put({ x: d.x - d.size - 3, y: d.y - Math.max(d.size + 3, font.size / 2 + 6), w: 2 * d.size + 6 + w, h: Math.max(2 * d.size + 6, font.size + 12), owner: d.key })
        continue
      }
      const icon = d.icon && hasPictogram(d.icon) ? d.icon : null
      // A pictogram goes inside a disc big enough to hold it, else in a small badge before the text.
      const inside = icon && d.size >= 7
      if (inside) drawPictogram(c, icon, d.x, d.y, d.size * 0.58, '#ffffff')
      const badge = icon && !inside
      const cw = (badge ? BADGE : 0) + measure(d.label)
      const h = font.size + 4
      // Right of the node first (reads like a list), then below, above, left: the first place that is free
      // and inside the canvas wins; none free means no label (hover and the panel still show it).
      const right = d.x + d.size + PAD - 2
      const left = d.x - d.size - PAD - cw - 2
      const places = [
        { x: right, y: d.y - h / 2 },
        { x: d.x - cw / 2 - 2, y: d.y + d.size + 2 },
        { x: d.x - cw / 2 - 2, y: d.y - d.size - 2 - h },
        { x: left, y: d.y - h / 2 },
        // Slightly raised or lowered beside the node, for tight columns.
        { x: right, y: d.y - h + 2 },
        { x: right, y: d.y - 2 },
        { x: left, y: d.y - h + 2 },
        { x: left, y: d.y - 2 }
      ]
      const box = places.map((p) => ({ ...p, w: cw + 4, h })).find((b) => b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height && !hits(b, d.key))
      if (!box) continue
      put({ ...box, owner: d.key })
      const x0 = box.x + 2
      const cy = box.y + h / 2
      if (badge) {
        c.beginPath()
        c.arc(x0 + 6, cy, 6.5, 0, Math.PI * 2)
        c.fillStyle = d.color
        c.fill()
        drawPictogram(c, icon, x0 + 6, cy, 4, '#ffffff')
      }
      const tx = x0 + (badge ? BADGE : 0)
      c.lineWidth = 3.5
      c.strokeStyle = 'rgba(255,255,255,0.92)'
      c.strokeText(d.label, tx, cy)
      c.fillStyle = font.color
      c.fillText(d.label, tx, cy)
    }
  })
}

/** Hover card: white rounded box around the node with its pictogram and full label. */
function drawHover(c: CanvasRenderingContext2D, d: LabelData, st: Settings, fontText: string): void {
  const label = (d as { fullLabel?: string }).fullLabel || d.label
  c.font = fontText
  const size = st.labelSize
  const icon = d.icon && hasPictogram(d.icon) ? d.icon : null
  const w = label ? c.measureText(label).width + (icon ? BADGE : 0) + 14 : 0
  const h = Math.max(2 * d.size + 6, size + 12)
  c.save()
  c.fillStyle = '#ffffff'
  c.shadowColor = 'rgba(15,23,42,0.25)'
  c.shadowBlur = 10
  c.beginPath()
  if (label) c.roundRect(d.x - d.size - 3, d.y - h / 2, 2 * d.size + 6 + w, h, h / 2)
  else c.arc(d.x, d.y, d.size + 3, 0, Math.PI * 2)
  c.fill()
  c.restore()
  if (!label) return
  let x = d.x + d.size + 6
  if (icon) {
    c.beginPath()
    c.arc(x + 6, d.y, 6.5, 0, Math.PI * 2)
    c.fillStyle = d.color
    c.fill()
    drawPictogram(c, icon, x + 6, d.y, 4, '#ffffff')
    x += BADGE
  }
  c.textBaseline = 'middle'
  c.fillStyle = '#0f172a'
  c.fillText(label, x, d.y)
}
