import { useCallback, useEffect, useRef, useState } from 'react'

/** A page fetcher: rows [offset, offset+limit) and the total for the current query. */
export type FetchPage<T> = (offset: number, limit: number) => Promise<{ total: number; rows: T[] }>

const PAGE = 200

/**
 * Server-side paging for virtualized tables: keeps only the pages the user has scrolled near, fetched on
 * demand through the contract, and starts over whenever the query (the `key`) changes.
 */
export function usePagedRows<T>(key: string, fetchPage: FetchPage<T>): { total: number | null; row(i: number): T | undefined; need(first: number, last: number): void; error: string | null } {
  const [total, setTotal] = useState<number | null>(null)
  const [, setTick] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const pages = useRef(new Map<number, T[]>())
  const loading = useRef(new Set<number>())
  const generation = useRef(0)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  const load = useCallback((page: number) => {
    if (pages.current.has(page) || loading.current.has(page)) return
    loading.current.add(page)
    const gen = generation.current
    fetchRef.current(page * PAGE, PAGE).then(
      (r) => {
        if (gen !== generation.current) return
        loading.current.delete(page)
        pages.current.set(page, r.rows)
        // Keep memory bounded when scrolling through 100k+ rows: drop far-away pages.
        if (pages.current.size > 40) for (const k of pages.current.keys()) if (Math.abs(k - page) > 20) pages.current.delete(k)
        setTotal(r.total)
        setTick((t) => t + 1)
      },
      (e: unknown) => {
        loading.current.delete(page)
        if (gen === generation.current) setError(e instanceof Error ? e.message : String(e))
      }
    )
  }, [])

  useEffect(() => {
    generation.current++
    pages.current = new Map()
    loading.current = new Set()
    setTotal(null)
    setError(null)
    load(0)
  }, [key, load])

  return {
    total,
    error,
    row: (i) => pages.current.get(Math.floor(i / PAGE))?.[i % PAGE],
    need: (first, last) => {
      for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) load(p)
    }
  }
}
