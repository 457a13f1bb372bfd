import { useState } from 'react'
import { messageOf } from './errors'

/** Outcome of one run of a check: when it ran, and its result or why it could not run. */
export interface CheckRun<T> {
  at: string
  result?: T
  error?: string
}

/**
 * State for a button that runs a verification (evidence re-hash, audit chain): busy while it runs, then the
 * result stamped with the time it was computed, until dismissed.
 */
export function useCheck<T>(check: () => Promise<T>) {
  const [run, setRun] = useState<CheckRun<T>>()
  const [busy, setBusy] = useState(false)
  async function start() {
    setBusy(true)
    try {
      setRun({ at: new Date().toISOString(), result: await check() })
    } catch (e) {
      setRun({ at: new Date().toISOString(), error: messageOf(e) })
    } finally {
      setBusy(false)
    }
  }
  return { run, busy, start, clear: () => setRun(undefined) }
}
