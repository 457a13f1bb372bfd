import type { CsvHeader } from '../common/csv'
import { FEE, VALUE_IN, VALUE_OUT } from './layouts'

/** Column positions of a header, resolved once per file (-1: the layout has no such column). */
export interface Cols {
  hash: number
  block: number
  unix: number
  date: number
  from: number
  to: number
  contract: number
  vin: number
  vout: number
  fee: number
  status: number
  err: number
  method: number
  type: number
  value: number
  tokenName: number
  tokenSymbol: number
  tokenId: number
  quantity: number
  token: number
}

/** Resolve every column an Etherscan layout may have, by its known header names. */
export function cols(h: CsvHeader): Cols {
  const f = (...names: (string | RegExp)[]): number => {
    for (const n of names) {
      const i = h.find(n)
      if (i >= 0) return i
    }
    return -1
  }
  return {
    hash: f('Txhash', 'Transaction Hash', 'Parent Transaction Hash'),
    block: f('Blockno', 'BlockNo'),
    unix: f('UnixTimestamp'),
    date: f('DateTime (UTC)', 'DateTime'),
    from: f('From'),
    to: f('TxTo', 'To'),
    contract: f('ContractAddress'),
    vin: f(VALUE_IN),
    vout: f(VALUE_OUT),
    fee: f(FEE, 'Txn Fee'),
    status: f('Status'),
    err: f('ErrCode'),
    method: f('Method'),
    type: f('Type'),
    value: f('TokenValue', 'Amount', 'Value'),
    tokenName: f('TokenName'),
    tokenSymbol: f('TokenSymbol'),
    tokenId: f('Token ID', 'TokenId'),
    quantity: f('Quantity'),
    token: f('Token')
  }
}
