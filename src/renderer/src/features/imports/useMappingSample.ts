import { useEffect, useState } from 'react'
import { call } from '../../api/client'
import type { MethodOutput } from '../../../../shared/api/contract'

/** A staged file's header, first rows and any saved mapping for that header (re-read when the delimiter changes). */
export function useMappingSample(caseId: string, uploadId: string, delimiter: ',' | ';' | '\t' | undefined) {
  const [sample, setSample] = useState<MethodOutput<'mappings.sample'> | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    setError(null)
    setSample(null)
    call('mappings.sample', { caseId, uploadId, delimiter })
      .then((s) => live && setSample(s))
      .catch((e: Error) => live && setError(e.message))
    return () => {
      live = false
    }
  }, [caseId, uploadId, delimiter])
  return { sample, error }
}
