/**
 * The networks Chaintrail knows. Ids are short lower-case codes; every on-chain identifier in the product is a
 * (network, id) pair so that the same hex string on two EVM chains never collides.
 */

export type NetworkKind = 'utxo' | 'account'

export interface NetworkInfo {
  id: string
  name: string
  kind: NetworkKind
  /** Native asset symbol and its decimals. */
  symbol: string
  decimals: number
  /** EIP-155 chain id for EVM networks. */
  chainId?: number
  /** Test networks are kept apart from main networks. */
  testnet?: boolean
  family: 'bitcoin' | 'evm' | 'tron'
}

const list: NetworkInfo[] = [
  { id: 'btc', name: 'Bitcoin', kind: 'utxo', symbol: 'BTC', decimals: 8, family: 'bitcoin' },
  { id: 'btc-testnet', name: 'Bitcoin testnet', kind: 'utxo', symbol: 'tBTC', decimals: 8, testnet: true, family: 'bitcoin' },
  { id: 'btc-regtest', name: 'Bitcoin regtest', kind: 'utxo', symbol: 'rBTC', decimals: 8, testnet: true, family: 'bitcoin' },
  { id: 'eth', name: 'Ethereum', kind: 'account', symbol: 'ETH', decimals: 18, chainId: 1, family: 'evm' },
  { id: 'bsc', name: 'BNB Smart Chain', kind: 'account', symbol: 'BNB', decimals: 18, chainId: 56, family: 'evm' },
  { id: 'polygon', name: 'Polygon PoS', kind: 'account', symbol: 'POL', decimals: 18, chainId: 137, family: 'evm' },
  { id: 'arbitrum', name: 'Arbitrum One', kind: 'account', symbol: 'ETH', decimals: 18, chainId: 42161, family: 'evm' },
  { id: 'optimism', name: 'OP Mainnet', kind: 'account', symbol: 'ETH', decimals: 18, chainId: 10, family: 'evm' },
  { id: 'base', name: 'Base', kind: 'account', symbol: 'ETH', decimals: 18, chainId: 8453, family: 'evm' },
  { id: 'avalanche', name: 'Avalanche C-Chain', kind: 'account', symbol: 'AVAX', decimals: 18, chainId: 43114, family: 'evm' },
  { id: 'gnosis', name: 'Gnosis', kind: 'account', symbol: 'XDAI', decimals: 18, chainId: 100, family: 'evm' },
  { id: 'scroll', name: 'Scroll', kind: 'account', symbol: 'ETH', decimals: 18, chainId: 534352, family: 'evm' },
  { id: 'tron', name: 'Tron', kind: 'account', symbol: 'TRX', decimals: 6, family: 'tron' }
]

/** Every known network keyed by id. */
export const NETWORKS: ReadonlyMap<string, NetworkInfo> = new Map(list.map((n) => [n.id, n]))

/** Look up a network; throws a clear error for an unknown id. */
export function network(id: string): NetworkInfo {
  const n = NETWORKS.get(id)
  if (!n) throw new RangeError(`unknown network "${id}" (known: ${[...NETWORKS.keys()].join(', ')})`)
  return n
}

/** Find an EVM network by its EIP-155 chain id. */
export function networkByChainId(chainId: number): NetworkInfo | undefined {
  return list.find((n) => n.chainId === chainId)
}
