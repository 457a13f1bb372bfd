import { useEffect, useState } from 'react'
import type { ProgressEvent } from '../../../shared/api/contract'
import { onEvent } from '../api/client'

/**
 * The latest core progress event (optionally only for operation `op`), for long calls such as imports and
 * verification; undefined until one arrives. Pair with <ProgressBar>.
 */
export function useProgress(op?: string): ProgressEvent | undefined {
  const [last, setLast] = useState<ProgressEvent>()
  useEffect(
    () =>
      onEvent('progress', (p) => {
        const e = p as ProgressEvent
        if (!op || e.op === op) setLast(e)
      }),
    [op]
  )
  return last
}
