import { bech32 } from 'bech32'
import bs58check from 'bs58check'
import { ApiError } from '../../shared/api/errors'
import { LABEL_ONLY_NETWORKS, type AddressCheck } from '../../shared/domain/label-networks'
import { NETWORKS } from '../../shared/domain/networks'
import { assertPlainAscii, normalizeAddress } from '../chains/address'
import { evmCodec } from '../chains/evm/address'

/** An address as a label stores it. */
export interface LabelAddress {
  network: string
  /** Canonical text for matching (the chain codec's canonical form; as given for label-only networks). */
  canonical: string
  display: string
  check: AddressCheck
}

const LABEL_ONLY = new Set(LABEL_ONLY_NETWORKS.map((n) => n.id))

/** True for a network a label may name: a supported one or a label-only one. */
export function isLabelNetwork(id: string): boolean {
  return NETWORKS.has(id) || LABEL_ONLY.has(id)
}

/** Asset/network symbols of OFAC and GraphSense → network id. USDT/USDC/WETH… are decided by address form. */
const SYMBOL_NETWORK: Record<string, string> = {
  XBT: 'btc', BTC: 'btc', ETH: 'eth', WETH: 'eth', TRX: 'tron', ARB: 'arbitrum', BSC: 'bsc', BNB: 'bsc', BEP20: 'bsc',
  MATIC: 'polygon', OP: 'optimism', LTC: 'ltc', BCH: 'bch', BSV: 'bsv', BTG: 'btg', DASH: 'dash', ZEC: 'zec',
  XMR: 'xmr', XRP: 'xrp', XVG: 'xvg', ETC: 'etc', EOS: 'eos', EOSIO: 'eos', ALGO: 'algo', KCS: 'kcc', KCC: 'kcc'
}
/** Tokens issued on several chains: the address form says which. */
const MULTI_CHAIN_TOKENS = new Set(['USDT', 'USDC'])

/**
 * The network an (asset symbol, address) pair lives on: XBT→btc, ETH→eth, USDT/USDC by address form (0x… → eth,
 * T… → tron, Bitcoin form → btc for USDT on Omni), TRX→tron… Lower-case network ids are accepted as they are. Throws for an unknown symbol.
 */
export function networkForSymbol(symbol: string, address: string): string {
  const s = symbol.trim()
  if (isLabelNetwork(s)) return s
  const up = s.toUpperCase()
  if (MULTI_CHAIN_TOKENS.has(up)) {
    if (/^0x[0-9a-fA-F]{40}$/.test(address)) return 'eth'
    if (/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(address)) return 'tron'
    // USDT on the Omni Layer lives on Bitcoin addresses (OFAC lists some under USDT).
    if (up === 'USDT' && /^(1|3|bc1)/.test(address)) return 'btc'
    throw new ApiError('BAD_INPUT', `${up} address ${JSON.stringify(address)} is neither an EVM 0x…, a Tron T… nor (USDT Omni) a Bitcoin address, so its chain is unknown`)
  }
  const n = SYMBOL_NETWORK[up]
  if (!n) throw new ApiError('BAD_INPUT', `unknown currency/network "${symbol}"`)
  return n
}

const B58 = '[1-9A-HJ-NP-Za-km-z]'
const RIPPLE = '[rpshnaf39wBUDNEGHJKLM4PQRSTV7WXYZ2bcdeCg65jkm8oFqi1tuvAxyz]'

function b58Version(text: string, versions: number[]): boolean {
  try {
    const b = bs58check.decode(text)
    return b.length === 21 && versions.includes(b[0])
  } catch {
    return false
  }
}

function bech32Hrp(text: string, hrp: string): boolean {
  if (text !== text.toLowerCase()) return false
  try {
    return bech32.decode(text, 90).prefix === hrp
  } catch {
    return false
  }
}

/** Light checks for label-only networks: a checksum where the encoding has one we can verify, else a pattern. */
const LIGHT: Record<string, (t: string) => AddressCheck | null> = {
  ltc: (t) => (b58Version(t, [0x30, 0x32, 0x05]) || bech32Hrp(t, 'ltc') ? 'checksum' : null),
  bsv: (t) => (b58Version(t, [0x00, 0x05]) ? 'checksum' : null),
  btg: (t) => (b58Version(t, [0x26, 0x17]) ? 'checksum' : null),
  dash: (t) => (b58Version(t, [0x4c, 0x10]) ? 'checksum' : null),
  xvg: (t) => (b58Version(t, [0x1e, 0x21]) ? 'checksum' : null),
  bch: (t) => (b58Version(t, [0x00, 0x05]) ? 'checksum' : /^(bitcoincash:)?[qp][02-9ac-hj-np-z]{41}$/.test(t) ? 'format' : null),
  zec: (t) => {
    if (/^t[13]/.test(t)) {
      try {
        return bs58check.decode(t).length === 22 ? 'checksum' : null
      } catch {
        return null
      }
    }
    return /^zs1[02-9ac-hj-np-z]{75}$/.test(t) || new RegExp(`^zc${B58}{93}$`).test(t) ? 'format' : null
  },
  xmr: (t) => (new RegExp(`^[48]${B58}{94}$`).test(t) || new RegExp(`^4${B58}{105}$`).test(t) ? 'format' : null),
  xrp: (t) => (new RegExp(`^r${RIPPLE}{24,34}$`).test(t) ? 'format' : null),
  eos: (t) => (/^[a-z1-5.]{1,12}$/.test(t) ? 'format' : null),
  algo: (t) => (/^[A-Z2-7]{58}$/.test(t) ? 'format' : null)
}

/**
 * Validate a label's address for its network. Supported networks use the chain codec (strict: EIP-55, Base58Check,
 * bech32/bech32m) and a failed check is an error; label-only networks get a checksum or pattern check whose result is
 * recorded (never an error) and keep the text exactly as given. Nothing is ever "fixed": whitespace or non-ASCII is
 * an error everywhere.
 */
export function resolveLabelAddress(text: string, network: string): LabelAddress {
  assertPlainAscii(text)
  if (NETWORKS.has(network)) {
    const n = normalizeAddress(text, network)
    return { network, canonical: n.canonical, display: n.display, check: 'valid' }
  }
  if (network === 'etc' || network === 'kcc') {
    // EVM chains without a data family: EIP-55 rules apply in full.
    const n = evmCodec.normalize(text, network)
    return { network, canonical: n.canonical, display: n.display, check: 'valid' }
  }
  const light = LIGHT[network]
  if (!light) throw new ApiError('BAD_INPUT', `unknown network "${network}"`)
  // A list may state an identifier our light check does not recognise (OFAC lists a 64-hex XMR identifier): it is
  // kept exactly as stated, marked "does not look like an address", never dropped or altered.
  return { network, canonical: text, display: text, check: light(text) ?? 'none' }
}
