import type { WireCodec } from '../wire'
import type { AccountRec, TransferRec } from './records'

/**
 * Flat wire forms (see importers/wire.ts) of the two account records a large explorer export is made of: every
 * transfer, and the account facts beside it (senders, token contracts). Every field travels with its value,
 * null kept as null; amounts stay decimal text. Add a field here whenever TransferRec or AccountRec gains one.
 */
export const transferWire: WireCodec = {
  encode(data, out) {
    const t = data as TransferRec
    out.push(t.network, t.txid, t.idx, t.block, t.time, t.from, t.to, t.asset, t.amount, t.amountText, t.lossy, t.fee, t.status, t.method, t.kind, t.tokenId)
  },
  decode(b, at) {
    const i = at.i
    at.i = i + 16
    return {
      network: b[i], txid: b[i + 1], idx: b[i + 2], block: b[i + 3], time: b[i + 4], from: b[i + 5], to: b[i + 6], asset: b[i + 7], amount: b[i + 8],
      amountText: b[i + 9], lossy: b[i + 10], fee: b[i + 11], status: b[i + 12], method: b[i + 13], kind: b[i + 14], tokenId: b[i + 15]
    } as TransferRec
  }
}

/** Flat wire form of an AccountRec. */
export const accountWire: WireCodec = {
  encode(data, out) {
    const a = data as AccountRec
    out.push(a.network, a.address, a.isContract, a.how)
  },
  decode(b, at) {
    const i = at.i
    at.i = i + 4
    return { network: b[i], address: b[i + 1], isContract: b[i + 2], how: b[i + 3] } as AccountRec
  }
}
