/**
 * A 30-bit FNV-1a hash of `network:address`, stored with every address label so screening can hold a million
 * labelled addresses as small integers (V8 Smis) instead of strings. Equal hashes are only candidates: screening
 * confirms each one with an exact lookup, so a collision can never create a hit.
 */
export function addrHash(network: string, address: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < network.length; i++) h = Math.imul(h ^ network.charCodeAt(i), 0x01000193)
  h = Math.imul(h ^ 58, 0x01000193)
  for (let i = 0; i < address.length; i++) h = Math.imul(h ^ address.charCodeAt(i), 0x01000193)
  return (h ^ (h >>> 30)) & 0x3fffffff
}
