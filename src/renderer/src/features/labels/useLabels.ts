import { useEffect, useState } from 'react'
import type { Label, LabelSet } from '../../../../shared/api/areas/labels'
import type { LabelCategory } from '../../../../shared/domain/labels'
import type { z } from 'zod'
import { call } from '../../api/client'

/** Filters of the Labels view. */
export interface LabelFilters {
  search: string
  category: '' | LabelCategory
  source: string
  network: string
  address: string
}

/** Labels matching the filters plus the filter choices (sources, imported sets); reloads on `revision`. */
export function useLabels(caseId: string, f: LabelFilters, revision: number) {
  const [labels, setLabels] = useState<Label[]>([])
  const [total, setTotal] = useState(0)
  const [sources, setSources] = useState<{ source: string; count: number }[]>([])
  const [sets, setSets] = useState<z.infer<typeof LabelSet>[]>([])
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    const q = {
      caseId,
      search: f.search || undefined,
      category: f.category || undefined,
      source: f.source || undefined,
      network: f.address ? f.network : undefined,
      address: f.address || undefined,
      limit: 500
    }
    call('labels.list', q)
      .then((r) => {
        if (!live) return
        setLabels(r.labels)
        setTotal(r.total)
        setError(null)
      })
      .catch((e: Error) => live && setError(e.message))
    void call('labels.sources', { caseId }).then((r) => {
      if (!live) return
      setSources(r.sources)
      setSets(r.sets)
    })
    return () => {
      live = false
    }
  }, [caseId, f.search, f.category, f.source, f.network, f.address, revision])
  return { labels, total, sources, sets, error }
}
