/** Errors that cross the contract: plain data so they survive IPC, HTTP and worker boundaries. */
export interface ApiErrorShape {
  code: string
  message: string
  file?: string
  line?: number
  column?: number
  details?: unknown
}

/** Codes the renderer and CLI may branch on. */
export type ApiErrorCode =
  | 'BAD_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTEGRITY'
  | 'PARSE'
  | 'UNSUPPORTED'
  | 'READ_ONLY'
  | 'IO'
  | 'INTERNAL'

/** An error carrying a stable code; thrown by the core and rebuilt on the other side of a bridge. */
export class ApiError extends Error {
  readonly code: ApiErrorCode | string
  readonly file?: string
  readonly line?: number
  readonly column?: number
  readonly details?: unknown
  constructor(code: ApiErrorCode | string, message: string, where: Omit<ApiErrorShape, 'code' | 'message'> = {}) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.file = where.file
    this.line = where.line
    this.column = where.column
    this.details = where.details
  }

  /** Plain-data form for crossing a boundary. */
  toShape(): ApiErrorShape {
    const s: ApiErrorShape = { code: this.code, message: this.message }
    if (this.file !== undefined) s.file = this.file
    if (this.line !== undefined) s.line = this.line
    if (this.column !== undefined) s.column = this.column
    if (this.details !== undefined) s.details = this.details
    return s
  }

  /** Rebuild from plain data. */
  static from(shape: ApiErrorShape): ApiError {
    return new ApiError(shape.code, shape.message, shape)
  }
}

/** The `code` property of a thrown value (Node's ENOSPC…, better-sqlite3's SQLITE_FULL…), or ''. */
export function errorCode(e: unknown): string {
  return e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : ''
}

/** Convert anything thrown into the plain error shape without leaking stack traces. */
export function toErrorShape(e: unknown): ApiErrorShape {
  if (e instanceof ApiError) return e.toShape()
  const message = e instanceof Error ? e.message : String(e)
  const code = errorCode(e)
  // Operating-system (ENOSPC, EACCES…) and SQLite (SQLITE_FULL…) failures are I/O failures to the caller.
  if (/^E[A-Z]+$/.test(code) || code.startsWith('SQLITE_')) return { code: 'IO', message: `${message} (${code})` }
  return { code: 'INTERNAL', message }
}
