import { dirname } from 'node:path'
import { LOWEST_CONFIDENCE } from '../../../shared/domain/labels'
import { mapConcepts } from '../../attribution/concepts'
import { networkForSymbol, resolveLabelAddress } from '../../attribution/label-address'
import type { Importer, ImportRecord } from '../types'
import { ParseError } from '../types'
import { confidenceLevel, EntryCheck, MAX_FIELD_CHARS, oversizedField, readText, type LabelEntry, type LabelSetInfo } from './entries'
import { IncludeRef, loadYaml, resolveInclude, YAML_MAX_BYTES } from './safe-yaml'

/** Tag fields a header may carry and every tag inherits (GraphSense tagpack_schema). */
const TAG_FIELDS = ['label', 'source', 'currency', 'network', 'confidence', 'address', 'tx_hash', 'context', 'is_cluster_definer', 'lastmod', 'category', 'abuse', 'concepts', 'actor', 'tag_type', 'is_public'] as const

type Obj = Record<string, unknown>

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof IncludeRef)
}

/** Own, known fields only: keys like __proto__ from the file never reach an object's prototype chain. */
function pick(o: Obj, keys: readonly string[]): Map<string, unknown> {
  const m = new Map<string, unknown>()
  for (const k of keys) if (Object.prototype.hasOwnProperty.call(o, k) && o[k] !== null && o[k] !== undefined) m.set(k, o[k])
  return m
}

function str(m: Map<string, unknown>, k: string): string | undefined {
  const v = m.get(k)
  if (v === undefined) return undefined
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v)
  throw new Error(`${k} must be text, not ${Array.isArray(v) ? 'a list' : 'a mapping'}`)
}

function bool(m: Map<string, unknown>, k: string): boolean | undefined {
  const v = m.get(k)
  if (v === undefined) return undefined
  if (typeof v !== 'boolean') throw new Error(`${k} must be true or false`)
  return v
}

/** GraphSense TagPack YAML (header fields inherited by every tag). */
export const tagpackImporter: Importer = {
  id: 'labels-tagpack',
  name: 'GraphSense TagPack (YAML)',
  version: '1',
  detect(head) {
    const t = head.toString('utf8')
    if (!/^tags:\s*$/m.test(t)) return 0
    return /^(title|creator):/m.test(t) ? 90 : 40
  },
  async *parse(input, opts) {
    const text = await readText(input, YAML_MAX_BYTES)
    const { value, tagLines } = loadYaml(text, { allowInclude: true })
    if (!isObj(value)) throw new ParseError('a TagPack is a mapping with title, creator and tags', { line: 1 })
    let header: Obj = value
    if (value.header instanceof IncludeRef) {
      const inc = resolveInclude(value.header, typeof opts.includeDir === 'string' ? opts.includeDir : typeof opts.sourcePath === 'string' ? dirname(opts.sourcePath) : undefined)
      if (!isObj(inc.value)) throw new ParseError(`!include ${inc.name}: the included header must be a mapping`, { line: 1 })
      // The pack's own keys override the included header's.
      header = { ...Object.fromEntries(pick(inc.value, ['title', 'creator', 'description', ...TAG_FIELDS])), ...value }
      yield { kind: 'label.warning', loc: { line: 1 }, data: { message: `header included from ${inc.name} (SHA-256 ${inc.sha256}); that file was read from the pack's folder, not copied into the locker` } }
    } else if (value.header !== undefined && !isObj(value.header)) {
      throw new ParseError('header must be a mapping or !include <file>', { line: 1 })
    }
    const h = pick(header, ['title', 'creator', 'description', 'lastmod'])
    for (const k of ['title', 'creator']) if (!h.has(k)) throw new ParseError(`the TagPack header has no ${k} (mandatory)`, { line: 1 })
    if (!Array.isArray(header.tags)) throw new ParseError('the TagPack has no tags list (mandatory)', { line: 1 })
    let info: LabelSetInfo
    try {
      info = { format: 'tagpack', title: str(h, 'title')!, creator: str(h, 'creator')!, description: str(h, 'description') ?? '', lastmod: str(h, 'lastmod') }
    } catch (e) {
      throw new ParseError(`header: ${(e as Error).message}`, { line: 1 })
    }
    yield { kind: 'label.set', loc: { line: 1 }, data: info }
    const inherited = pick(header, TAG_FIELDS)
    const check = new EntryCheck(input.name, opts)
    const tags = header.tags as unknown[]
    if (tags.some((t) => isObj(t) && !pick(t, ['confidence']).size) && !inherited.has('confidence')) {
      yield { kind: 'label.warning', loc: { line: 1 }, data: { message: `some tags have no confidence: they get the lowest level "${LOWEST_CONFIDENCE}" (GraphSense rule)` } }
    }
    for (let i = 0; i < tags.length; i++) {
      const loc = { line: tagLines[i] ?? 1 }
      const where = `tags[${i}]`
      const t = tags[i]
      const rec = isObj(t) ? tagToRecord(new Map([...inherited, ...pick(t, TAG_FIELDS)]), info, check, loc, where) : check.bad(loc, where, 'a tag must be a mapping')
      if (rec) yield rec
    }
    check.end()
  }
}

