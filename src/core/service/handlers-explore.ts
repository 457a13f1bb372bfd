import { ApiError } from '../../shared/api/errors'
import { NETWORKS } from '../../shared/domain/networks'
import { guessNetwork, normalizeAddress } from '../chains/address'
import { exchangeLines } from '../explore/exchange-lines'
import { listProviders, providerFor } from '../explore/providers'
import type { HandlerMap } from './context'
import type { AddressDetail, ExchangeLine } from '../../shared/api/areas/explore'

/**
 * An address the case knows only because an exchange statement names it (a deposit or withdrawal address with no
 * imported chain data yet): still answered, with no on-chain totals, so the analyst sees the exchange link and
 * knows which chain data to fetch next.
 */
function statementOnlyAddress(text: string, network: string | undefined, lines: ExchangeLine[]): AddressDetail {
  const net = network ?? guessNetwork(text)
  let display = text
  try {
    if (net) display = normalizeAddress(text, net).display
  } catch {
    // The statement's text is kept as given when it is not a valid address on the guessed network.
  }
  return {
    network: net ?? 'unknown',
    address: display,
    display,
    type: 'exchange statement only',
    firstSeen: null,
    lastSeen: null,
    txCount: 0,
    assets: [],
    source: lines[0].source,
    transactions: [],
    labels: [],
    exchange: lines
  }
}

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
    const lines = exchangeLines(db, { address: i.address, limit: 1000 }).rows
    if (lines.length) return statementOnlyAddress(i.address, i.network, lines)
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
