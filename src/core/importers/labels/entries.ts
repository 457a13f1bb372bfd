import { ApiError } from '../../../shared/api/errors'
import { CONFIDENCE_LEVELS, type LabelCategory } from '../../../shared/domain/labels'
import type { ImportInput, ImportOptions, ImportRecord, SourceLocation } from '../types'
import { formatLocator, ParseError } from '../types'

/** One label read from a tag set: what the `label` sink stores. */
export interface LabelEntry {
  target: { network: string; address: string; addressText: string; check: string } | { network: string; txHash: string }
  name: string
  category: LabelCategory
  concept: string
  source: string
  listTitle: string
  confidenceId: string
  author: string
  note?: string
  actor?: string
  tagType?: string
  isPublic?: boolean
  isClusterDefiner?: boolean
  context?: string
  lastmod?: string
  sdnName?: string
  sdnProgram?: string
  sdnUid?: string
}

/** Header of a tag set (one per file): stored in label_sets beside the import row. */
export interface LabelSetInfo {
  format: string
  title: string
  creator: string
  description: string
  lastmod?: string
}

/** Confidence level (0–100) of a GraphSense confidence id; undefined for an id outside the taxonomy. */
export function confidenceLevel(id: string): number | undefined {
  return Object.prototype.hasOwnProperty.call(CONFIDENCE_LEVELS, id) ? CONFIDENCE_LEVELS[id] : undefined
}

const MAX_ERRORS_LISTED = 200

/** RELIABILITY §4: no single field of a tag set may exceed 64 KiB. */
export const MAX_FIELD_CHARS = 64 * 1024

/** The name of the first text field over MAX_FIELD_CHARS, if any. */
export function oversizedField(fields: Record<string, string | undefined>): string | undefined {
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v.length > MAX_FIELD_CHARS) return k
  return undefined
}

/**
 * Per-entry validation shared by every tag-set parser: collects every bad entry (not just the first), spots
 * duplicates by an identity key, and decides at the end. Without skipInvalid one bad entry rejects the whole file
 * (the pipeline rolls back, so no valid entry of it is stored either); with it, bad entries become `label.skipped`
 * records that the summary lists.
 */
export class EntryCheck {
  readonly skipInvalid: boolean
  private readonly errors: string[] = []
  private errorCount = 0
  private firstLoc: SourceLocation | undefined
  private readonly seen = new Map<string, string>()

  constructor(
    private readonly file: string,
    opts: ImportOptions
  ) {
    // `chaintrail import --option skipInvalid=true` passes text; labels.import passes a boolean.
    this.skipInvalid = opts.skipInvalid === true || opts.skipInvalid === 'true'
  }

  /** Note a bad entry; returns the record to yield when skipping (else undefined). */
  bad(loc: SourceLocation, where: string, message: string): ImportRecord | undefined {
    const text = `${formatLocator(loc)}${where ? ` ${where}` : ''}: ${message}`
    this.errorCount++
    this.firstLoc ??= loc
    if (this.errors.length < MAX_ERRORS_LISTED) this.errors.push(text)
    return this.skipInvalid ? { kind: 'label.skipped', loc, data: { entry: where, reason: text } } : undefined
  }

  /** True (and the entry is noted as bad) when `identity` was already seen in this file. */
  duplicate(identity: string, loc: SourceLocation, where: string): ImportRecord | undefined | false {
    const prev = this.seen.get(identity)
    if (prev === undefined) {
      this.seen.set(identity, `${formatLocator(loc)}${where ? ` ${where}` : ''}`)
      return false
    }
    return this.bad(loc, where, `duplicate entry (same identity as ${prev})`)
  }

  /** After the last entry: throw the list of errors unless skipping was asked for. */
  end(): void {
    if (!this.errorCount || this.skipInvalid) return
    const more = this.errorCount > this.errors.length ? ` (first ${this.errors.length} listed)` : ''
    throw new ApiError(
      'PARSE',
      `${this.errorCount} invalid ${this.errorCount === 1 ? 'entry' : 'entries'}${more}; nothing was imported (use --skip-invalid to import the valid ones and list the skipped):\n  ${this.errors.join('\n  ')}`,
      { file: this.file, line: this.firstLoc?.line, details: { errors: this.errors, errorCount: this.errorCount } }
    )
  }
}

/**
 * Read a whole (small) tag-set file as UTF-8 text, refusing more than `cap` bytes before reading them and invalid
 * UTF-8 with its line number. A UTF-8 BOM is dropped.
 */
export async function readText(input: ImportInput, cap: number): Promise<string> {
  if (input.size > cap) throw new ParseError(`file is ${input.size} bytes; tag sets are capped at ${cap} bytes`, { line: 1 })
  const chunks: Buffer[] = []
  let n = 0
  for await (const c of input.open()) {
    n += (c as Buffer).length
    if (n > cap) throw new ParseError(`file is over the ${cap}-byte cap for tag sets`, { line: 1 })
    chunks.push(c as Buffer)
  }
  const buf = Buffer.concat(chunks)
  try {
    const s = new TextDecoder('utf-8', { fatal: true }).decode(buf)
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s
  } catch {
    let line = 1
    for (let i = 0; i < buf.length; i++) {
      if (buf[i] === 10) line++
      if (buf[i] >= 0x80) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, i))
        } catch {
          break
        }
      }
    }
    throw new ParseError('invalid UTF-8', { line })
  }
}
