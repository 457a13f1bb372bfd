import { ApiError } from '../../shared/api/errors'
import { NETWORKS } from '../../shared/domain/networks'
import { guessNetwork } from '../chains/address'
import { exchangeLines } from '../explore/exchange-lines'
import { listProviders, providerFor } from '../explore/providers'
import type { HandlerMap } from './context'

/** Browsing methods; each routes to the provider of the requested network. */
export const exploreHandlers: HandlerMap<'explore.networks' | 'explore.addresses' | 'explore.transactions' | 'explore.address' | 'explore.tx' | 'explore.exchange'> = {
  'explore.networks': (i, { state }) => {
    const db = state.caseById(i.caseId).db
    return listProviders().flatMap((p) =>
      p.networks(db).map((n) => ({ ...n, name: NETWORKS.get(n.network)?.name ?? n.network, kind: NETWORKS.get(n.network)?.kind ?? 'unknown' }))
    )
  },
  'explore.addresses': (i, { state }) => providerFor(i.network).addresses(state.caseById(i.caseId).db, i),
  'explore.transactions': (i, { state }) => providerFor(i.network).transactions(state.caseById(i.caseId).db, i),
  'explore.address': (i, { state }) => {
    const db = state.caseById(i.caseId).db
    const candidates = i.network ? [i.network] : listProviders().flatMap((p) => p.networks(db).map((n) => n.network))
    const guessed = guessNetwork(i.address)
    const ordered = guessed ? [...candidates.filter((n) => n === guessed), ...candidates.filter((n) => n !== guessed)] : candidates
    for (const n of ordered) {
      const d = providerFor(n).address(db, n, i.address, i.txLimit)
      if (d) return { ...d, exchange: exchangeLines(db, { address: d.display, txids: d.transactions.map((t) => t.txid), limit: 1000 }).rows }
    }
    throw new ApiError('NOT_FOUND', `address ${i.address} does not appear in this case`)
  },
  'explore.tx': (i, { state }) => {
    const db = state.caseById(i.caseId).db
    for (const p of i.network ? [providerFor(i.network)] : listProviders()) {
      const d = p.tx(db, i.network, i.txid)
      if (d) return { ...d, exchange: exchangeLines(db, { txids: [d.txid], limit: 1000 }).rows }
    }
    throw new ApiError('NOT_FOUND', `transaction ${i.txid} does not appear in this case`)
  },
  'explore.exchange': (i, { state }) =>
    exchangeLines(state.caseById(i.caseId).db, { address: i.address, txids: i.txid ? [i.txid] : undefined, filter: i.filter, desc: i.desc, offset: i.offset, limit: i.limit })
}
