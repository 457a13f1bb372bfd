import type { WireCodec } from '../wire-records'
import type { AccountRec, TransferRec } from './records'

/**
 * Wire forms (see importers/wire.ts) of the two account records a large explorer export is made of: every
 * transfer, and the account facts beside it (senders, token contracts). Every field travels with its value,
 * null kept as null; amounts stay decimal text. The fields that repeat from row to row (network, idx, addresses,
 * asset, status, method, kind) go through the batch's string table. Add a field here whenever TransferRec or
 * AccountRec gains one.
 */
export const transferWire: WireCodec = {
  encode(data, w) {
    const t = data as TransferRec
    w.sym(t.network)
    w.val(t.txid)
    w.sym(t.idx)
    w.val(t.block)
    w.val(t.time)
    w.sym(t.from)
    w.sym(t.to)
    w.sym(t.asset)
    w.val(t.amount)
    w.val(t.amountText)
    w.val(t.lossy)
    w.val(t.fee)
    w.sym(t.status)
    w.sym(t.method)
    w.sym(t.kind)
    w.val(t.tokenId)
  },
  decode(r) {
    return {
      network: r.val(), txid: r.val(), idx: r.val(), block: r.val(), time: r.val(), from: r.val(), to: r.val(), asset: r.val(), amount: r.val(),
      amountText: r.val(), lossy: r.val(), fee: r.val(), status: r.val(), method: r.val(), kind: r.val(), tokenId: r.val()
    } as TransferRec
  }
}

/** Wire form of an AccountRec. */
export const accountWire: WireCodec = {
  encode(data, w) {
    const a = data as AccountRec
    w.sym(a.network)
    w.sym(a.address)
    w.val(a.isContract)
    w.sym(a.how)
  },
  decode(r) {
    return { network: r.val(), address: r.val(), isContract: r.val(), how: r.val() } as AccountRec
  }
}
