import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState } from 'react'
import { call } from '../../api/client'
import type { FlowItem, GraphState } from '../../../../shared/api/areas/graph'
import { amount, utc } from './format'

interface Props {
  caseId: string
  state: GraphState
  nodes: string[]
  edge: string | null
  version: unknown
  title: string
  compact?: boolean
  onPickEdge?(edge: string): void
}

type Result = { total: number; rows: FlowItem[]; sums: { asset: string; symbol: string; decimals: number; amount: string; count: number }[] }

/**
 * The transfers behind the selection (or the whole view): txid, time, exact amount and the evidence row each
 * came from. Virtualised so a large case scrolls smoothly.
 */
export function TransfersTable({ caseId, state, nodes, edge, version, title, compact, onPickEdge }: Props) {
  const [res, setRes] = useState<Result | null>(null)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    let live = true
    if (!state.nodes.length) return setRes(null)
    // Asked once the browser is idle: on a big view the canvas's first frame comes first, and the core's scan of
    // the transfers would otherwise compete with the drawing for the CPU.
    const h = requestIdleCallback(() => void call('graph.transfers', { caseId, state, nodes, edges: edge ? [edge] : [], limit: 5000 }).then((r) => live && setRes(r), () => live && setRes(null)), { timeout: 1000 })
    return () => {
      live = false
      cancelIdleCallback(h)
    }
  }, [caseId, version, nodes.join(','), edge])
  const rows = res?.rows ?? []
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => box.current, estimateSize: () => 26, overscan: 12 })
  return (
    <div className={compact ? 'ct-tt compact' : 'ct-tt'} data-testid={compact ? 'selection-transfers' : 'case-transfers'}>
      <div className="ct-tt-head">
        <strong>{title}</strong>
        <span>{res ? `${res.total} transfer${res.total === 1 ? '' : 's'}` : '—'}</span>
        <span className="ct-tt-sums">{res?.sums.map((s) => <em key={s.asset + s.symbol}>{amount(s.amount, s.decimals, s.symbol)}</em>)}</span>
      </div>
      <div className="ct-tt-cols">
        <span>Time (UTC)</span>
        <span>Transaction</span>
        {!compact && <span>From → To</span>}
        <span className="num">Amount</span>
        <span>Evidence</span>
      </div>
      <div className="ct-tt-body" ref={box}>
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((it) => {
            const r = rows[it.index]
            return (
              <div key={it.key} className="ct-tt-row" style={{ transform: `translateY(${it.start}px)` }} onClick={() => onPickEdge?.(r.edge)} title={`${r.network} ${r.txid} #${r.index}`}>
                <span>{compact ? utc(r.time).slice(2, 16) : utc(r.time)}</span>
                <code>{r.txid.length > 18 ? `${r.txid.slice(0, 10)}…${r.txid.slice(-6)}` : r.txid}</code>
                {!compact && (
                  <code>
                    {short(r.from)} → {short(r.to)}
                  </code>
                )}
                <span className="num">{amount(r.amount, r.decimals, r.symbol)}</span>
                <span className="ct-tt-ev" title={`${r.file ?? ''} SHA-256 ${r.sha256 ?? 'unknown'} at ${r.locator}`}>
                  {r.file ?? 'evidence'} <code>{r.locator}</code>
                </span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}

function short(a: string): string {
  return a.length > 14 ? `${a.slice(0, 6)}…${a.slice(-4)}` : a
}
