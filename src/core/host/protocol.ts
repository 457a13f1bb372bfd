import type { ProgressEvent } from '../../shared/api/contract'
import type { ApiErrorShape } from '../../shared/api/errors'

/** Messages from a host to the core worker. */
export type ToWorker =
  | { type: 'invoke'; id: number; method: string; input: unknown }
  | { type: 'stage'; id: number; path: string; originalName: string; originalPath?: string; owned: boolean }
  | { type: 'open-path'; id: number; dir: string }
  | { type: 'close' }

/** Messages from the core worker to its host. */
export type FromWorker =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ApiErrorShape }
  | { type: 'progress'; id: number; event: ProgressEvent }
  | { type: 'ready' }

/** Data the worker is started with. */
export interface WorkerData {
  casesRoot: string
  examiner?: string
  /** better-sqlite3 addon built for Electron's ABI, when the host is Electron. */
  nativeBinding?: string
}
