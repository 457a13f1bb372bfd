import { Resvg } from '@resvg/resvg-js'
import type { GraphState } from '../../shared/api/areas/graph'
import type { CaseHandle } from '../case/case-folder'
import { mutate } from '../store/unit-of-work'
import { sha256Hex } from '../util/hash'
import { nowIso } from '../util/clock'
import { buildExhibit } from './exhibit'
import { exhibitSvg } from './svg'
import { exhibitGexf, exhibitGraphml } from './xml-formats'

/** Formats a view exports to. */
export type ExportFormat = 'svg' | 'png' | 'gexf' | 'graphml'

const MIME: Record<ExportFormat, string> = { svg: 'image/svg+xml', png: 'image/png', gexf: 'application/gexf+xml', graphml: 'application/graphml+xml' }

/** SVG text → PNG bytes at print resolution (2.5× the SVG's CSS pixels, about 240 dpi across an A3 width). */
export function svgToPng(svg: string): Buffer {
  const r = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2.5 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' })
  return Buffer.from(r.render().asPng())
}

/**
 * Export a view (core code, never a screenshot). The export is audited with its format and SHA-256 so a
 * figure shown in court can be matched to the case that produced it.
 */
export function exportView(c: CaseHandle, examiner: string, state: GraphState, format: ExportFormat, title: string): { fileName: string; mime: string; encoding: 'utf8' | 'base64'; data: string; sha256: string } {
  const m = c.meta()
  const generatedAt = nowIso().replace(/\.\d+Z$/, 'Z')
  const x = buildExhibit(c.db, state, { title, caseNumber: m.caseNumber, caseTitle: m.title, examiner, generatedAt })
  let bytes: Buffer
  if (format === 'gexf') bytes = Buffer.from(exhibitGexf(x), 'utf8')
  else if (format === 'graphml') bytes = Buffer.from(exhibitGraphml(x), 'utf8')
  else {
    const svg = exhibitSvg(x)
    bytes = format === 'png' ? svgToPng(svg) : Buffer.from(svg, 'utf8')
  }
  const sha256 = sha256Hex(bytes)
  const safe = title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'graph'
  const fileName = `${m.caseNumber.replace(/[^A-Za-z0-9._-]+/g, '-')}-${safe}.${format}`
  if (!c.readOnly) mutate(c, examiner, 'graph.exported', () => ({ result: null, details: { title, format, sha256, bytes: bytes.length, nodes: x.nodes.length, flows: x.edges.length, state } }))
  return { fileName, mime: MIME[format], encoding: format === 'png' ? 'base64' : 'utf8', data: format === 'png' ? bytes.toString('base64') : bytes.toString('utf8'), sha256 }
}
