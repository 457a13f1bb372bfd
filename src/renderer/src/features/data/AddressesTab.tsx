import { SafeText } from '../../components/SafeText'
import { useCallback, useState } from 'react'
import { call } from '../../api/client'
import type { AddressRow, SourceRef } from '../../../../shared/api/areas/explore'
import type { CaseTabProps } from '../case/tabs'
import { ImportButton } from '../imports/ImportButton'
import { DataToolbar } from './DataToolbar'
import { coins, utc } from './format'
import { SourceLink, SourcePanel } from './SourcePanel'
import { useNetworks } from './useNetworks'
import { VirtualTable, type Column, type SortState } from './VirtualTable'

/** Every address the case holds on one network, with totals from the case data and its first source. */
export function AddressesTab({ caseId, revision, onChanged }: CaseTabProps) {
  const networks = useNetworks(caseId, revision)
  const [picked, setPicked] = useState<string | null>(null)
  const network = picked ?? networks[0]?.network ?? ''
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<SortState>({ key: 'lastSeen', desc: true })
  const [source, setSource] = useState<{ title: string; sources: SourceRef[] } | null>(null)
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      call('explore.addresses', { caseId, network, filter: filter || undefined, sort: sort.key as 'lastSeen', desc: sort.desc, offset, limit }),
    [caseId, network, filter, sort]
  )
  const first = (r: AddressRow) => r.assets[0]
  const columns: Column<AddressRow>[] = [
    { id: 'address', title: 'Address', width: 'minmax(0, 2fr)', sort: 'address', cell: (r) => <SafeText mono text={r.display} /> },
    { id: 'type', title: 'Type', width: '80px', cell: (r) => r.type },
    { id: 'tx', title: 'Txs', width: '70px', sort: 'txCount', align: 'right', cell: (r) => r.txCount.toLocaleString('en') },
    { id: 'in', title: 'Received', width: '130px', align: 'right', cell: (r) => (first(r) ? coins(first(r).received, first(r).decimals, first(r).symbol) : '—') },
    { id: 'out', title: 'Sent', width: '130px', align: 'right', cell: (r) => (first(r) ? coins(first(r).sent, first(r).decimals, first(r).symbol) : '—') },
    { id: 'bal', title: 'Balance', width: '130px', align: 'right', cell: (r) => (first(r) ? coins(first(r).balance, first(r).decimals, first(r).symbol) : '—') },
    { id: 'first', title: 'First seen (UTC)', width: '160px', sort: 'firstSeen', cell: (r) => utc(r.firstSeen) },
    { id: 'last', title: 'Last seen (UTC)', width: '160px', sort: 'lastSeen', cell: (r) => utc(r.lastSeen) },
    { id: 'src', title: 'Source', width: 'minmax(0, 1fr)', cell: (r) => <SourceLink sources={r.source ? [r.source] : []} onOpen={() => setSource({ title: r.display, sources: r.source ? [r.source] : [] })} /> }
  ]
  return (
    <section className="data-tab" aria-label="Addresses">
      <DataToolbar networks={networks} network={network} onNetwork={setPicked} onFilter={setFilter} placeholder="Filter by address text">
        <ImportButton caseId={caseId} onImported={onChanged} />
      </DataToolbar>
      {network ? (
        <VirtualTable testId="addresses-table" queryKey={`${caseId}|${network}|${filter}|${sort.key}|${sort.desc}|${revision}`} fetchPage={fetchPage} columns={columns} sort={sort} onSort={setSort} rowKey={(r) => r.network + r.address} />
      ) : (
        <p>No addresses in this case yet. Import explorer data to begin.</p>
      )}
      {source && <SourcePanel title={source.title} sources={source.sources} onClose={() => setSource(null)} />}
    </section>
  )
}
