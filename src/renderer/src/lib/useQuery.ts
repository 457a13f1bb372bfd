import { useCallback, useEffect, useRef, useState } from 'react'

/** State of one contract read. */
export interface Query<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  reload(): void
}

/**
 * Run `fn` now and whenever a value in `deps` changes (pass the shell's `revision` to reload after case changes).
 * Stale answers from an earlier run are dropped, so a slow reply never overwrites a newer one.
 */
export function useQuery<T>(fn: () => Promise<T>, deps: unknown[]): Query<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<unknown>()
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  const run = useRef(0)
  const fnRef = useRef(fn)
  fnRef.current = fn
  useEffect(() => {
    const mine = ++run.current
    setLoading(true)
    fnRef.current().then(
      (v) => {
        if (run.current !== mine) return
        setData(v)
        setError(undefined)
        setLoading(false)
      },
      (e: unknown) => {
        if (run.current !== mine) return
        setError(e)
        setLoading(false)
      }
    )
  }, [...deps, tick])
  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { data, error, loading, reload }
}
