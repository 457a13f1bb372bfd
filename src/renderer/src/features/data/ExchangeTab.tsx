import { useCallback, useEffect, useState } from 'react'
import { call } from '../../api/client'
import { SafeText } from '../../components/SafeText'
import type { ExchangeLine, SourceRef } from '../../../../shared/api/areas/explore'
import { groupThousands } from '../../../../shared/domain/amount'
import type { CaseTabProps } from '../case/tabs'
import { ImportButton } from '../imports/ImportButton'
import { utc } from './format'
import { SourceLink, SourcePanel } from './SourcePanel'
import { VirtualTable, type Column, type SortState } from './VirtualTable'

/** Statement amounts are whole-unit decimal text as the exchange wrote it (signed: negative leaves the account). */
const signed = (a: string, asset: string) => `${a.startsWith('-') ? '' : '+'}${groupThousands(a)} ${asset}`

/**
 * Exchange statement lines (subpoena returns) in the case. A line naming a txid or deposit/withdrawal address is
 * the bridge from an exchange account to on-chain funds: those cells are what a freeze request cites.
 */
export function ExchangeTab({ caseId, revision, onChanged }: CaseTabProps) {
  const [text, setText] = useState('')
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<SortState>({ key: 'time', desc: true })
  const [source, setSource] = useState<{ title: string; sources: SourceRef[] } | null>(null)
  useEffect(() => {
    const t = setTimeout(() => setFilter(text.trim()), 250)
    return () => clearTimeout(t)
  }, [text])
  const fetchPage = useCallback((offset: number, limit: number) => call('explore.exchange', { caseId, filter: filter || undefined, desc: sort.desc, offset, limit }), [caseId, filter, sort])
  const columns: Column<ExchangeLine>[] = [
    { id: 'time', title: 'Time (UTC)', width: '150px', sort: 'time', cell: (r) => utc(r.time) },
    { id: 'exchange', title: 'Exchange', width: '76px', cell: (r) => r.exchange },
    { id: 'account', title: 'Account', width: 'minmax(0, 0.7fr)', cell: (r) => <SafeText text={r.account} /> },
    { id: 'type', title: 'Type', width: '90px', cell: (r) => <SafeText text={r.type} /> },
    { id: 'amount', title: 'Amount', width: '145px', align: 'right', cell: (r) => <span className={r.amount.startsWith('-') ? 'neg' : 'pos'}>{signed(r.amount, r.asset)}</span> },
    { id: 'fee', title: 'Fee', width: '100px', align: 'right', cell: (r) => (r.fee ? `${groupThousands(r.fee)} ${r.feeAsset ?? ''}` : '—') },
    { id: 'network', title: 'Network', width: '64px', cell: (r) => r.network ?? '—' },
    { id: 'txid', title: 'Txid', width: 'minmax(0, 1.2fr)', cell: (r) => (r.txid ? <SafeText mono text={r.txid} /> : '—') },
    { id: 'address', title: 'Address', width: 'minmax(0, 1fr)', cell: (r) => (r.address ? <SafeText mono text={r.address} /> : '—') },
    { id: 'note', title: 'Note', width: 'minmax(0, 0.6fr)', cell: (r) => (r.note ? <SafeText text={r.note} /> : '') },
    { id: 'src', title: 'Source', width: 'minmax(0, 0.8fr)', cell: (r) => <SourceLink sources={[r.source]} onOpen={() => setSource({ title: `${r.exchange} ${r.type} ${utc(r.time)}`, sources: [r.source] })} /> }
  ]
  return (
    <section className="data-tab" aria-label="Exchange statements">
      <div className="data-toolbar">
        <input className="wide" type="search" aria-label="Filter" placeholder="Filter: account, type, asset, txid, address, reference…" value={text} onChange={(e) => setText(e.target.value)} />
        <ImportButton caseId={caseId} onImported={onChanged} />
      </div>
      <VirtualTable testId="exchange-table" queryKey={`${caseId}|${filter}|${sort.desc}|${revision}`} fetchPage={fetchPage} columns={columns} sort={sort} onSort={setSort} rowKey={(r) => String(r.id)} />
      {source && <SourcePanel title={source.title} sources={source.sources} onClose={() => setSource(null)} />}
    </section>
  )
}
