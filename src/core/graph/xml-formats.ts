import { APP_VERSION } from '../version'
import type { Exhibit } from './exhibit'
import { xmlText as t } from './xml'

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16))

/** GEXF 1.3 for Gephi: attributes carry the exact totals as strings, viz carries position, colour and size. */
export function exhibitGexf(x: Exhibit): string {
  const nodeAttrs = ['kind', 'network', 'ref', 'category', 'annotation']
  const edgeAttrs = ['network', 'asset', 'symbol', 'decimals', 'total_base_units', 'amount', 'transfers', 'first_time', 'last_time', 'annotation']
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    `<meta lastmodifieddate="${t(x.generatedAt.slice(0, 10))}"><creator>Chaintrail ${APP_VERSION}</creator><description>${t(`${x.title} — case ${x.caseNumber}`)}</description></meta>`,
    '<graph defaultedgetype="directed" mode="static">',
    '<attributes class="node">',
    ...nodeAttrs.map((a, i) => `<attribute id="n${i}" title="${a}" type="string"/>`),
    '</attributes>',
    '<attributes class="edge">',
    ...edgeAttrs.map((a, i) => `<attribute id="e${i}" title="${a}" type="${a === 'decimals' || a === 'transfers' ? 'integer' : 'string'}"/>`),
    '</attributes>',
    '<nodes>'
  ]
  for (const n of x.nodes) {
    const vals = [n.kind, n.network ?? '', n.ref ?? '', n.category, n.annotation ?? '']
    const [r, g, b] = hex(n.color)
    out.push(
      `<node id="${t(n.id)}" label="${t(n.label)}"><attvalues>${vals.map((v, i) => `<attvalue for="n${i}" value="${t(v)}"/>`).join('')}</attvalues>` +
        `<viz:color r="${r}" g="${g}" b="${b}"/><viz:position x="${n.x.toFixed(2)}" y="${(-n.y).toFixed(2)}" z="0"/><viz:size value="${n.r}"/></node>`
    )
  }
  out.push('</nodes>', '<edges>')
  for (const e of x.edges) {
    const vals = [e.network, e.asset, e.symbol, String(e.decimals), e.total, e.amount, String(e.count), e.firstTime == null ? '' : String(e.firstTime), e.lastTime == null ? '' : String(e.lastTime), e.annotation ?? '']
    out.push(`<edge id="${t(e.id)}" source="${t(e.source)}" target="${t(e.target)}" label="${t(e.amount)}" weight="${e.width.toFixed(3)}"><attvalues>${vals.map((v, i) => `<attvalue for="e${i}" value="${t(v)}"/>`).join('')}</attvalues></edge>`)
  }
  out.push('</edges>', '</graph>', '</gexf>', '')
  return out.join('\n')
}

/** GraphML (yEd, Gephi, NetworkX): the same attributes as GEXF as typed keys. */
export function exhibitGraphml(x: Exhibit): string {
  const nk = ['label', 'kind', 'network', 'ref', 'category', 'color', 'x', 'y', 'annotation']
  const ek = ['network', 'asset', 'symbol', 'decimals', 'total_base_units', 'amount', 'transfers', 'first_time', 'last_time', 'annotation']
  const type = (k: string) => (k === 'x' || k === 'y' ? 'double' : k === 'decimals' || k === 'transfers' ? 'int' : 'string')
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `<!-- ${t(`Chaintrail ${APP_VERSION} · ${x.title} · case ${x.caseNumber} · ${x.generatedAt}`).replace(/--/g, '- -')} -->`,
    ...nk.map((k) => `<key id="n_${k}" for="node" attr.name="${k}" attr.type="${type(k)}"/>`),
    ...ek.map((k) => `<key id="e_${k}" for="edge" attr.name="${k}" attr.type="${type(k)}"/>`),
    '<graph id="G" edgedefault="directed">'
  ]
  for (const n of x.nodes) {
    const v: Record<string, string> = { label: n.label, kind: n.kind, network: n.network ?? '', ref: n.ref ?? '', category: n.category, color: n.color, x: n.x.toFixed(2), y: n.y.toFixed(2), annotation: n.annotation ?? '' }
    out.push(`<node id="${t(n.id)}">${nk.map((k) => `<data key="n_${k}">${t(v[k])}</data>`).join('')}</node>`)
  }
  for (const e of x.edges) {
    const v: Record<string, string> = { network: e.network, asset: e.asset, symbol: e.symbol, decimals: String(e.decimals), total_base_units: e.total, amount: e.amount, transfers: String(e.count), first_time: e.firstTime == null ? '' : String(e.firstTime), last_time: e.lastTime == null ? '' : String(e.lastTime), annotation: e.annotation ?? '' }
    out.push(`<edge id="${t(e.id)}" source="${t(e.source)}" target="${t(e.target)}">${ek.map((k) => `<data key="e_${k}">${t(v[k])}</data>`).join('')}</edge>`)
  }
  out.push('</graph>', '</graphml>', '')
  return out.join('\n')
}
