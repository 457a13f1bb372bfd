import { parse as parseCsv } from 'csv-parse/sync'
import { isLosslessNumber, parse as parseJson } from 'lossless-json'
import { isLabelCategory, LOWEST_CONFIDENCE, type LabelCategory } from '../../../shared/domain/labels'
import { mapConcepts } from '../../attribution/concepts'
import { networkForSymbol, resolveLabelAddress } from '../../attribution/label-address'
import type { Importer, ImportRecord, SourceLocation } from '../types'
import { ParseError } from '../types'
import { confidenceLevel, EntryCheck, MAX_FIELD_CHARS, oversizedField, readText, type LabelEntry } from './entries'

const MAX_BYTES = 64 * 1024 * 1024
const REQUIRED = ['address', 'chain', 'label', 'category', 'source'] as const
const OPTIONAL = ['confidence', 'note', 'author'] as const

/** Category text → category: one of ours, or a GraphSense concept that maps to one. */
function category(text: string): { category: LabelCategory; concept: string } | undefined {
  const t = text.trim().toLowerCase().replace(/[ /-]+/g, '_')
  if (isLabelCategory(t)) return { category: t, concept: '' }
  const m = mapConcepts({ category: t })
  return m.category === 'unknown' ? undefined : { category: m.category, concept: `category=${text}` }
}

/** Shared per-row rules of the plain CSV and JSON formats. */
function rowToRecord(row: Map<string, string>, loc: SourceLocation, where: string, check: EntryCheck, listTitle: string, warnNoConfidence: () => void): ImportRecord | undefined {
  for (const k of REQUIRED) if (!row.get(k)?.trim()) return check.bad(loc, where, `${k} is empty`)
  const big = oversizedField(Object.fromEntries(row))
  if (big) return check.bad(loc, where, `${big} is over ${MAX_FIELD_CHARS} characters`)
  const address = row.get('address')!
  let network: string
  try {
    network = networkForSymbol(row.get('chain')!, address)
  } catch (e) {
    return check.bad(loc, where, (e as Error).message)
  }
  const cat = category(row.get('category')!)
  if (!cat) return check.bad(loc, where, `unknown category "${row.get('category')}"`)
  const confidenceId = row.get('confidence')?.trim() || LOWEST_CONFIDENCE
  if (!row.get('confidence')?.trim()) warnNoConfidence()
  if (confidenceLevel(confidenceId) === undefined) return check.bad(loc, where, `unknown confidence "${confidenceId}"`)
  const identity = [address, row.get('chain'), row.get('label'), row.get('source')].map((x) => (x ?? '').toLowerCase()).join('\u0000')
  const dup = check.duplicate(identity, loc, where)
  if (dup !== false) return dup
  try {
    const a = resolveLabelAddress(address, network)
    const entry: LabelEntry = {
      target: { network: a.network, address: a.canonical, addressText: address, check: a.check },
      name: row.get('label')!,
      category: cat.category,
      concept: cat.concept,
      source: row.get('source')!,
      listTitle,
      confidenceId,
      author: row.get('author') ?? '',
      note: row.get('note')
    }
    return { kind: 'label', loc, data: entry }
  } catch (e) {
    return check.bad(loc, where, (e as Error).message)
  }
}

