import { APP_VERSION } from '../version'
import { categoryStyle } from '../../shared/graph/category-style'
import { formatUtc, type Exhibit, type ExhibitNode } from './exhibit'
import { clip, xmlText } from './xml'

interface Box {
  x: number
  y: number
  w: number
  h: number
}
const hit = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
/** Rough advance width of text in DejaVu Sans / Mono at `size` px (good enough to keep labels apart). */
const textW = (s: string, size: number, mono = false) => [...s].length * size * (mono ? 0.61 : 0.58)

const SANS = "font-family=\"'DejaVu Sans', 'Segoe UI', Arial, sans-serif\""
const MONO = "font-family=\"'DejaVu Sans Mono', Consolas, monospace\""
const X = (s: string, max: number) => xmlText(clip(s, max))

function bez(e: { sx: number; sy: number; tx: number; ty: number; bend: number }, t: number): { x: number; y: number } {
  const mx = (e.sx + e.tx) / 2
  const c1 = { x: e.tx > e.sx ? mx : e.sx + 120, y: e.sy + e.bend }
  const c2 = { x: e.tx > e.sx ? mx : e.tx - 120, y: e.ty + e.bend }
  const u = 1 - t
  return { x: u * u * u * e.sx + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * e.tx, y: u * u * u * e.sy + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * e.ty }
}

/**
 * Render an exhibit as a standalone, print-quality SVG: title block, legend, the flow picture with
 * non-overlapping labels, and tables giving every node's full address and every edge's exact amount.
 * Output contains no script, no foreignObject, no event attributes and no external references.
 */
