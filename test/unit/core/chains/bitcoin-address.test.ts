import { address as btcAddress, networks } from 'bitcoinjs-lib'
import { describe, expect, it } from 'vitest'
import { normalizeAddress } from '../../../../src/core/chains/address'
import { initChains } from '../../../../src/core/chains/init'

/**
 * Witness v0 addresses take a fast path in bitcoinCodec.normalize (no failed base58 attempt per address); it must
 * accept and reject exactly what the full path does. Vectors from BIP-173 and BIP-350.
 */
describe('bitcoin address normalization (segwit v0 fast path)', () => {
  it('accepts the BIP-173 valid v0 addresses with their type, lower-cased, as bitcoinjs does', () => {
    initChains()
    const valid: [string, string, string][] = [
      ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'btc', 'p2wpkh'],
      ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'btc', 'p2wpkh'],
      ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', 'btc-testnet', 'p2wsh'],
      ['tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy', 'btc-testnet', 'p2wsh'],
      ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0', 'btc', 'p2tr']
    ]
    for (const [text, net, type] of valid) {
      const n = normalizeAddress(text, net)
      expect([text, n.canonical, n.type]).toEqual([text, text.toLowerCase(), type])
      expect(() => btcAddress.toOutputScript(n.canonical, net === 'btc' ? networks.bitcoin : networks.testnet)).not.toThrow()
    }
  })

  it('rejects the invalid ones (bad checksum, bech32m on v0, wrong program length, padding, mixed case, other network)', () => {
    const invalid: [string, string][] = [
      ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', 'btc'],
      ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'btc'],
      ['BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', 'btc'],
      ['bc1qr508d6qejxtdg4y5r3zarvaryv98gj9p', 'btc'],
      ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv', 'btc-testnet'],
      ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7', 'btc-testnet'],
      ['tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7', 'btc'],
      ['bc1gmk9yu', 'btc']
    ]
    for (const [text, net] of invalid) expect(() => normalizeAddress(text, net), text).toThrow(/invalid address/)
  })
})
