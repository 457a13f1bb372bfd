import { SaxesParser, type SaxesTagPlain } from 'saxes'
import type { ImportInput, ImportOptions, Importer, ImportRecord } from '../types'
import { ParseError } from '../types'
import { EntryCheck } from './entries'
import { DIGITAL_CURRENCY_PREFIX, sdnIdentity, sdnLabel, type SdnAddress, type SdnParty } from './ofac-common'

/** sdn_advanced.xml was ~80 MB in 2023; anything far larger is not an OFAC file. */
const XML_MAX_BYTES = 1024 * 1024 * 1024

/** Callbacks of the streamed XML walk; `path` is the stack of local element names. */
interface XmlHandlers {
  open(name: string, attrs: Record<string, string>, path: string[], line: number): void
  close(name: string, text: string, path: string[]): void
}

function local(name: string): string {
  const i = name.indexOf(':')
  return i < 0 ? name : name.slice(i + 1)
}

/**
 * Stream an XML file through saxes. DTDs are never processed: any `<!DOCTYPE` is refused (XXE, entity bombs,
 * external DTD URLs), and saxes itself never fetches or expands external entities. Text is collected only for
 * the element being closed, so memory stays bounded by the largest leaf element.
 */
async function walkXml(input: ImportInput, h: XmlHandlers): Promise<void> {
  if (input.size > XML_MAX_BYTES) throw new ParseError(`file is ${input.size} bytes; OFAC XML is capped at ${XML_MAX_BYTES} bytes`, { line: 1 })
  const parser = new SaxesParser({ xmlns: false, position: true })
  const path: string[] = []
  let text = ''
  let failure: Error | undefined
  parser.on('doctype', () => {
    throw new ParseError('a <!DOCTYPE> is refused in OFAC XML (no DTDs or entities are processed)', { line: parser.line, column: parser.column })
  })
  parser.on('error', (e) => {
    throw new ParseError(`not well-formed XML: ${e.message.replace(/^\d+:\d+: /, '')}`, { line: parser.line, column: parser.column })
  })
  parser.on('opentag', (t: SaxesTagPlain) => {
    const name = local(t.name)
    path.push(name)
    text = ''
    h.open(name, t.attributes as Record<string, string>, path, parser.line)
  })
  parser.on('text', (s) => {
    if (text.length < 64 * 1024) text += s
  })
  parser.on('closetag', (t) => {
    h.close(local(t.name), text.trim(), path)
    path.pop()
    text = ''
  })
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    for await (const chunk of input.open()) {
      let s: string
      try {
        s = decoder.decode(chunk as Buffer, { stream: true })
      } catch {
        throw new ParseError('invalid UTF-8', { line: parser.line })
      }
      if (/<!DOCTYPE/i.test(s)) throw new ParseError('a <!DOCTYPE> is refused in OFAC XML (no DTDs or entities are processed)', { line: parser.line })
      parser.write(s)
    }
    parser.close()
  } catch (e) {
    failure = e as Error
  }
  if (failure) throw failure
}

function headHas(head: Buffer, re: RegExp): boolean {
  return re.test(head.toString('utf8'))
}

function sdnRecords(found: { party: SdnParty; a: SdnAddress; line: number; k: number }[], file: string, opts: ImportOptions): ImportRecord[] {
  const check = new EntryCheck(file, opts)
  const out: ImportRecord[] = []
  for (const f of found) {
    const loc = { line: f.line, pointer: `/addresses/${f.k}` }
    const where = `uid ${f.party.uid} (${f.a.symbol})`
    const dup = check.duplicate(sdnIdentity(f.party, f.a), loc, where)
    if (dup !== false) {
      if (dup) out.push(dup)
      continue
    }
    try {
      out.push({ kind: 'label', loc, data: sdnLabel(f.party, f.a) })
    } catch (e) {
      const r = check.bad(loc, where, (e as Error).message)
      if (r) out.push(r)
    }
  }
  check.end()
  return out
}

/** OFAC legacy sdn.xml: sdnEntry with uid, lastName (entity name), programList and idList/id/{idType,idNumber}. */
export const sdnXmlImporter: Importer = {
  id: 'labels-ofac-sdn-xml',
  name: 'OFAC sdn.xml (legacy XML)',
  version: '1',
  detect: (head) => (headHas(head, /<sdnList[\s>]/) ? 90 : 0),
  async *parse(input, opts) {
    const found: { party: SdnParty; a: SdnAddress; line: number; k: number }[] = []
    let published = ''
    let cur: { uid: string; first: string; last: string; programs: string[]; ids: { type: string; value: string; line: number }[] } | undefined
    let id: { type: string; value: string; line: number } | undefined
    await walkXml(input, {
      open(name, _a, _p, line) {
        if (name === 'sdnEntry') cur = { uid: '', first: '', last: '', programs: [], ids: [] }
        else if (name === 'id' && cur) id = { type: '', value: '', line }
      },
      close(name, text, path) {
        const parent = path[path.length - 2]
        if (name === 'Publish_Date') published = text
        if (!cur) return
        if (parent === 'sdnEntry' && name === 'uid') cur.uid = text
        else if (parent === 'sdnEntry' && name === 'lastName') cur.last = text
        else if (parent === 'sdnEntry' && name === 'firstName') cur.first = text
        else if (parent === 'programList' && name === 'program') cur.programs.push(text)
        else if (id && name === 'idType') id.type = text
        else if (id && name === 'idNumber') id.value = text
        else if (id && name === 'id') {
          cur.ids.push(id)
          id = undefined
        } else if (name === 'sdnEntry') {
          const party: SdnParty = { uid: cur.uid, name: [cur.first, cur.last].filter(Boolean).join(' '), programs: cur.programs, source: 'https://www.treasury.gov/ofac/downloads/sdn.xml', listTitle: 'OFAC SDN List (sdn.xml)' }
          let k = 0
          for (const i of cur.ids) if (i.type.startsWith(DIGITAL_CURRENCY_PREFIX)) found.push({ party, a: { symbol: i.type.slice(DIGITAL_CURRENCY_PREFIX.length).trim().toUpperCase(), address: i.value }, line: i.line, k: k++ })
          cur = undefined
        }
      }
    })
    yield { kind: 'label.set', loc: { line: 1 }, data: { format: 'ofac-sdn-xml', title: 'OFAC SDN List (sdn.xml)', creator: 'OFAC', description: '', lastmod: published || undefined } }
    yield* sdnRecords(found, input.name, opts)
  }
}

