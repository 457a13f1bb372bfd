/**
 * THE contract between the renderer (or any host) and the core: every method the UI may call, with zod schemas
 * for its input and output. Main (IPC), the dev host (HTTP/WebSocket) and the CLI all go through it.
 * Each area lives in ./areas/<area>.ts; add a new area there and list it here.
 */
import type { z } from 'zod'
import { casesArea } from './areas/cases'
import { evidenceArea } from './areas/evidence'
import { auditArea } from './areas/audit'
import { importsArea } from './areas/imports'
import { exploreArea } from './areas/explore'
import { entitiesArea } from './areas/entities'
import { filesArea } from './areas/files'

export const contract = {
  ...casesArea,
  ...evidenceArea,
  ...auditArea,
  ...importsArea,
  ...exploreArea,
  ...entitiesArea,
  ...filesArea
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

/** Every method name, for allow-lists in the preload and the hosts. */
export const METHOD_NAMES = Object.keys(contract) as MethodName[]

/** True for a known contract method name. */
export function isMethodName(x: unknown): x is MethodName {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(contract, x)
}

/** Progress events pushed from core to UI during long operations. */
export interface ProgressEvent {
  op: string
  phase: string
  done: number
  total: number | null
  message?: string
}

/** Events the renderer may subscribe to. */
export const EVENT_NAMES = ['progress', 'case-changed'] as const
export type EventName = (typeof EVENT_NAMES)[number]

/** What the preload exposes on window.api and the dev-host client mimics. */
export interface ChaintrailBridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  on(event: EventName, cb: (payload: unknown) => void): () => void
}
