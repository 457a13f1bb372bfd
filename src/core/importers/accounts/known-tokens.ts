/**
 * Decimals of a few very common tokens, used only when a file gives whole-token values without decimals
 * (Etherscan CSV). Keyed by (network, contract) — never by symbol, which spam tokens imitate (FORMATS §1.2).
 * Values are the contracts' `decimals()` as published on the chain.
 */
const KNOWN: Record<string, number> = {
  'eth:0xdac17f958d2ee523a2206206994597c13d831ec7': 6, // USDT
  'eth:0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48': 6, // USDC
  'eth:0x6b175474e89094c44da98b954eedeac495271d0f': 18, // DAI
  'eth:0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2': 18, // WETH
  'eth:0x2260fac5e5542a773aa44fbcfedf7c193bc2c599': 8, // WBTC
  'eth:0x0f5d2fb29fb7d3cfee444a200298f468908cc942': 18, // MANA
  'bsc:0x55d398326f99059ff775485246999027b3197955': 18, // BSC-USD
  'polygon:0xc2132d05d31c914a87c6611c10748aeb04b58e8f': 6, // USDT (PoS)
  'tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t': 6, // USDT TRC-20
  'tron:trc10:1002000': 6 // BitTorrent (BTT) TRC-10
}

/** Decimals of a well-known token, or undefined. */
export function knownDecimals(network: string, contract: string): number | undefined {
  return KNOWN[`${network}:${contract}`]
}
