import { ApiError } from '../../shared/api/errors'
import { network as networkInfo } from '../../shared/domain/networks'
import { bitcoinCodec } from './bitcoin/address'
import { evmCodec } from './evm/address'
import { tronCodec } from './tron/address'

/** A validated address: canonical form for storage and comparison, plus how to show it. */
export interface NormalizedAddress {
  network: string
  /** Canonical text stored in the case: lower-case hex for EVM, base58/bech32 (lower-case) otherwise. */
  canonical: string
  /** Form shown to people: EIP-55 for EVM, T… for Tron, as-is for Bitcoin. */
  display: string
  /** Script or account type when the text tells (p2pkh, p2sh, p2wpkh, p2wsh, p2tr, eoa-or-contract…). */
  type: string
  /** Notes for the analyst (e.g. "no EIP-55 checksum in the source"). */
  notes: string[]
}

/** Address rules of one chain family. */
export interface AddressCodec {
  family: 'bitcoin' | 'evm' | 'tron'
  /** Validate and normalize; throw AddressError with a clear reason when invalid. */
  normalize(text: string, network: string): NormalizedAddress
  /** Which of the family's networks the text belongs to, when it can tell (btc vs btc-testnet). */
  guessNetwork?(text: string): string | undefined
}

/** An address that fails its chain's rules. */
export class AddressError extends ApiError {
  constructor(text: string, reason: string) {
    super('BAD_INPUT', `invalid address ${JSON.stringify(text)}: ${reason}`)
  }
}

const CODECS: Record<string, AddressCodec> = { bitcoin: bitcoinCodec, evm: evmCodec, tron: tronCodec }

/**
 * Any non-ASCII character (Cyrillic а, fullwidth digits, zero-width space) or whitespace inside an address is
 * rejected, never normalized away (RELIABILITY §4 addresses).
 */
export function assertPlainAscii(text: string): void {
  const bad = /[^\x21-\x7e]/.exec(text)
  if (bad) {
    const cp = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
    throw new AddressError(text, `contains U+${cp} at position ${bad.index + 1}; addresses are plain ASCII`)
  }
}

/** Validate and normalize an address for a network id (see shared/domain/networks). */
export function normalizeAddress(text: string, network: string): NormalizedAddress {
  assertPlainAscii(text)
  return CODECS[networkInfo(network).family].normalize(text, network)
}

/** True when the text is a valid address on the network. */
export function isValidAddress(text: string, network: string): boolean {
  try {
    normalizeAddress(text, network)
    return true
  } catch {
    return false
  }
}

/** Guess the network of an address from its text alone: bitcoin (main/test), EVM (as "eth") or Tron. */
export function guessNetwork(text: string): string | undefined {
  if (/^0x[0-9a-fA-F]{40}$/.test(text)) return 'eth'
  if (/^T[1-9A-HJ-NP-Za-km-z]{33}$/.test(text) && isValidAddress(text, 'tron')) return 'tron'
  return bitcoinCodec.guessNetwork!(text)
}
