import { str, type WireCodec } from '../wire'
import type { AccountRec, TransferRec } from './records'

/**
 * Flat wire forms (see importers/wire.ts) of the two account records a large explorer export is made of: every
 * transfer, and the account facts beside it (senders, token contracts). Every field travels with its value,
 * null kept as null; amounts stay decimal text. The fields that repeat from row to row (network, idx, addresses,
 * asset, status, method, kind) go through the batch's string table. Add a field here whenever TransferRec or
 * AccountRec gains one.
 */
export const transferWire: WireCodec = {
  encode(data, out, s) {
    const t = data as TransferRec
    out.push(s.id(t.network), t.txid, s.id(t.idx), t.block, t.time, s.id(t.from), s.id(t.to), s.id(t.asset), t.amount, t.amountText, t.lossy, t.fee, s.id(t.status), s.id(t.method), s.id(t.kind), t.tokenId)
  },
  decode(b, at, s) {
    const i = at.i
    at.i = i + 16
    return {
      network: str(s, b[i]), txid: b[i + 1], idx: str(s, b[i + 2]), block: b[i + 3], time: b[i + 4], from: str(s, b[i + 5]), to: str(s, b[i + 6]),
      asset: str(s, b[i + 7]), amount: b[i + 8], amountText: b[i + 9], lossy: b[i + 10], fee: b[i + 11], status: str(s, b[i + 12]), method: str(s, b[i + 13]),
      kind: str(s, b[i + 14]), tokenId: b[i + 15]
    } as TransferRec
  }
}

/** Flat wire form of an AccountRec. */
export const accountWire: WireCodec = {
  encode(data, out, s) {
    const a = data as AccountRec
    out.push(s.id(a.network), s.id(a.address), a.isContract, s.id(a.how))
  },
  decode(b, at, s) {
    const i = at.i
    at.i = i + 4
    return { network: str(s, b[i]), address: str(s, b[i + 1]), isContract: b[i + 2], how: str(s, b[i + 3]) } as AccountRec
  }
}
