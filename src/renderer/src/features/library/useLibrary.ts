import { call } from '../../api/client'
import { useQuery } from '../../lib/useQuery'
import type { MethodOutput } from '../../../../shared/api/contract'

/** The library listing as cases.library returns it. */
export type LibraryData = MethodOutput<'cases.library'>

/** The case library, reloaded whenever `revision` changes. */
export function useLibrary(revision: number) {
  return useQuery(() => call('cases.library', {}), [revision])
}
