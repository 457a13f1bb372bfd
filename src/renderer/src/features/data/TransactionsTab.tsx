import { SafeText } from '../../components/SafeText'
import { useCallback, useState } from 'react'
import { call } from '../../api/client'
import type { SourceRef, TxRow } from '../../../../shared/api/areas/explore'
import type { CaseTabProps } from '../case/tabs'
import { ImportButton } from '../imports/ImportButton'
import { DataToolbar } from './DataToolbar'
import { coins, utc } from './format'
import { SourceLink, SourcePanel } from './SourcePanel'
import { useNetworks } from './useNetworks'
import { VirtualTable, type Column, type SortState } from './VirtualTable'

const list = (a: string[]) => (a.length > 2 ? `${a.slice(0, 2).join(', ')} +${a.length - 2}` : a.join(', '))

/** Every transaction of one network in the case (UTXO or account), with its sources and conflict flag. */
export function TransactionsTab({ caseId, revision, onChanged }: CaseTabProps) {
  const networks = useNetworks(caseId, revision)
  const [picked, setPicked] = useState<string | null>(null)
  const network = picked ?? networks[0]?.network ?? ''
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<SortState>({ key: 'time', desc: true })
  const [source, setSource] = useState<{ title: string; sources: SourceRef[] } | null>(null)
  const fetchPage = useCallback(
    (offset: number, limit: number) => call('explore.transactions', { caseId, network, filter: filter || undefined, sort: sort.key as 'time', desc: sort.desc, offset, limit }),
    [caseId, network, filter, sort]
  )
  const columns: Column<TxRow>[] = [
    { id: 'time', title: 'Time (UTC)', width: '160px', sort: 'time', cell: (r) => utc(r.time) },
    { id: 'txid', title: 'Txid', width: 'minmax(0, 1.3fr)', sort: 'txid', cell: (r) => <span className="mono" title={r.txid}>{r.txid}</span> },
    { id: 'block', title: 'Block', width: '70px', sort: 'block', align: 'right', cell: (r) => r.block ?? '—' },
    { id: 'from', title: 'From', width: 'minmax(0, 1fr)', cell: (r) => <SafeText mono text={list(r.from)} /> },
    { id: 'to', title: 'To', width: 'minmax(0, 1fr)', cell: (r) => <SafeText mono text={list(r.to)} /> },
    { id: 'amount', title: 'Amount', width: '130px', sort: 'amount', align: 'right', cell: (r) => coins(r.amount, r.decimals, r.symbol) },
    { id: 'fee', title: 'Fee', width: '110px', align: 'right', cell: (r) => coins(r.fee, r.decimals, r.symbol) },
    {
      id: 'kind',
      title: 'Kind',
      width: '125px',
      cell: (r) => (
        <>
          <span className="badge">{r.kind}</span> {r.status !== 'ok' && <span className="badge warn">{r.status}</span>} {r.conflicted && <span className="badge warn">conflict</span>}
        </>
      )
    },
    { id: 'src', title: 'Source', width: 'minmax(0, 1fr)', cell: (r) => <SourceLink sources={r.sources} onOpen={() => setSource({ title: r.txid, sources: r.sources })} /> }
  ]
  return (
    <section className="data-tab" aria-label="Transactions">
      <DataToolbar networks={networks} network={network} onNetwork={setPicked} onFilter={setFilter} placeholder="Filter: txid prefix, block height or address">
        <ImportButton caseId={caseId} onImported={onChanged} />
      </DataToolbar>
      {network ? (
        <VirtualTable testId="transactions-table" queryKey={`${caseId}|${network}|${filter}|${sort.key}|${sort.desc}|${revision}`} fetchPage={fetchPage} columns={columns} sort={sort} onSort={setSort} rowKey={(r) => r.network + r.txid} />
      ) : (
        <p>No transactions in this case yet. Import explorer data to begin.</p>
      )}
      {source && <SourcePanel title={source.title} sources={source.sources} onClose={() => setSource(null)} />}
    </section>
  )
}