function tagToRecord(m: Map<string, unknown>, info: LabelSetInfo, check: EntryCheck, loc: { line: number }, where: string): ImportRecord | undefined {
  try {
    for (const k of ['label', 'source', 'currency']) if (str(m, k) === undefined) return check.bad(loc, where, `${k} is missing (mandatory after inheritance)`)
    const big = oversizedField({ label: str(m, 'label'), source: str(m, 'source'), context: str(m, 'context'), actor: str(m, 'actor') })
    if (big) return check.bad(loc, where, `${big} is over ${MAX_FIELD_CHARS} characters`)
    const address = str(m, 'address')
    const txHash = str(m, 'tx_hash')
    if ((address === undefined) === (txHash === undefined)) return check.bad(loc, where, 'a tag needs exactly one of address and tx_hash')
    const currency = str(m, 'currency')!
    const networkText = str(m, 'network') ?? currency
    const confidenceId = str(m, 'confidence') ?? LOWEST_CONFIDENCE
    if (confidenceLevel(confidenceId) === undefined) return check.bad(loc, where, `unknown confidence "${confidenceId}"`)
    let network: string
    try {
      network = networkForSymbol(networkText, address ?? '')
    } catch (e) {
      return check.bad(loc, where, (e as Error).message)
    }
    const concepts = m.get('concepts')
    if (concepts !== undefined && !(Array.isArray(concepts) && concepts.every((c) => typeof c === 'string'))) return check.bad(loc, where, 'concepts must be a list of names')
    const identity = [address ?? txHash, currency, networkText, str(m, 'label'), str(m, 'source')].map((x) => (x ?? '').toLowerCase()).join('\u0000')
    const dup = check.duplicate(identity, loc, where)
    if (dup !== false) return dup
    let target: LabelEntry['target']
    if (address !== undefined) {
      try {
        const a = resolveLabelAddress(address, network)
        target = { network: a.network, address: a.canonical, addressText: address, check: a.check }
      } catch (e) {
        return check.bad(loc, where, (e as Error).message)
      }
    } else {
      if (!/^(0x)?[0-9a-fA-F]{64}$/.test(txHash!)) return check.bad(loc, where, `tx_hash ${JSON.stringify(txHash)} is not 64 hex digits`)
      target = { network, txHash: txHash!.toLowerCase() }
    }
    const mapped = mapConcepts({ category: str(m, 'category'), abuse: str(m, 'abuse'), concepts: concepts as string[] | undefined, hint: `${info.title} ${str(m, 'label')}` })
    const tagType = str(m, 'tag_type')
    if (tagType !== undefined && !['actor', 'event', 'mention'].includes(tagType)) return check.bad(loc, where, `tag_type must be actor, event or mention, not "${tagType}"`)
    const entry: LabelEntry = {
      target,
      name: str(m, 'label')!,
      category: mapped.category,
      concept: mapped.concept,
      source: str(m, 'source')!,
      listTitle: info.title,
      confidenceId,
      author: info.creator,
      actor: str(m, 'actor'),
      tagType,
      isPublic: bool(m, 'is_public'),
      isClusterDefiner: bool(m, 'is_cluster_definer'),
      context: str(m, 'context'),
      lastmod: str(m, 'lastmod')
    }
    return { kind: 'label', loc, data: entry }
  } catch (e) {
    return check.bad(loc, where, (e as Error).message)
  }
}
