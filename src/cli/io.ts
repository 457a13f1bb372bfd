import { ApiError } from '../shared/api/errors'

/** Where a command writes; tests pass their own to capture output. */
export interface Io {
  out(s: string): void
  err(s: string): void
}

/** A wrong invocation: exit code 2 with a usage hint. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** A check that ran and found a problem (tampered log, changed evidence): exit code 1, output already written. */
export class CheckFailed extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CheckFailed'
  }
}

/** Options every command understands. */
export interface GlobalFlags {
  json: boolean
  debug: boolean
  examiner?: string
}

/** One CLI command: `chaintrail <group> <verb> …` or `chaintrail <verb> …`. */
export interface Command {
  /** e.g. "case create" */
  name: string
  summary: string
  usage: string
  /** parseArgs option spec for this command's own flags. */
  options?: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>
  run(positionals: string[], flags: Record<string, unknown>, g: GlobalFlags, io: Io): Promise<void>
}

/** Print a value as JSON (bigints as decimal strings). */
export function printJson(io: Io, v: unknown): void {
  io.out(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x), 2))
}

/** One-sentence description of an error for stderr, with file:line:column when the error has them. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) {
    const where = e.file ? `${e.file}${e.line ? `:${e.line}` : ''}${e.column ? `:${e.column}` : ''}: ` : ''
    return `${where}${e.message}`
  }
  return e instanceof Error ? e.message : String(e)
}

/** Require exactly `n` positionals named in `names`. */
export function need(positionals: string[], names: string[]): string[] {
  if (positionals.length < names.length) throw new UsageError(`missing ${names.slice(positionals.length).map((n) => `<${n}>`).join(' ')}`)
  return positionals
}
