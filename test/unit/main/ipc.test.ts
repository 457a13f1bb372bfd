import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import { assertTrustedSender, INVOKE_CHANNEL, registerIpc, validateCall, WRAPPED_CHANNELS, type IpcMainLike, type IpcResult } from '../../../src/main/ipc'
import { METHOD_NAME_LIST } from '../../../src/shared/api/names'

type Listener = (e: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>

/** A fake ipcMain and events whose frame URL/parent we choose, to forge senders. */
function setup() {
  const handlers = new Map<string, Listener>()
  const ipc: IpcMainLike = { handle: (ch, fn) => void handlers.set(ch, fn) }
  const calls: Array<{ method: string; input: unknown }> = []
  registerIpc(ipc, {
    invoke: async (method, input) => {
      calls.push({ method, input })
      return { echoed: method }
    }
  })
  const event = (url: string, opts: { sub?: boolean; gone?: boolean } = {}) => {
    const mainFrame = { url, parent: null }
    const frame = opts.sub ? { url, parent: mainFrame } : mainFrame
    return { senderFrame: opts.gone ? null : frame, sender: { mainFrame, send() {} } } as unknown as IpcMainInvokeEvent
  }
  const invoke = (e: IpcMainInvokeEvent, method: unknown, input: unknown) => handlers.get(INVOKE_CHANNEL)!(e, method, input) as Promise<IpcResult>
  return { handlers, calls, event, invoke }
}

describe('main IPC', () => {
  it('passes a valid call from the app frame to the core, with zod defaults applied', async () => {
    const { calls, event, invoke } = setup()
    const r = await invoke(event('app://chaintrail/index.html'), 'audit.list', { caseId: '0b4f9c0e-3c1c-4f9e-9d4b-9d1c2a0e8a11' })
    expect(r).toEqual({ ok: true, value: { echoed: 'audit.list' } })
    expect(calls[0].input).toMatchObject({ offset: 0, limit: 200, newestFirst: true })
  })

  it('rejects forged senders: foreign origin, file:, subframe, detached frame, wrong app host', async () => {
    const { calls, event, invoke } = setup()
    for (const e of [
      event('https://evil.example/'),
      event('file:///etc/passwd'),
      event('app://evil/index.html'),
      event('app://chaintrail.evil.example/'),
      event('app://user@chaintrail/'),
      event('app://chaintrail/index.html', { sub: true }),
      event('app://chaintrail/index.html', { gone: true })
    ]) {
      const r = await invoke(e, 'cases.library', {})
      expect(r.ok).toBe(false)
      expect(r.ok === false && r.error.code).toBe('FORBIDDEN')
    }
    expect(calls).toEqual([])
  })

  it('rejects unknown methods and bad input before the core', async () => {
    const { calls, event, invoke } = setup()
    const app = event('app://chaintrail/index.html')
    for (const [m, input] of [
      ['constructor', {}],
      ['__proto__', {}],
      ['cases.drop', {}],
      ['cases.info', { caseId: '../../etc' }],
      ['cases.library', { extra: 1 }],
      ['files.pick', { purpose: 'Evidence; rm -rf', multiple: false }]
    ] as const) {
      const r = await invoke(app, m, input)
      expect(r, m).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
    expect(calls).toEqual([])
  })

  it('registers every channel through the checked wrapper', () => {
    const { handlers } = setup()
    expect([...handlers.keys()]).toEqual([INVOKE_CHANNEL])
    for (const ch of handlers.keys()) expect(WRAPPED_CHANNELS).toContain(ch)
  })

  it('validates every contract method name the preload allows', () => {
    for (const m of METHOD_NAME_LIST) expect(() => validateCall(m, undefined)).not.toThrow(/unknown method/)
  })

  it('assertTrustedSender accepts only the app top frame', () => {
    const mainFrame = { url: 'app://chaintrail/index.html', parent: null }
    expect(() => assertTrustedSender({ senderFrame: mainFrame, sender: { mainFrame } } as never)).not.toThrow()
  })
})
