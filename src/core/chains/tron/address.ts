import bs58check from 'bs58check'
import type { AddressCodec } from '../address'
import { AddressError } from '../address'

/** Tron hex form (41 + 20 bytes) of a base58check T… address. */
export function tronToHex(base58: string): string {
  const bytes = bs58check.decode(base58)
  if (bytes.length !== 21 || bytes[0] !== 0x41) throw new AddressError(base58, 'not a Tron address (payload must be 0x41 + 20 bytes)')
  return Buffer.from(bytes).toString('hex')
}

/** base58check T… form of a Tron hex address (41… or 0x…20 bytes as found in EVM-style logs). */
export function tronFromHex(hex: string): string {
  let h = hex.toLowerCase().replace(/^0x/, '')
  if (h.length === 40) h = '41' + h
  if (!/^41[0-9a-f]{40}$/.test(h)) throw new AddressError(hex, 'not a Tron hex address (41 + 40 hex digits)')
  return bs58check.encode(Buffer.from(h, 'hex'))
}

/** Tron addresses: base58check T… (canonical and shown), hex 41… accepted and mapped. */
export const tronCodec: AddressCodec = {
  family: 'tron',
  normalize(text, network) {
    let canonical: string
    const notes: string[] = []
    if (/^(0x)?41[0-9a-fA-F]{40}$/.test(text)) {
      canonical = tronFromHex(text)
      notes.push(`given in hex form ${text}`)
    } else {
      try {
        tronToHex(text)
      } catch (e) {
        throw e instanceof AddressError ? e : new AddressError(text, `bad base58check: ${(e as Error).message}`)
      }
      canonical = text
    }
    return { network, canonical, display: canonical, type: 'account', notes }
  }
}