/**
 * OFAC sdn_advanced.xml: FeatureType ids are resolved from their text ("Digital Currency Address - XBT"), never
 * hard-coded; party names come from the primary alias, programs from SanctionsEntry/SanctionsMeasure comments.
 */
export const sdnAdvancedImporter: Importer = {
  id: 'labels-ofac-sdn-advanced',
  name: 'OFAC sdn_advanced.xml',
  version: '1',
  detect: (head) => (headHas(head, /<Sanctions[\s>]/) && headHas(head, /ADVANCED_XML|ReferenceValueSets|DistinctParties/) ? 90 : 0),
  async *parse(input, opts) {
    const featureTypes = new Map<string, string>()
    const features: { profile: string; typeId: string; value: string; line: number }[] = []
    const names = new Map<string, string>()
    const programs = new Map<string, string[]>()
    let profile: { id: string; parts: string[]; primary: boolean; named: boolean } | undefined
    let feature: { typeId: string; value: string; line: number } | undefined
    let featureTypeId = ''
    let entry: { profile: string; measureIsProgram: boolean } | undefined
    const issued: Record<string, string> = {}
    await walkXml(input, {
      open(name, a, _p, line) {
        if (name === 'FeatureType') featureTypeId = a.ID ?? ''
        else if (name === 'Profile') profile = { id: a.ID ?? '', parts: [], primary: false, named: false }
        else if (name === 'Alias' && profile) profile.primary = a.Primary === 'true' && !profile.named
        else if (name === 'Feature' && profile) feature = { typeId: a.FeatureTypeID ?? '', value: '', line }
        else if (name === 'SanctionsEntry') entry = { profile: a.ProfileID ?? '', measureIsProgram: false }
        else if (name === 'SanctionsMeasure' && entry) entry.measureIsProgram = a.SanctionsTypeID === '1'
      },
      close(name, text, path) {
        if (name === 'FeatureType' && path.includes('FeatureTypeValues')) featureTypes.set(featureTypeId, text)
        else if (path[path.length - 2] === 'DateOfIssue') issued[name] = text
        else if (profile && name === 'NamePartValue' && profile.primary) profile.parts.push(text)
        else if (profile && name === 'Alias' && profile.primary) {
          profile.named = true
          profile.primary = false
        } else if (feature && name === 'VersionDetail') feature.value = text
        else if (feature && name === 'Feature') {
          features.push({ profile: profile!.id, ...feature })
          feature = undefined
        } else if (profile && name === 'Profile') {
          names.set(profile.id, profile.parts.join(' '))
          profile = undefined
        } else if (entry && name === 'Comment' && path[path.length - 2] === 'SanctionsMeasure' && entry.measureIsProgram && text) {
          programs.set(entry.profile, [...(programs.get(entry.profile) ?? []), text])
        } else if (name === 'SanctionsEntry') entry = undefined
      }
    })
    yield { kind: 'label.set', loc: { line: 1 }, data: { format: 'ofac-sdn-advanced', title: 'OFAC SDN List (sdn_advanced.xml)', creator: 'OFAC', description: '', lastmod: issued.Year ? [issued.Year, (issued.Month ?? '').padStart(2, '0'), (issued.Day ?? '').padStart(2, '0')].join('-') : undefined } }
    const found: { party: SdnParty; a: SdnAddress; line: number; k: number }[] = []
    const perProfile = new Map<string, number>()
    for (const f of features) {
      const type = featureTypes.get(f.typeId)
      if (!type?.startsWith(DIGITAL_CURRENCY_PREFIX)) continue
      const k = perProfile.get(f.profile) ?? 0
      perProfile.set(f.profile, k + 1)
      const party: SdnParty = { uid: f.profile, name: names.get(f.profile) ?? '', programs: programs.get(f.profile) ?? [], source: 'https://www.treasury.gov/ofac/downloads/sanctions/1.0/sdn_advanced.xml', listTitle: 'OFAC SDN List (sdn_advanced.xml)' }
      found.push({ party, a: { symbol: type.slice(DIGITAL_CURRENCY_PREFIX.length).trim().toUpperCase(), address: f.value }, line: f.line, k })
    }
    yield* sdnRecords(found, input.name, opts)
  }
}
