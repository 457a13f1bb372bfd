import type { Core } from '../../src/core/core'

/**
 * Everything a Bitcoin case shows through the contract, in a stable order: networks, every transaction's detail
 * (inputs, outputs, transfers, sources, conflicts), every address's detail and the table pages filtered by txid
 * prefix and by address. Used to prove a schema migration changes nothing an analyst can see.
 */
export async function dumpBitcoinCase(core: Core, caseId: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  const nets = (await core.invoke('explore.networks', { caseId })).filter((n) => n.network.startsWith('btc'))
  out.networks = nets
  for (const { network } of nets) {
    const txs = await core.invoke('explore.transactions', { caseId, network, sort: 'txid', desc: false, offset: 0, limit: 1000 })
    out[network + ' transactions'] = txs
    for (const t of txs.rows) {
      out[network + ' tx ' + t.txid] = await core.invoke('explore.tx', { caseId, network, txid: t.txid })
      out[network + ' prefix ' + t.txid.slice(0, 6)] = await core.invoke('explore.transactions', { caseId, network, filter: t.txid.slice(0, 6), sort: 'time', desc: true, offset: 0, limit: 1000 })
    }
    const addrs = await core.invoke('explore.addresses', { caseId, network, sort: 'address', desc: false, offset: 0, limit: 1000 })
    out[network + ' addresses'] = addrs
    for (const a of addrs.rows) out[network + ' address ' + a.address] = await core.invoke('explore.address', { caseId, network, address: a.address, txLimit: 1000 })
  }
  return out
}
