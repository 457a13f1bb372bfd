import { z } from 'zod'
import { CaseId, Page, Sha256, Units } from './common'

/** Where a row came from: the evidence file (by hash and name) and the place in it. */
export const SourceRef = z.object({ sha256: Sha256, file: z.string(), locator: z.string() })
export type SourceRef = z.infer<typeof SourceRef>

/** Totals for one asset at one address. Amounts are base units (decimal strings). */
export const AssetTotals = z.object({
  asset: z.string(),
  symbol: z.string(),
  decimals: z.number().int(),
  received: Units,
  sent: Units,
  balance: Units,
  inCount: z.number().int(),
  outCount: z.number().int()
})
export type AssetTotals = z.infer<typeof AssetTotals>

export const AddressRow = z.object({
  network: z.string(),
  address: z.string(),
  display: z.string(),
  type: z.string(),
  firstSeen: z.number().int().nullable(),
  lastSeen: z.number().int().nullable(),
  txCount: z.number().int(),
  assets: z.array(AssetTotals),
  source: SourceRef.nullable()
})
export type AddressRow = z.infer<typeof AddressRow>

export const TxRow = z.object({
  network: z.string(),
  txid: z.string(),
  /** Unix seconds, null when unconfirmed / unknown. */
  time: z.number().int().nullable(),
  block: z.number().int().nullable(),
  from: z.array(z.string()),
  to: z.array(z.string()),
  amount: Units,
  asset: z.string(),
  symbol: z.string(),
  decimals: z.number().int(),
  fee: Units.nullable(),
  status: z.enum(['ok', 'failed', 'pending']),
  kind: z.string(),
  conflicted: z.boolean(),
  sources: z.array(SourceRef)
})
export type TxRow = z.infer<typeof TxRow>

/**
 * One line of an exchange statement (subpoena return), linked to a transaction or address when the statement
 * names it. `amount` is the statement's signed decimal text in whole units of `asset` (exchanges write coins, not
 * base units); `linkedBy` says how it was found for an address or transaction view.
 */
export const ExchangeLine = z.object({
  id: z.number().int(),
  exchange: z.string(),
  account: z.string(),
  time: z.number().int().nullable(),
  type: z.string(),
  asset: z.string(),
  amount: z.string(),
  fee: z.string().nullable(),
  feeAsset: z.string().nullable(),
  network: z.string().nullable(),
  txid: z.string().nullable(),
  address: z.string().nullable(),
  ref: z.string().nullable(),
  note: z.string().nullable(),
  linkedBy: z.enum(['address', 'txid']).nullable(),
  source: SourceRef
})
export type ExchangeLine = z.infer<typeof ExchangeLine>

/** Detail of one transaction: UTXO inputs/outputs or account-model transfers, whichever applies. */
export const TxDetail = TxRow.extend({
  inputs: z
    .array(
      z.object({ index: z.number().int(), prevTxid: z.string().nullable(), prevVout: z.number().int().nullable(), address: z.string().nullable(), value: Units.nullable(), coinbase: z.boolean(), source: SourceRef.optional() })
    )
    .optional(),
  outputs: z
    .array(z.object({ index: z.number().int(), address: z.string().nullable(), scriptType: z.string(), value: Units, spentBy: z.string().nullable(), source: SourceRef.optional() }))
    .optional(),
  transfers: z
    .array(z.object({ index: z.string(), from: z.string(), to: z.string(), asset: z.string(), symbol: z.string(), decimals: z.number().int(), amount: Units, kind: z.string(), status: z.string() }))
    .optional(),
  conflicts: z.array(z.object({ field: z.string(), existing: z.string().nullable(), incoming: z.string().nullable(), existingSource: SourceRef.nullable(), incomingSource: SourceRef })),
  /** Exchange statement lines that name this txid (filled by the explore service for every data family). */
  exchange: z.array(ExchangeLine).optional()
})
export type TxDetail = z.infer<typeof TxDetail>

export const AddressDetail = AddressRow.extend({
  transactions: z.array(TxRow),
  labels: z.array(z.unknown()).default([]),
  /** Exchange statement lines that name this address or one of its transactions (deposits, withdrawals). */
  exchange: z.array(ExchangeLine).optional()
})
export type AddressDetail = z.infer<typeof AddressDetail>

const Network = z.string().min(1).max(32)
const Filter = z.string().max(200).optional()

/** Browsing what the case holds: addresses and transactions per network, with their sources. */
export const exploreArea = {
  'explore.networks': {
    input: z.object({ caseId: CaseId }).strict(),
    output: z.array(z.object({ network: z.string(), name: z.string(), kind: z.string(), addresses: z.number().int(), transactions: z.number().int() })),
    mutates: false
  },
  'explore.addresses': {
    input: z
      .object({
        caseId: CaseId,
        network: Network,
        filter: Filter,
        sort: z.enum(['address', 'firstSeen', 'lastSeen', 'txCount']).default('lastSeen'),
        desc: z.boolean().default(true),
        ...Page
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(AddressRow) }),
    mutates: false
  },
  'explore.transactions': {
    input: z
      .object({
        caseId: CaseId,
        network: Network,
        filter: Filter,
        address: z.string().max(128).optional(),
        sort: z.enum(['time', 'block', 'txid', 'amount']).default('time'),
        desc: z.boolean().default(true),
        ...Page
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(TxRow) }),
    mutates: false
  },
  'explore.address': {
    input: z.object({ caseId: CaseId, network: Network.optional(), address: z.string().min(1).max(128), txLimit: z.number().int().min(0).max(10000).default(500) }).strict(),
    output: AddressDetail,
    mutates: false
  },
  'explore.tx': {
    input: z.object({ caseId: CaseId, network: Network.optional(), txid: z.string().min(1).max(128) }).strict(),
    output: TxDetail,
    mutates: false
  },
  /** Exchange statement lines in the case: all of them, or those naming an address or txid; filter matches text. */
  'explore.exchange': {
    input: z
      .object({
        caseId: CaseId,
        address: z.string().min(1).max(128).optional(),
        txid: z.string().min(1).max(128).optional(),
        filter: Filter,
        desc: z.boolean().default(true),
        ...Page
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(ExchangeLine) }),
    mutates: false
  }
} as const
