import { contract, isMethodName, type MethodName, type MethodOutput, type ProgressEvent } from '../shared/api/contract'
import { ApiError } from '../shared/api/errors'
import { initChains } from './chains/init'
import { CoreState, type CallContext, type CoreOptions, type Handler, type HandlerMap } from './service/context'
import { foundationHandlers } from './service/handlers-foundation'
import { importHandlers } from './service/handlers-imports'
import { exploreHandlers } from './service/handlers-explore'
import { entityHandlers } from './service/handlers-entities'
import { fileHandlers } from './service/handlers-files'

/** Every contract method's handler; the type makes a missing one a compile error. */
const handlers: HandlerMap<MethodName> = {
  ...foundationHandlers,
  ...importHandlers,
  ...exploreHandlers,
  ...entityHandlers,
  ...fileHandlers
}

/** The core service behind every host: one `invoke` for the whole contract. */
export interface Core {
  readonly state: CoreState
  invoke<M extends MethodName>(method: M, input: unknown, onProgress?: (e: ProgressEvent) => void): Promise<MethodOutput<M>>
  close(): void
}

/**
 * Build a core. Calls are validated against the contract's zod schemas on the way in and out, and run one at a
 * time so a streamed import never shares its connection with another write.
 */
export function createCore(opts: CoreOptions): Core {
  initChains()
  const state = new CoreState(opts)
  let queue: Promise<unknown> = Promise.resolve()
  async function run<M extends MethodName>(method: M, input: unknown, onProgress?: (e: ProgressEvent) => void): Promise<MethodOutput<M>> {
    if (!isMethodName(method)) throw new ApiError('BAD_INPUT', `unknown method ${String(method)}`)
    const spec = contract[method]
    const parsed = spec.input.safeParse(input ?? {})
    if (!parsed.success) {
      const first = parsed.error.issues[0]
      throw new ApiError('BAD_INPUT', `${method}: ${first.path.join('.') || 'input'}: ${first.message}`, { details: parsed.error.issues })
    }
    const ctx: CallContext = { state, progress: (e) => onProgress?.(e) }
    const h = handlers[method] as Handler<M>
    const out = await h(parsed.data as never, ctx)
    return spec.output.parse(out) as MethodOutput<M>
  }
  return {
    state,
    invoke(method, input, onProgress) {
      const p = queue.then(() => run(method, input, onProgress))
      queue = p.catch(() => undefined)
      return p
    },
    close: () => state.close()
  }
}
