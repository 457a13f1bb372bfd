import { useEffect, useState } from 'react'
import { call } from '../../api/client'
import { SafeText } from '../../components/SafeText'
import type { ExchangeLine } from '../../../../shared/api/areas/explore'
import { groupThousands } from '../../../../shared/domain/amount'
import { utc } from './format'

/**
 * Exchange statement lines naming one address or txid, for a details panel: who at which exchange sent or received
 * these funds, with the statement row each line came from.
 */
export function ExchangeLinks({ caseId, address, txid, version }: { caseId: string; address?: string; txid?: string; version?: unknown }) {
  const [lines, setLines] = useState<ExchangeLine[]>([])
  useEffect(() => {
    let live = true
    void call('explore.exchange', { caseId, address, txid, limit: 50 }).then((r) => live && setLines(r.rows), () => live && setLines([]))
    return () => {
      live = false
    }
  }, [caseId, address, txid, version])
  if (!lines.length) return null
  return (
    <section data-testid="exchange-links">
      <h4>Exchange statements</h4>
      {lines.map((l) => (
        <div key={l.id} className="ct-bal-row" title={`${l.source.file} ${l.source.locator} · sha256 ${l.source.sha256}`}>
          <span>
            <SafeText text={`${l.exchange} · ${l.account} · ${l.type}`} /> <small>{utc(l.time)}</small>
          </span>
          <span>
            {groupThousands(l.amount)} {l.asset}
          </span>
        </div>
      ))}
    </section>
  )
}