/** Plain CSV tag set: a header with address,chain,label,category,source (+ confidence, note, author), any order. */
export const plainCsvImporter: Importer = {
  id: 'labels-csv',
  name: 'Label list CSV (address,chain,label,category,source)',
  version: '1',
  detect(head) {
    const cols = head.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0].toLowerCase().split(',').map((c) => c.trim())
    return REQUIRED.every((k) => cols.includes(k)) ? 95 : 0
  },
  async *parse(input, opts) {
    const text = await readText(input, MAX_BYTES)
    let rows: { info: { lines: number }; record: string[] }[]
    try {
      rows = parseCsv(text, { info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as typeof rows
    } catch (e) {
      throw new ParseError(`not valid CSV: ${(e as Error).message}`, { line: (e as { lines?: number }).lines ?? 1 })
    }
    if (!rows.length) throw new ParseError('the file has no header row', { line: 1 })
    const header = rows[0].record.map((c) => c.trim().toLowerCase())
    for (const k of REQUIRED) if (!header.includes(k)) throw new ParseError(`the header has no "${k}" column`, { line: 1 })
    const unknown = header.filter((h) => !(REQUIRED as readonly string[]).includes(h) && !(OPTIONAL as readonly string[]).includes(h))
    if (unknown.length) throw new ParseError(`unknown column(s) ${unknown.join(', ')}; known: ${[...REQUIRED, ...OPTIONAL].join(', ')}`, { line: 1 })
    if (new Set(header).size !== header.length) throw new ParseError('a column name appears twice in the header', { line: 1 })
    yield { kind: 'label.set', loc: { line: 1 }, data: { format: 'labels-csv', title: input.name, creator: '', description: '' } }
    const check = new EntryCheck(input.name, opts)
    let warned = false
    const warn: ImportRecord[] = []
    for (const r of rows.slice(1)) {
      const row = new Map(header.map((h, i) => [h, r.record[i]]))
      const rec = rowToRecord(row, { line: r.info.lines }, '', check, input.name, () => {
        if (!warned) warn.push({ kind: 'label.warning', loc: { line: r.info.lines }, data: { message: `rows without confidence get the lowest level "${LOWEST_CONFIDENCE}"` } })
        warned = true
      })
      yield* warn.splice(0)
      if (rec) yield rec
    }
    check.end()
  }
}

/** Plain JSON tag set: `[{address, chain, label, category, source, …}]` or `{title, creator, labels: [...]}`. */
export const plainJsonImporter: Importer = {
  id: 'labels-json',
  name: 'Label list JSON',
  version: '1',
  detect(head) {
    const t = head.toString('utf8').replace(/^\uFEFF/, '').trimStart()
    if (!/^[[{]/.test(t)) return 0
    return /"address"\s*:/.test(t) && /"label"\s*:/.test(t) && /"category"\s*:/.test(t) && /"chain"\s*:/.test(t) ? 70 : 0
  },
  async *parse(input, opts) {
    const text = await readText(input, MAX_BYTES)
    let doc: unknown
    try {
      doc = parseJson(text)
    } catch (e) {
      const pos = /position (\d+)/.exec((e as Error).message)
      const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : 1
      throw new ParseError(`not valid JSON: ${(e as Error).message.replace(/ at position \d+/, '')}`, { line })
    }
    const top = Array.isArray(doc) ? { labels: doc } : (doc as Record<string, unknown>)
    if (!top || typeof top !== 'object' || !Array.isArray(top.labels)) throw new ParseError('expected a list of labels or {"labels": [...]}', { pointer: '' })
    const s = (x: unknown) => (typeof x === 'string' ? x : '')
    const title = s(top.title) || input.name
    yield { kind: 'label.set', loc: { pointer: '' }, data: { format: 'labels-json', title, creator: s(top.creator), description: s(top.description) } }
    const check = new EntryCheck(input.name, opts)
    let warned = false
    for (let i = 0; i < top.labels.length; i++) {
      const o = top.labels[i] as unknown
      const loc = { pointer: `${Array.isArray(doc) ? '' : '/labels'}/${i}` }
      if (!o || typeof o !== 'object' || Array.isArray(o)) {
        const r = check.bad(loc, '', 'a label must be an object')
        if (r) yield r
        continue
      }
      const row = new Map<string, string>()
      for (const k of [...REQUIRED, ...OPTIONAL]) {
        if (!Object.prototype.hasOwnProperty.call(o, k)) continue
        const v = (o as Record<string, unknown>)[k]
        row.set(k, isLosslessNumber(v) ? v.toString() : typeof v === 'string' ? v : '')
      }
      const rec = rowToRecord(row, loc, '', check, title, () => void (warned = true))
      if (rec) yield rec
    }
    if (warned) yield { kind: 'label.warning', loc: { pointer: '' }, data: { message: `labels without confidence get the lowest level "${LOWEST_CONFIDENCE}"` } }
    check.end()
  }
}
