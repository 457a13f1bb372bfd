import * as ecc from '@bitcoinerlab/secp256k1'
import { initEccLib } from 'bitcoinjs-lib'

let done = false

/**
 * One-time chain library setup. bitcoinjs-lib needs an ECC library for taproot (bc1p) addresses; without it a
 * P2TR output silently has "no matching Address" (TOOLCHAIN pitfall 9).
 */
export function initChains(): void {
  if (done) return
  initEccLib(ecc)
  done = true
}