export function exhibitSvg(x: Exhibit): string {
  const M = 48
  const HEADER = 150
  const byId = new Map(x.nodes.map((n) => [n.id, n]))
  const minX = Math.min(0, ...x.nodes.map((n) => n.x))
  const minY = Math.min(0, ...x.nodes.map((n) => n.y))
  const gx = (n: ExhibitNode) => n.x - minX + M + 140
  const gy = (n: ExhibitNode) => n.y - minY + M + HEADER + 40
  const graphW = Math.max(0, ...x.nodes.map((n) => gx(n))) + 200
  const graphH = Math.max(HEADER + 200, ...x.nodes.map((n) => gy(n) + 80))
  const W = Math.max(1500, Math.ceil(graphW))
  const obstacles: Box[] = x.nodes.map((n) => ({ x: gx(n) - n.r - 3, y: gy(n) - n.r - 3, w: 2 * n.r + 6, h: 2 * n.r + 6 }))
  const out: string[] = []
  // Edges first so nodes and labels sit on top.
  const pairCount = new Map<string, number>()
  const edgeGeo = x.edges.map((e) => {
    const s = byId.get(e.source)!
    const t = byId.get(e.target)!
    const k = [e.source, e.target].sort().join('|')
    const i = pairCount.get(k) ?? 0
    pairCount.set(k, i + 1)
    const back = gx(t) <= gx(s)
    const base = (i % 2 ? -1 : 1) * Math.ceil(i / 2) * 26 + (back ? 60 : 0)
    const mk = (bend: number) => ({ sx: gx(s) + (back ? 0 : s.r), sy: gy(s) + (back ? s.r : 0), tx: gx(t) - (back ? 0 : t.r + 3), ty: gy(t) + (back ? t.r + 3 : 0), bend })
    // Bend an edge around nodes it would otherwise pass through, so no flow seems to route via a bystander.
    const clear = (geo: ReturnType<typeof mk>) =>
      x.nodes.every((n) => n === s || n === t || [0.15, 0.3, 0.45, 0.6, 0.75, 0.9].every((k) => {
        const p = bez(geo, k)
        return Math.hypot(p.x - gx(n), p.y - gy(n)) > n.r + 10
      }))
    const tries = [0, -60, 60, -120, 120, -180, 180, -260, 260].map((d) => mk(base + d))
    return { e, geo: tries.find(clear) ?? tries[0] }
  })
  const colors = [...new Set(x.edges.map((e) => e.color))]
  out.push('<defs>')
  colors.forEach((c, i) => out.push(`<marker id="arrow${i}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`))
  out.push('</defs>')
  for (const { e, geo } of edgeGeo) {
    const c1 = bez(geo, 0)
    const a = { x: geo.tx > geo.sx ? (geo.sx + geo.tx) / 2 : geo.sx + 120, y: geo.sy + geo.bend }
    const b = { x: geo.tx > geo.sx ? (geo.sx + geo.tx) / 2 : geo.tx - 120, y: geo.ty + geo.bend }
    out.push(`<path d="M${c1.x.toFixed(1)},${c1.y.toFixed(1)} C${a.x.toFixed(1)},${a.y.toFixed(1)} ${b.x.toFixed(1)},${b.y.toFixed(1)} ${geo.tx.toFixed(1)},${geo.ty.toFixed(1)}" fill="none" stroke="${e.color}" stroke-opacity="0.72" stroke-width="${e.width.toFixed(2)}" marker-end="url(#arrow${colors.indexOf(e.color)})"/>`)
  }
  // Node labels: below, above, right or left of the node, whichever is free; otherwise the table carries it.
  const nodeLabels: string[] = []
  for (const n of [...x.nodes].sort((a, b) => b.r - a.r)) {
    const l1 = `${n.glyph} ${clip(n.label, 34)}`
    const l2 = n.kind === 'entity' ? 'grouped entity' : n.ref ? (n.ref.length > 24 ? `${n.ref.slice(0, 12)}…${n.ref.slice(-8)}` : n.ref) : ''
    const l3 = n.category.toUpperCase()
    const w = Math.max(textW(l1, 12.5), textW(l2, 10.5, true), textW(l3, 9)) + 8
    const h = 44
    const cx = gx(n)
    const cy = gy(n)
    const cands: Box[] = [
      { x: cx - w / 2, y: cy + n.r + 4, w, h },
      { x: cx - w / 2, y: cy - n.r - 4 - h, w, h },
      { x: cx + n.r + 6, y: cy - h / 2, w, h },
      { x: cx - n.r - 6 - w, y: cy - h / 2, w, h }
    ]
    const box = cands.find((c) => !obstacles.some((o) => hit(o, c)))
    if (!box) continue
    obstacles.push(box)
    const mid = box.x + box.w / 2
    nodeLabels.push(
      `<g><text x="${mid.toFixed(1)}" y="${(box.y + 14).toFixed(1)}" text-anchor="middle" ${SANS} font-size="12.5" font-weight="bold" fill="#0f172a" stroke="#ffffff" stroke-width="3.5" paint-order="stroke">${xmlText(l1)}</text>` +
        (l2 ? `<text x="${mid.toFixed(1)}" y="${(box.y + 28).toFixed(1)}" text-anchor="middle" ${MONO} font-size="10.5" fill="#334155" stroke="#ffffff" stroke-width="3" paint-order="stroke">${xmlText(l2)}</text>` : '') +
        `<text x="${mid.toFixed(1)}" y="${(box.y + 40).toFixed(1)}" text-anchor="middle" ${SANS} font-size="9" letter-spacing="0.6" fill="${categoryStyle(null).color === n.color ? '#64748b' : n.color}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${xmlText(l3)}</text></g>`
    )
  }
  // Edge labels at the first free point along the curve.
  const edgeLabels: string[] = []
  for (const { e, geo } of [...edgeGeo].sort((a, b) => b.e.width - a.e.width)) {
    const text = `F${e.n} · ${e.amount}`
    const sub = `${e.count} transfer${e.count === 1 ? '' : 's'}${e.annotation ? ' · ✎ note' : ''}`
    const w = Math.max(textW(text, 11), textW(sub, 9.5)) + 10
    const h = 30
    let placed: Box | undefined
    for (const t of [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8]) {
      const p = bez(geo, t)
      const c = { x: p.x - w / 2, y: p.y - h / 2, w, h }
      if (!obstacles.some((o) => hit(o, c))) {
        placed = c
        break
      }
    }
    if (!placed) continue
    obstacles.push(placed)
    const mid = placed.x + placed.w / 2
    edgeLabels.push(
      `<g><rect x="${placed.x.toFixed(1)}" y="${placed.y.toFixed(1)}" width="${placed.w.toFixed(1)}" height="${h}" rx="4" fill="#ffffff" fill-opacity="0.92" stroke="${e.color}" stroke-opacity="0.55"/>` +
        `<text x="${mid.toFixed(1)}" y="${(placed.y + 13).toFixed(1)}" text-anchor="middle" ${SANS} font-size="11" font-weight="bold" fill="#0f172a">${xmlText(text)}</text>` +
        `<text x="${mid.toFixed(1)}" y="${(placed.y + 25).toFixed(1)}" text-anchor="middle" ${SANS} font-size="9.5" fill="#475569">${xmlText(sub)}</text></g>`
    )
  }
  for (const n of x.nodes) {
    const cx = gx(n).toFixed(1)
    const cy = gy(n).toFixed(1)
    out.push(
      n.kind === 'tx'
        ? `<rect x="${(gx(n) - n.r).toFixed(1)}" y="${(gy(n) - n.r).toFixed(1)}" width="${2 * n.r}" height="${2 * n.r}" rx="3" fill="${n.color}" stroke="#ffffff" stroke-width="2.5"/>`
        : `<circle cx="${cx}" cy="${cy}" r="${n.r + 3}" fill="${n.color}" fill-opacity="0.18"/><circle cx="${cx}" cy="${cy}" r="${n.r}" fill="${n.color}" stroke="#ffffff" stroke-width="2.5"/>`
    )
    out.push(`<text x="${cx}" y="${(gy(n) + 4).toFixed(1)}" text-anchor="middle" ${SANS} font-size="${n.kind === 'tx' ? 8.5 : 11}" font-weight="bold" fill="#ffffff">${n.n}</text>`)
  }
  out.push(...edgeLabels, ...nodeLabels)
  const tables = exhibitTables(x, M, graphH + 30, W)
  const H = tables.bottom + 50
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<title>${xmlText(x.title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    header(x, M, W),
    legend(x, W - M - 360, M),
    `<rect x="${M}" y="${M + HEADER}" width="${W - 2 * M}" height="${graphH - M - HEADER + 10}" fill="#f8fafc" stroke="#e2e8f0" rx="6"/>`,
    ...out,
    tables.svg,
    `<text x="${M}" y="${H - 22}" ${SANS} font-size="9.5" fill="#64748b">Generated by Chaintrail ${APP_VERSION} from the case data. Every amount is the exact sum of the transfers behind it (base units, shown with the asset's decimals); each transfer's evidence file SHA-256 and locator are in the case.</text>`,
    '</svg>',
    ''
  ].join('\n')
}

function header(x: Exhibit, M: number, W: number): string {
  return [
    `<rect x="0" y="0" width="${W}" height="8" fill="#0f172a"/>`,
    `<text x="${M}" y="${M + 12}" ${SANS} font-size="24" font-weight="bold" fill="#0f172a">${X(x.title, 90)}</text>`,
    `<text x="${M}" y="${M + 40}" ${SANS} font-size="13.5" fill="#1e293b">Case ${X(x.caseNumber, 60)} — ${X(x.caseTitle, 90)}</text>`,
    `<text x="${M}" y="${M + 62}" ${SANS} font-size="12" fill="#475569">Generated ${xmlText(x.generatedAt)} (UTC) · Examiner ${X(x.examiner, 60)} · ${x.nodes.length} nodes, ${x.edges.length} flows</text>`,
    `<text x="${M}" y="${M + 82}" ${SANS} font-size="12" fill="#475569">Filters: ${X(x.filters, 150)}</text>`
  ].join('\n')
}

function legend(x: Exhibit, left: number, top: number): string {
  const cats = [...new Map(x.nodes.map((n) => [n.category, n])).values()].slice(0, 8)
  const rows = cats.map((n, i) => {
    const col = i % 2
    const row = Math.floor(i / 2)
    const lx = left + 14 + col * 170
    const ly = top + 30 + row * 20
    return `<circle cx="${lx + 6}" cy="${ly - 4}" r="6" fill="${n.color}"/><text x="${lx + 18}" y="${ly}" ${SANS} font-size="11" fill="#1e293b">${xmlText(`${n.glyph} ${clip(n.category, 20)}`)}</text>`
  })
  const h = 30 + Math.ceil(cats.length / 2) * 20 + 22
  return [
    `<rect x="${left}" y="${top - 8}" width="360" height="${h + 14}" rx="6" fill="#ffffff" stroke="#cbd5e1"/>`,
    `<text x="${left + 14}" y="${top + 10}" ${SANS} font-size="11" font-weight="bold" fill="#0f172a">LEGEND</text>`,
    ...rows,
    `<text x="${left + 14}" y="${top + h - 16}" ${SANS} font-size="9.5" fill="#475569">Arrows: direction of funds. Edge width: value within its asset.</text>`,
    `<text x="${left + 14}" y="${top + h - 2}" ${SANS} font-size="9.5" fill="#475569">Node numbers and Fn flow numbers refer to the tables below.</text>`
  ].join('\n')
}

function exhibitTables(x: Exhibit, M: number, top: number, W: number): { svg: string; bottom: number } {
  const out: string[] = []
  let y = top
  const row = (cells: [string, number, boolean?][], yy: number, bold = false) =>
    cells.map(([t, cx, mono]) => `<text x="${cx}" y="${yy}" ${mono ? MONO : SANS} font-size="10" ${bold ? 'font-weight="bold" ' : ''}fill="#0f172a">${xmlText(t)}</text>`).join('')
  out.push(`<text x="${M}" y="${y}" ${SANS} font-size="14" font-weight="bold" fill="#0f172a">Nodes</text>`)
  y += 20
  const nc = [M, M + 40, M + 330, M + 470, M + 560]
  out.push(row([['#', nc[0]], ['Label', nc[1]], ['Category', nc[2]], ['Network', nc[3]], ['Address / transaction / note', nc[4]]], y, true))
  for (const n of x.nodes) {
    y += 16
    const ref = n.ref ?? (n.kind === 'entity' ? 'grouped entity (members listed in the case)' : '')
    out.push(row([[String(n.n), nc[0]], [clip(n.label, 48), nc[1]], [clip(n.category, 22), nc[2]], [n.network ?? '—', nc[3]], [clip(ref + (n.annotation ? `  ✎ ${n.annotation}` : ''), Math.floor((W - nc[4] - M) / 6.1)), nc[4], true]], y))
  }
  y += 34
  out.push(`<text x="${M}" y="${y}" ${SANS} font-size="14" font-weight="bold" fill="#0f172a">Flows</text>`)
  y += 20
  const ec = [M, M + 40, M + 110, M + 180, M + 600, M + 680, M + 860, M + 1040]
  out.push(row([['F#', ec[0]], ['From', ec[1]], ['To', ec[2]], ['Amount (exact)', ec[3]], ['Transfers', ec[4]], ['First (UTC)', ec[5]], ['Last (UTC)', ec[6]], ['Note', ec[7]]], y, true))
  const num = new Map(x.nodes.map((n) => [n.id, n.n]))
  for (const e of x.edges) {
    y += 16
    out.push(row([[`F${e.n}`, ec[0]], [String(num.get(e.source)), ec[1]], [String(num.get(e.target)), ec[2]], [e.amount, ec[3], true], [String(e.count), ec[4]], [formatUtc(e.firstTime), ec[5]], [formatUtc(e.lastTime), ec[6]], [clip(e.annotation ?? '', Math.floor((W - ec[7] - M) / 6)), ec[7]]], y))
  }
  return { svg: out.join('\n'), bottom: y }
}

