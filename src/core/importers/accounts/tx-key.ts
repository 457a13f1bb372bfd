/**
 * The integer lookup key of an account transaction: a 53-bit hash of "network|txid" (cyrb53). It only narrows a
 * lookup to a handful of rows; equality is always decided on the full match_key text beside it, so a collision
 * can never merge two transfers. Stored in acct_transfers.tkey by migration 0007: NEVER change this function
 * (cases written with it would stop finding their own rows).
 */
export function txKey(network: string, txid: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  const s = network + '|' + txid
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
