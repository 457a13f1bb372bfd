import type { ImportRecord, SourceLocation } from '../types'

/** Record kinds the account family stores. */
export const KIND = {
  transfer: 'acct.transfer',
  asset: 'acct.asset',
  account: 'acct.account',
  exchange: 'acct.exchange',
  event: 'acct.event'
} as const

/** Where an asset's decimals came from; 'assumed' is provisional and replaced when any source tells. */
export type DecimalsSource = 'file' | 'network' | 'builtin' | 'option' | 'assumed'

/** A token or native asset as a source describes it. */
export interface AssetRec {
  network: string
  /** 'native', canonical contract address, or 'trc10:<id>'. */
  contract: string
  symbol: string | null
  name: string | null
  decimals: number | null
  decimalsSource: DecimalsSource | null
}

/** One value movement, already normalised (canonical addresses, base units or exact decimal text). */
export interface TransferRec {
  network: string
  txid: string
  /** The source's own index: 'tx', log index, trace id or 'pos:N' (position in its transaction in the file). */
  idx: string
  block: number | null
  time: number | null
  from: string
  to: string
  asset: string
  /** Base units, or null when only `amountText` (whole tokens, decimals unknown to the file) is given. */
  amount: string | null
  /** Exact whole-token decimal text as the file wrote it, normalised ("3067.671"); kept beside the base units. */
  amountText: string | null
  /** The source wrote an exponent float: precision was lost where the file was made. */
  lossy: boolean
  fee: string | null
  status: 'ok' | 'failed'
  method: string | null
  kind: 'native' | 'internal' | 'token' | 'nft'
  tokenId: string | null
}

/** What the data says about one account. */
export interface AccountRec {
  network: string
  address: string
  isContract: boolean
  how: string
}

/** One line of an exchange statement. */
export interface ExchangeRec {
  exchange: string
  account: string
  /** The statement's own row id when it has one (Kraken ledger id, Coinbase ID); else null. */
  ref: string | null
  time: number | null
  type: string
  asset: string
  amount: string
  fee: string | null
  feeAsset: string | null
  network: string | null
  txid: string | null
  address: string | null
  note: string | null
}

/** A non-value event (Tron freeze/unfreeze/vote). */
export interface EventRec {
  network: string
  txid: string
  idx: string
  type: string
  address: string
  amount: string | null
  asset: string | null
  detail: Record<string, unknown>
  status: 'ok' | 'failed'
  block: number | null
  time: number | null
}

/** Build a record for the pipeline. */
export function rec(kind: (typeof KIND)[keyof typeof KIND], loc: SourceLocation, data: AssetRec | TransferRec | AccountRec | ExchangeRec | EventRec): ImportRecord {
  return { kind, loc, data }
}

/** A warning about the file as a whole (capped export, assumed network); the sink hands it to ctx.warn. */
export const NOTE_KIND = 'acct.note'

/** Build a warning record. */
export function note(message: string, loc: SourceLocation = {}): ImportRecord {
  return { kind: NOTE_KIND, loc, data: message }
}
