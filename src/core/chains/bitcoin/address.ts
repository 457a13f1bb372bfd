import { address as btcAddress, networks, type Network } from 'bitcoinjs-lib'
import { bech32, bech32m } from 'bech32'
import type { AddressCodec, NormalizedAddress } from '../address'
import { AddressError } from '../address'
import { initChains } from '../init'

const NETS: Record<string, Network> = { btc: networks.bitcoin, 'btc-testnet': networks.testnet, 'btc-regtest': networks.regtest }

/** Script type of a Bitcoin address from its encoding. */
function typeOf(text: string, net: Network): string {
  const lower = text.toLowerCase()
  if (lower.startsWith(net.bech32 + '1')) {
    const dec = decodeSegwit(lower)
    if (dec.version === 0) return dec.program.length === 20 ? 'p2wpkh' : 'p2wsh'
    if (dec.version === 1 && dec.program.length === 32) return 'p2tr'
    return `witness_v${dec.version}`
  }
  const b = btcAddress.fromBase58Check(text)
  return b.version === net.pubKeyHash ? 'p2pkh' : 'p2sh'
}

function decodeSegwit(lower: string): { version: number; program: number[] } {
  // BIP-350: v0 must use bech32, v1+ bech32m; a checksum of the wrong kind is invalid.
  let words: number[]
  let kind: 'bech32' | 'bech32m'
  try {
    words = bech32.decode(lower, 90).words
    kind = 'bech32'
  } catch {
    words = bech32m.decode(lower, 90).words
    kind = 'bech32m'
  }
  const version = words[0]
  if (version === 0 && kind !== 'bech32') throw new Error('witness v0 with a bech32m checksum')
  if (version > 0 && kind !== 'bech32m') throw new Error(`witness v${version} with a bech32 (not bech32m) checksum`)
  return { version, program: bech32.fromWords(words.slice(1)) }
}

/**
 * Fast path for the commonest address in large files: a lower-case witness v0 address of this network with a
 * valid bech32 checksum and a 20- or 32-byte program. That is exactly what the full path accepts for it (same
 * decoder, same BIP-350 rule, same program sizes), without toOutputScript's failed base58 attempt (an exception
 * per address). Anything else (taproot, base58, errors) returns null and takes the full path, messages included.
 */
function segwitV0Type(text: string, net: Network): string | null {
  if (!text.startsWith(net.bech32 + '1') || text.length > 90) return null
  try {
    const d = bech32.decode(text, 90)
    if (d.prefix !== net.bech32 || d.words[0] !== 0) return null
    const len = bech32.fromWords(d.words.slice(1)).length
    return len === 20 ? 'p2wpkh' : len === 32 ? 'p2wsh' : null
  } catch {
    return null
  }
}

/** Bitcoin addresses: base58 P2PKH/P2SH, bech32 P2WPKH/P2WSH, bech32m P2TR, on main, test and regtest nets. */
export const bitcoinCodec: AddressCodec = {
  family: 'bitcoin',
  normalize(text: string, network: string): NormalizedAddress {
    initChains()
    const net = NETS[network]
    if (!net) throw new AddressError(text, `unknown bitcoin network ${network}`)
    if (/[a-z]/.test(text) && /[A-Z]/.test(text) && /^(bc|tb|bcrt)1/i.test(text)) throw new AddressError(text, 'mixed-case bech32')
    const fast = segwitV0Type(text, net)
    if (fast) return { network, canonical: text, display: text, type: fast, notes: [] }
    try {
      // toOutputScript checks checksum, HRP/version bytes and witness rules for this network.
      btcAddress.toOutputScript(text, net)
      const isBech = text.toLowerCase().startsWith(net.bech32 + '1')
      if (isBech) decodeSegwit(text.toLowerCase())
      const canonical = isBech ? text.toLowerCase() : text
      return { network, canonical, display: canonical, type: typeOf(canonical, net), notes: [] }
    } catch (e) {
      const other = bitcoinCodec.guessNetwork!(text)
      if (other && other !== network) throw new AddressError(text, `this is a ${other} address, not ${network}`)
      throw new AddressError(text, (e as Error).message)
    }
  },
  guessNetwork(text: string): string | undefined {
    initChains()
    for (const [id, net] of Object.entries(NETS)) {
      try {
        btcAddress.toOutputScript(text, net)
        return id
      } catch {
        /* try the next network */
      }
    }
    return undefined
  }
}
