import type { IpcMainInvokeEvent } from 'electron'
import { contract, isMethodName, type MethodName, type ProgressEvent } from '../shared/api/contract'
import { ApiError, toErrorShape, type ApiErrorShape } from '../shared/api/errors'
import { isAppUrl } from './policy'

/** The single invoke channel the preload uses. */
export const INVOKE_CHANNEL = 'chaintrail:invoke'
/** Event channels are `chaintrail:event:<name>`. */
export const eventChannel = (name: string) => `chaintrail:event:${name}`

/** What a wrapped handler answers: plain data that survives structured clone. */
export type IpcResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape }

/** The part of ipcMain this module needs (a fake one in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (e: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void
}

/** Where validated calls go: the core worker, plus methods main answers itself (native dialogs). */
export interface IpcTarget {
  invoke(method: MethodName, input: unknown, onProgress: (e: ProgressEvent) => void, sender: IpcMainInvokeEvent['sender']): Promise<unknown>
}

/**
 * Refuse any event that is not from the top frame of an app-origin page (RELIABILITY §3 item 17): a subframe,
 * a navigated-away page or a forged sender gets an error, never the core.
 */
export function assertTrustedSender(e: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): void {
  const frame = e.senderFrame
  if (!frame) throw new ApiError('FORBIDDEN', 'IPC from a frame that no longer exists')
  if (frame.parent !== null) throw new ApiError('FORBIDDEN', 'IPC only from the top frame')
  if (!isAppUrl(frame.url)) throw new ApiError('FORBIDDEN', `IPC from a foreign origin: ${frame.url}`)
  if (e.sender && e.sender.mainFrame !== frame) throw new ApiError('FORBIDDEN', 'IPC only from the main frame')
}

/** Parse `input` with the contract's schema for `method`, or throw BAD_INPUT naming the field. */
export function validateCall(method: unknown, input: unknown): { method: MethodName; input: unknown } {
  if (!isMethodName(method)) throw new ApiError('BAD_INPUT', `unknown method ${String(method)}`)
  const parsed = contract[method].input.safeParse(input ?? {})
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new ApiError('BAD_INPUT', `${method}: ${first.path.join('.') || 'input'}: ${first.message}`)
  }
  return { method, input: parsed.data }
}

/** Channels registered through `registerIpc`, each wrapped with the sender check (a test lists them). */
export const WRAPPED_CHANNELS: string[] = []

/** Register a handler behind the sender check; the only way main registers IPC. */
export function handleChecked(ipc: IpcMainLike, channel: string, fn: (e: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void {
  WRAPPED_CHANNELS.push(channel)
  ipc.handle(channel, async (e, ...args) => {
    try {
      assertTrustedSender(e)
      return { ok: true, value: await fn(e, ...args) } satisfies IpcResult
    } catch (err) {
      return { ok: false, error: toErrorShape(err) } satisfies IpcResult
    }
  })
}

/** Wire the invoke channel: sender check → zod validation → target (core worker or a main-side method). */
export function registerIpc(ipc: IpcMainLike, target: IpcTarget): void {
  handleChecked(ipc, INVOKE_CHANNEL, async (e, method, input) => {
    const call = validateCall(method, input)
    return target.invoke(call.method, call.input, (p) => e.sender.send(eventChannel('progress'), p), e.sender)
  })
}
