import { lstatSync, readFileSync, realpathSync } from 'node:fs'
import { join } from 'node:path'
import { isMap, isSeq, LineCounter, parseDocument, type ScalarTag } from 'yaml'
import { sha256Hex } from '../../util/hash'
import { ParseError } from '../types'

/** RELIABILITY §4: TagPacks above this are refused before parsing. */
export const YAML_MAX_BYTES = 50 * 1024 * 1024

/** A `!include name` directive found while parsing (resolved by `resolveInclude`, never by the YAML library). */
export class IncludeRef {
  constructor(readonly name: string) {}
}

const includeTag: ScalarTag = {
  tag: '!include',
  resolve: (value: string) => new IncludeRef(value) as unknown as string
}

const refuseIncludeTag: ScalarTag = {
  tag: '!include',
  resolve: (_value: string, onError: (m: string) => void) => {
    onError('!include is allowed one level deep only (an included header may not include again)')
    return ''
  }
}

/** A parsed YAML document: its plain value and the line of each top-level `tags` item. */
export interface LoadedYaml {
  value: unknown
  tagLines: number[]
}

/**
 * Parse YAML the way RELIABILITY §4 prescribes: core schema (no !!js/function, no !!python/object), unique keys,
 * `!include` as the only custom tag, any error OR warning (unknown tags are warnings) rejects the file, and
 * aliases are expanded at most 10 times (billion laughs). Nesting too deep surfaces as a parse error too.
 */
export function loadYaml(text: string, opts: { allowInclude: boolean }): LoadedYaml {
  if (text.length > YAML_MAX_BYTES) throw new ParseError(`YAML over ${YAML_MAX_BYTES} bytes`, { line: 1 })
  const lc = new LineCounter()
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, customTags: [opts.allowInclude ? includeTag : refuseIncludeTag], lineCounter: lc, prettyErrors: false })
  const problem = doc.errors[0] ?? doc.warnings[0]
  if (problem) {
    const pos = problem.linePos?.[0]
    throw new ParseError(`invalid YAML: ${problem.message.split('\n')[0]}`, { line: pos?.line ?? 1, column: pos?.col })
  }
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 10 })
  } catch (e) {
    throw new ParseError(`invalid YAML: ${(e as Error).message}`, { line: 1 })
  }
  const tagLines: number[] = []
  if (isMap(doc.contents)) {
    const tags = doc.contents.get('tags', true)
    if (isSeq(tags)) for (const item of tags.items) tagLines.push(lc.linePos((item as { range?: [number] }).range?.[0] ?? 0).line)
  }
  return { value, tagLines }
}

/** An included header file's content and fingerprint (recorded with the tag set). */
export interface ResolvedInclude {
  name: string
  sha256: string
  value: unknown
}

/**
 * Resolve `!include name` safely: a plain file name in `dir` (the pack's own folder) — no `..`, no path separator,
 * no absolute path, no symlink, a regular file within the size cap, parsed with the same rules and no further
 * includes.
 */
export function resolveInclude(ref: IncludeRef, dir: string | undefined): ResolvedInclude {
  const name = ref.name
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name) || name.includes('..')) {
    throw new ParseError(`!include ${JSON.stringify(name)} refused: only a plain file name in the pack's own folder is allowed`, { line: 1 })
  }
  if (!dir) throw new ParseError(`!include ${name}: the pack's folder is unknown here, so includes cannot be resolved`, { line: 1 })
  const full = join(dir, name)
  let st
  try {
    st = lstatSync(full)
  } catch {
    throw new ParseError(`!include ${name}: no such file beside the pack`, { line: 1 })
  }
  if (!st.isFile()) throw new ParseError(`!include ${name} refused: not a regular file (symlinks are not followed)`, { line: 1 })
  if (realpathSync(dir) !== realpathSync(join(full, '..'))) throw new ParseError(`!include ${name} refused: outside the pack's folder`, { line: 1 })
  if (st.size > YAML_MAX_BYTES) throw new ParseError(`!include ${name}: over ${YAML_MAX_BYTES} bytes`, { line: 1 })
  const bytes = readFileSync(full)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new ParseError(`!include ${name}: invalid UTF-8`, { line: 1 })
  }
  try {
    return { name, sha256: sha256Hex(bytes), value: loadYaml(text, { allowInclude: false }).value }
  } catch (e) {
    if (e instanceof ParseError) throw new ParseError(`in included ${name}: ${e.message}`, { line: 1 })
    throw e
  }
}
