import { useEffect, useState } from 'react'
import { call } from '../../api/client'
import type { MethodOutput } from '../../../../shared/api/contract'

/** Networks with data in the case (explore.networks), reloaded when the case changes. */
export function useNetworks(caseId: string, revision: number): MethodOutput<'explore.networks'> {
  const [nets, setNets] = useState<MethodOutput<'explore.networks'>>([])
  useEffect(() => {
    void call('explore.networks', { caseId }).then(setNets)
  }, [caseId, revision])
  return nets
}
