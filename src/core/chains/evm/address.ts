import { keccak_256 } from '@noble/hashes/sha3.js'
import type { AddressCodec } from '../address'
import { AddressError } from '../address'

const HEX40 = /^0x[0-9a-fA-F]{40}$/

/** EIP-55 mixed-case checksum form of a 40-hex address. */
export function toChecksumAddress(addr: string): string {
  const lower = addr.toLowerCase().replace(/^0x/, '')
  const hash = Buffer.from(keccak_256(new TextEncoder().encode(lower))).toString('hex')
  let out = '0x'
  for (let i = 0; i < 40; i++) out += parseInt(hash[i], 16) >= 8 ? lower[i].toUpperCase() : lower[i]
  return out
}

/**
 * EVM addresses: stored lower-case, shown EIP-55. All-lower or all-upper text carries no checksum (noted);
 * mixed case must pass EIP-55 or is an error — never silently fixed.
 */
export const evmCodec: AddressCodec = {
  family: 'evm',
  normalize(text, network) {
    if (!HEX40.test(text)) throw new AddressError(text, 'an EVM address is 0x followed by 40 hex digits')
    const body = text.slice(2)
    const notes: string[] = []
    const mixed = /[a-f]/.test(body) && /[A-F]/.test(body)
    if (mixed) {
      if (toChecksumAddress(text) !== text) throw new AddressError(text, 'bad EIP-55 checksum (mixed case that does not match)')
    } else notes.push('no EIP-55 checksum in the source')
    const canonical = '0x' + body.toLowerCase()
    return { network, canonical, display: toChecksumAddress(canonical), type: 'account', notes }
  }
}
