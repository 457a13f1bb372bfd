import { ApiError } from '../../shared/api/errors'
import type { Importer, Sink } from './types'

const importers = new Map<string, Importer>()
const sinks = new Map<string, Sink>()

/** Make a format known to detection and --format. */
export function registerImporter(imp: Importer): void {
  if (importers.has(imp.id)) throw new Error(`importer ${imp.id} registered twice`)
  importers.set(imp.id, imp)
}

/** Make a record kind storable. */
export function registerSink(s: Sink): void {
  if (sinks.has(s.kind)) throw new Error(`sink ${s.kind} registered twice`)
  sinks.set(s.kind, s)
}

/** All known formats, sorted by id. */
export function listImporters(): Importer[] {
  return [...importers.values()].sort((a, b) => a.id.localeCompare(b.id))
}

/** Whether a format id is registered (in this thread). */
export function hasImporter(id: string): boolean {
  return importers.has(id)
}

/** The importer for a --format id, or a clear error listing the known ones. */
export function importerById(id: string): Importer {
  const imp = importers.get(id)
  if (!imp) throw new ApiError('BAD_INPUT', `unknown format "${id}"; known formats: ${listImporters().map((i) => i.id).join(', ')}`)
  return imp
}

/** The sink for a record kind. */
export function sinkFor(kind: string): Sink {
  const s = sinks.get(kind)
  if (!s) throw new Error(`no sink stores records of kind "${kind}"`)
  return s
}

/** Every registered sink (their `finish` hooks run after each import). */
export function listSinks(): Sink[] {
  return [...sinks.values()]
}

/**
 * Pick the format of a file from its first bytes. The highest confidence wins; a tie between different formats
 * is refused rather than guessed.
 */
export function detectFormat(head: Buffer, fileName: string): Importer {
  const scored = listImporters()
    .map((imp) => ({ imp, score: safeDetect(imp, head) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
  if (!scored.length) {
    throw new ApiError('UNSUPPORTED', `not a format Chaintrail recognises; known formats: ${listImporters().map((i) => `${i.id} (${i.name})`).join('; ')}`, { file: fileName })
  }
  if (scored.length > 1 && scored[0].score === scored[1].score) {
    throw new ApiError('UNSUPPORTED', `could be ${scored[0].imp.id} or ${scored[1].imp.id}; choose one with --format`, { file: fileName })
  }
  return scored[0].imp
}

function safeDetect(imp: Importer, head: Buffer): number {
  try {
    return imp.detect(head)
  } catch {
    return 0
  }
}
