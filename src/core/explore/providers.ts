import type { AddressDetail, AddressRow, TxDetail, TxRow } from '../../shared/api/areas/explore'
import { ApiError } from '../../shared/api/errors'
import type { Db } from '../store/db'

/** Query for the addresses table of one network. */
export interface AddressQuery {
  network: string
  filter?: string
  sort: 'address' | 'firstSeen' | 'lastSeen' | 'txCount'
  desc: boolean
  offset: number
  limit: number
}

/** Query for the transactions table of one network. */
export interface TxQuery {
  network: string
  filter?: string
  address?: string
  sort: 'time' | 'block' | 'txid' | 'amount'
  desc: boolean
  offset: number
  limit: number
}

/**
 * One value movement from one address to another, the unit the graph and tracing work on. For Bitcoin a
 * provider derives these from inputs and outputs (see its own doc for how value is attributed); account chains
 * store them directly. Amounts are base units as bigint.
 * Bitcoin (chains/bitcoin/utxo/transfers.ts): each output's value is split across the tx's input addresses pro
 * rata to the value each put in, flooring remainders going one satoshi each to the largest remainders, so the
 * shares sum exactly to the output; unknown input values → equal weights, kind "utxo-estimated"; coinbase
 * outputs come from "coinbase"; outputs without an address and the fee are not transfers.
 */
export interface FlowTransfer {
  network: string
  txid: string
  /** Distinguishes several transfers in one transaction (vout, log index, trace id). */
  index: string
  time: number | null
  block: number | null
  from: string
  to: string
  asset: string
  symbol: string
  decimals: number
  amount: bigint
  kind: string
  status: 'ok' | 'failed' | 'pending'
  evidenceId: number
  locator: string
}

/** Filter for streaming transfers out of a case. */
export interface FlowQuery {
  network?: string
  /** Only transfers touching one of these addresses (canonical form). */
  addresses?: string[]
  since?: number
  until?: number
}

/**
 * What a data family (Bitcoin UTXO, account chains) offers the rest of the core. Each family registers one
 * provider; services route by network.
 */
export interface ExploreProvider {
  id: string
  handles(network: string): boolean
  /** Networks with data in this case and their counts. */
  networks(db: Db): { network: string; addresses: number; transactions: number }[]
  addresses(db: Db, q: AddressQuery): { total: number; rows: AddressRow[] }
  transactions(db: Db, q: TxQuery): { total: number; rows: TxRow[] }
  address(db: Db, network: string, address: string, txLimit: number): AddressDetail | undefined
  tx(db: Db, network: string | undefined, txid: string): TxDetail | undefined
  transfers(db: Db, q: FlowQuery): Iterable<FlowTransfer>
  /** Every address this family stores in the case (canonical form), for screening and search. */
  addressKeys(db: Db): Iterable<{ network: string; address: string }>
}

const providers: ExploreProvider[] = []

/** Make a data family known to the explore, graph and trace services. */
export function registerProvider(p: ExploreProvider): void {
  if (providers.some((x) => x.id === p.id)) throw new Error(`provider ${p.id} registered twice`)
  providers.push(p)
}

/** Every registered provider. */
export function listProviders(): readonly ExploreProvider[] {
  return providers
}

/** The provider for a network, or a clear error. */
export function providerFor(network: string): ExploreProvider {
  const p = providers.find((x) => x.handles(network))
  if (!p) throw new ApiError('NOT_FOUND', `no data provider handles network "${network}"`)
  return p
}
