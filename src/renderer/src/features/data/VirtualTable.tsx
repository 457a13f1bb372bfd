import { useEffect, useRef, type ReactNode } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { FetchPage } from './usePagedRows'
import { usePagedRows } from './usePagedRows'
import './data.css'

/** One column of a data table; `sort` names the server-side sort key when the column is sortable. */
export interface Column<T> {
  id: string
  title: string
  width: string
  sort?: string
  align?: 'right'
  cell(row: T): ReactNode
}

/** Sort state owned by the tab (it is part of the server query). */
export interface SortState {
  key: string
  desc: boolean
}

const ROW_HEIGHT = 30

/**
 * A virtualized, server-paged table: only the visible rows exist in the DOM (@tanstack/react-virtual), and
 * only the pages near them are fetched, so 100k+ rows scroll smoothly. Generic over the row type, so every
 * data family's rows show through the same component.
 */
export function VirtualTable<T>(props: { queryKey: string; fetchPage: FetchPage<T>; columns: Column<T>[]; sort: SortState; onSort(s: SortState): void; rowKey(row: T): string; testId: string; onRow?(row: T): void }) {
  const { total, row, need, error } = usePagedRows(props.queryKey, props.fetchPage)
  const scroller = useRef<HTMLDivElement>(null)
  const v = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 })
  const items = v.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  useEffect(() => {
    if (total) need(first, last)
  }, [first, last, total, need])
  const template = props.columns.map((c) => c.width).join(' ')
  return (
    <div className="vt" data-testid={props.testId}>
      <div className="vt-head" style={{ gridTemplateColumns: template }} role="row">
        {props.columns.map((c) => (
          <div key={c.id} role="columnheader" className={c.align === 'right' ? 'num' : undefined}>
            {c.sort ? (
              <button className="vt-sort" onClick={() => props.onSort({ key: c.sort!, desc: props.sort.key === c.sort ? !props.sort.desc : true })}>
                {c.title}
                {props.sort.key === c.sort ? (props.sort.desc ? ' ▼' : ' ▲') : ''}
              </button>
            ) : (
              c.title
            )}
          </div>
        ))}
      </div>
      <div className="vt-body" ref={scroller}>
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {items.map((it) => {
            const r = row(it.index)
            return (
              <div
                key={r ? props.rowKey(r) : `loading-${it.index}`}
                role="row"
                className="vt-row"
                data-index={it.index}
                style={{ gridTemplateColumns: template, transform: `translateY(${it.start}px)`, height: ROW_HEIGHT }}
                onClick={r && props.onRow ? () => props.onRow!(r) : undefined}
              >
                {r ? props.columns.map((c) => (
                  <div key={c.id} role="cell" className={c.align === 'right' ? 'num' : undefined}>
                    {c.cell(r)}
                  </div>
                )) : <div className="vt-loading">loading…</div>}
              </div>
            )
          })}
        </div>
      </div>
      <div className="vt-foot">{error ? <span className="error">{error}</span> : total === null ? 'loading…' : `${total.toLocaleString('en')} rows`}</div>
    </div>
  )
}
