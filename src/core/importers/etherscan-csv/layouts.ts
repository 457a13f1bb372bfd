import type { CsvHeader } from '../common/csv'

/** What a file lists: the address page's tabs, the token page, or the 2025 redesign of each. */
export type EtherscanKind = 'normal' | 'internal' | 'erc20' | 'nft' | 'token-page'

/** A header variant (FORMATS §1). `match` decides from the header alone; the first match wins. */
export interface Layout {
  id: string
  kind: EtherscanKind
  /** Human description used in the "known variants" list. */
  describe: string
  /** Rows carry one more (empty) field than the header on some exports (FORMATS rule 3). */
  surplusOk: boolean
  match(h: CsvHeader): boolean
}

const has = (h: CsvHeader, ...names: (string | RegExp)[]): boolean => names.every((n) => h.find(n) >= 0)
const hash = (h: CsvHeader): boolean => has(h, 'Txhash') || has(h, 'Transaction Hash')
const date = (h: CsvHeader): boolean => has(h, 'DateTime') || has(h, 'DateTime (UTC)')
export const VALUE_IN = /^Value_IN\((\w+)\)$/
export const VALUE_OUT = /^Value_OUT\((\w+)\)$/
export const FEE = /^TxnFee\((\w+)\)$/

/** Every Etherscan-family CSV layout Chaintrail reads, most specific first. */
export const LAYOUTS: Layout[] = [
  {
    id: 'redesign-2025-normal',
    kind: 'normal',
    describe: 'redesigned 2025 transactions: Transaction Hash,Status,Method,Blockno,DateTime (UTC),From,From_Nametag,To,To_Nametag,Amount,Value (USD),Txn Fee',
    surplusOk: true,
    match: (h) => has(h, 'Transaction Hash', 'Status', 'From', 'To', 'Amount', 'Txn Fee') && date(h)
  },
  {
    id: 'redesign-2025-token',
    kind: 'erc20',
    describe: 'redesigned 2025 token transfers: Transaction Hash,Status,Method,BlockNo,DateTime (UTC),From,From_Nametag,To,To_Nametag,Amount,Value (USD),Token',
    surplusOk: true,
    match: (h) => has(h, 'Transaction Hash', 'From', 'To', 'Amount', 'Token') && date(h)
  },
  {
    id: 'redesign-2025-internal',
    kind: 'internal',
    describe: 'redesigned 2025 internal transactions: Parent Transaction Hash,Status,Blockno,DateTime (UTC),From,From_Nametag,To,To_Nametag,Amount|Value,Value (USD)[,Type]',
    surplusOk: true,
    match: (h) => has(h, 'Parent Transaction Hash', 'From', 'To') && (has(h, 'Amount') || has(h, 'Value')) && date(h)
  },
  {
    id: 'internal-parent',
    kind: 'internal',
    describe: 'internal transactions (2024): Txhash|Transaction Hash,Blockno,UnixTimestamp,DateTime (UTC),ParentTxFrom,ParentTxTo,ParentTx<SYM>_Value,From,TxTo,ContractAddress,Value_IN(SYM),Value_OUT(SYM),…,Status,ErrCode,Type',
    surplusOk: true,
    match: (h) => hash(h) && has(h, 'ParentTxFrom', 'From', 'TxTo', VALUE_IN, VALUE_OUT) && date(h)
  },
  {
    id: 'normal',
    kind: 'normal',
    describe: 'transactions (variants A/B/C, 2019–2025, optional Method and PrivateNote): Txhash|Transaction Hash,Blockno,UnixTimestamp,DateTime[ (UTC)],From,To,ContractAddress,Value_IN(SYM),Value_OUT(SYM),CurrentValue…,TxnFee(SYM),TxnFee(USD),Historical $Price/SYM,Status,ErrCode[,Method][,PrivateNote]',
    surplusOk: true,
    match: (h) => hash(h) && has(h, 'From', 'To', VALUE_IN, VALUE_OUT, FEE) && date(h)
  },
  {
    id: 'internal-2017',
    kind: 'internal',
    describe: 'internal transactions (2017–2019): Txhash,Blockno,UnixTimestamp,DateTime,From,To,ContractAddress,Value_IN(SYM),Value_OUT(SYM),CurrentValue…,Historical $Price/SYM,Status,ErrCode,Type',
    surplusOk: true,
    match: (h) => hash(h) && has(h, 'From', 'To', VALUE_IN, VALUE_OUT, 'Type') && !has(h, FEE) && date(h)
  },
  {
    id: 'nft-2025',
    kind: 'nft',
    describe: 'ERC-721/1155 transfers (2025): Transaction Hash,Blockno,UnixTimestamp,DateTime (UTC),From,To,ContractAddress,TokenName,TokenSymbol,Token ID,Type,Quantity',
    surplusOk: true,
    match: (h) => hash(h) && has(h, 'From', 'To', 'ContractAddress', 'Token ID') && date(h)
  },
  {
    id: 'nft-older',
    kind: 'nft',
    describe: 'ERC-721 transfers (older): Txhash,[Blockno,]UnixTimestamp,DateTime,From,To,ContractAddress,TokenId,TokenName,TokenSymbol',
    surplusOk: true,
    match: (h) => hash(h) && has(h, 'From', 'To', 'ContractAddress', 'TokenId') && date(h)
  },
  {
    id: 'erc20',
    kind: 'erc20',
    describe: 'ERC-20 transfers (2018–2024): Txhash|Transaction Hash,Blockno,UnixTimestamp,DateTime[ (UTC)],From,To,TokenValue,USDValueDayOfTx,ContractAddress,TokenName,TokenSymbol',
    surplusOk: true,
    match: (h) => hash(h) && has(h, 'From', 'To', 'TokenValue', 'ContractAddress') && date(h)
  },
  {
    id: 'erc20-older',
    kind: 'erc20',
    describe: 'ERC-20 transfers (older): Txhash,UnixTimestamp,DateTime,From,To,Value,ContractAddress,TokenName,TokenSymbol',
    surplusOk: true,
    match: (h) => hash(h) && has(h, 'From', 'To', 'Value', 'ContractAddress', 'TokenSymbol') && date(h)
  },
  {
    id: 'token-page',
    kind: 'token-page',
    describe: 'token-page export (one token contract; needs --option token=<contract>): Txhash|Transaction Hash,Blockno,UnixTimestamp,DateTime[ (UTC)],From,To,Quantity,Method',
    surplusOk: true,
    match: (h) => hash(h) && has(h, 'From', 'To', 'Quantity') && !has(h, 'ContractAddress') && date(h)
  }
]

/** The layout of a header, or undefined. */
export function layoutOf(h: CsvHeader): Layout | undefined {
  return LAYOUTS.find((l) => l.match(h))
}

/** The native symbol the header names (Value_IN(BNB), TxnFee(ETH), ParentTxMATIC_Value, Historical $Price/Eth). */
export function headerSymbol(h: CsvHeader): string | undefined {
  for (const n of h.names) {
    const m = VALUE_IN.exec(n) ?? FEE.exec(n) ?? /^ParentTx(\w+)_Value$/.exec(n) ?? /^Historical \$Price\/(\w+)$/.exec(n) ?? /^CurrentValue @ \$[0-9.,]+\/(\w+)$/.exec(n)
    if (m && m[1].toUpperCase() !== 'USD') return m[1].toUpperCase()
  }
  return undefined
}
