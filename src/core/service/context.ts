import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Contract, MethodName, MethodOutput, ProgressEvent } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import type { z } from 'zod'
import { openCase, type CaseHandle } from '../case/case-folder'
import { scanLibrary } from './cases'

/** A file a host handed to the core for a later call (upload or native-dialog pick). */
export interface StagedUpload {
  path: string
  originalName: string
  originalPath?: string
  /** Delete the staged copy once consumed (uploads), never the user's own file (dialog picks). */
  owned: boolean
}

/** Options for one core instance. */
export interface CoreOptions {
  /** Folder whose sub-folders are the case library. */
  casesRoot: string
  /** Examiner name for audit entries when a call does not give one (defaults to each case's examiner). */
  examiner?: string
}

/**
 * The state one core instance keeps: open cases by id and staged files. Hosts (CLI, worker, dev host) own one
 * each; handlers receive it with every call.
 */
export class CoreState {
  readonly casesRoot: string
  examiner?: string
  private readonly open = new Map<string, CaseHandle>()
  private readonly uploads = new Map<string, StagedUpload>()

  constructor(opts: CoreOptions) {
    this.casesRoot = resolve(opts.casesRoot)
    this.examiner = opts.examiner
  }

  /** Register an open case (replacing a stale handle for the same id). */
  adopt(c: CaseHandle): CaseHandle {
    const id = c.meta().id
    const old = this.open.get(id)
    if (old && old !== c) old.close()
    this.open.set(id, c)
    return c
  }

  /** Open a case folder by path (CLI, Electron dialog) and register it. */
  openPath(dir: string): CaseHandle {
    const abs = resolve(dir)
    for (const c of this.open.values()) if (c.dir === abs) return c
    return this.adopt(openCase(abs, { examiner: this.examiner }))
  }

  /** The open case with this id, opening it from the library if needed. */
  caseById(id: string): CaseHandle {
    const c = this.open.get(id)
    if (c) return c
    for (const dir of scanLibrary(this.casesRoot).folders) {
      const h = this.openPath(dir)
      if (h.meta().id === id) return h
    }
    throw new ApiError('NOT_FOUND', `no case with id ${id} in ${this.casesRoot}`)
  }

  /** Examiner to record for a change in case `c`. */
  examinerFor(c: CaseHandle): string {
    return this.examiner ?? c.meta().examiner
  }

  /** Stage a file and get the id a later call will name it by. */
  stage(u: StagedUpload): string {
    const id = randomBytes(18).toString('base64url')
    this.uploads.set(id, u)
    return id
  }

  /** Take a staged file (once). */
  takeUpload(id: string): StagedUpload {
    const u = this.uploads.get(id)
    if (!u) throw new ApiError('NOT_FOUND', 'that file is no longer staged; choose it again')
    this.uploads.delete(id)
    return u
  }

  /** Look at a staged file without consuming it (previews). */
  peekUpload(id: string): StagedUpload {
    const u = this.uploads.get(id)
    if (!u) throw new ApiError('NOT_FOUND', 'that file is no longer staged; choose it again')
    return u
  }

  /** Remove a consumed upload's staging copy. */
  releaseUpload(u: StagedUpload): void {
    if (u.owned) rmSync(u.path, { force: true })
  }

  /** Close every open case and drop staged uploads. */
  close(): void {
    for (const c of this.open.values()) c.close()
    this.open.clear()
    for (const u of this.uploads.values()) this.releaseUpload(u)
    this.uploads.clear()
  }
}

/** What a handler receives besides its validated input. */
export interface CallContext {
  state: CoreState
  progress(e: ProgressEvent): void
}

/** A handler for one contract method: validated input in, contract output out. */
export type Handler<M extends MethodName> = (input: z.output<Contract[M]['input']>, ctx: CallContext) => Promise<MethodOutput<M>> | MethodOutput<M>

/** Handlers for some of the contract's methods (one area). */
export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> }
