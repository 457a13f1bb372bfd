import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { shared, sharedFixturesMissing } from '../../../../helpers/fixtures'
import { btcCase, importError, importFiles } from './helpers'

// Every real Bitcoin-family sample in ../shared/fixtures imports; the numbers below were read by hand from the
// files (each comment says where). Sums are in satoshis.
const X = 'explorer-formats/'

describe.skipIf(!!sharedFixturesMissing)('real Bitcoin samples', () => {
  it('Esplora address txs (2 txs): prevout values, fee and block from the file', async () => {
    const { core, caseId } = btcCase()
    const [r] = await importFiles(core, caseId, [shared(X + 'esplora/address_txs_mempool_space_2tx.json')])
    expect(r.format).toBe('esplora-json')
    // 2 tx objects; vin 3 + 2, vout 2 + 2.
    expect(r.counts).toMatchObject({ 'transactions.new': 2, 'inputs.new': 5, 'outputs.new': 4 })
    const tx = await core.invoke('explore.tx', { caseId, txid: '5e0668bf1cd24f2f8656ee82d4886f5303a06b26838e24b7db73afc59e228985' })
    // prevout values 263216 + 33247 + 172952 = 469415; vout 2920 + 442557 = 445477; fee 469415 − 445477 = 23938.
    expect(tx.inputs!.map((i) => i.value)).toEqual(['263216', '33247', '172952'])
    expect(tx.outputs!.map((o) => [o.address, o.value])).toEqual([
      ['bc1qt8rscz0j9vdmqp6rnt6rk6qf663tcvd44f6gxa', '2920'],
      ['bc1q93qyum5uf5pjyeaznfs8f3wmjveudn9wpjw5xr8dve33vgea3shs9jhvww', '442557']
    ])
    expect(tx).toMatchObject({ fee: '23938', amount: '445477', block: 674358, time: 1615595727, status: 'ok', network: 'btc' })
    // vin 0 of 5e0668bf spends 07c9d3fb:0, the other tx in the same file: the output shows who spent it.
    const funding = await core.invoke('explore.tx', { caseId, txid: '07c9d3fbffc20f96ea7c93ef3bcdf346c8a8456c25850ea76be62b24a7cf690c' })
    expect(funding.outputs![0].spentBy).toBe('5e0668bf1cd24f2f8656ee82d4886f5303a06b26838e24b7db73afc59e228985:0')
    expect(tx.sources[0].locator).toBe('line 1:2 /0')
    expect(tx.inputs![1].source!.locator).toBe('line 1:2 /0/vin/1')
  })

  it.each([
    // file, txid prefix, vin, vout, output sum, fee, block (read from each file's JSON)
    ['esplora/mempool-space_tx_db0d1fe6_mainnet-block696394.json', 'db0d1fe6', 1, 5, '48598256', '1224', 696394],
    ['esplora/mempool-space_tx_07f8b22f_coinbase_mainnet-block696394.json', '07f8b22f', 1, 4, '634172161', '0', 696394],
    ['esplora/blockstream_tx_efb6659d_mainnet-block763239.json', 'efb6659d', 1, 2, '49188', '3266', 763239],
    ['esplora/mempool-space_address-txs_35kRn3rF_mainnet.json', '9f13dd16', 2, 1, '31461100', '464207', 764153],
    ['esplora/tx_unconfirmed_mempool_extended_fields.json', '21518a98', 1, 1, '253008854', '8794', null],
    ['esplora/tx_unconfirmed_p2pkh_mempool_fixture.json', 'b6a53d8a', 1, 1, '49040', '960', null]
  ] as const)('Esplora %s', async (file, prefix, nIn, nOut, sum, fee, block) => {
    const { core, caseId } = btcCase()
    const [r] = await importFiles(core, caseId, [shared(X + file)])
    expect(r.counts).toMatchObject({ 'transactions.new': 1, 'inputs.new': nIn, 'outputs.new': nOut })
    const { rows } = await core.invoke('explore.transactions', { caseId, network: 'btc', filter: prefix })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ amount: sum, fee, block, status: block === null ? 'pending' : 'ok' })
  })

  it('Esplora coinbase: prevout null is a coinbase input, three zero-value OP_RETURNs have no address', async () => {
    const { core, caseId } = btcCase()
    await importFiles(core, caseId, [shared(X + 'esplora/mempool-space_tx_07f8b22f_coinbase_mainnet-block696394.json')])
    const tx = await core.invoke('explore.tx', { caseId, txid: '07f8b22fa9a3b32e20b59bb90727de05fb634749519ebcb6a887aeaf2c7eb041' })
    expect(tx.kind).toBe('coinbase')
    expect(tx.inputs).toEqual([expect.objectContaining({ coinbase: true, prevTxid: null, value: null })])
    // vout: 634172161 p2pkh to 18cBEMRx…, then 3 × 0 op_return.
    expect(tx.outputs!.map((o) => [o.address, o.scriptType, o.value])).toEqual([
      ['18cBEMRxXHqzWWCxZNtU91F5sbUNKhL5PX', 'p2pkh', '634172161'],
      [null, 'op_return', '0'],
      [null, 'op_return', '0'],
      [null, 'op_return', '0']
    ])
  })

  it('Esplora outspends are recognised and refused with the reason', async () => {
    const { core, caseId } = btcCase()
    const e = await importError(core, caseId, [shared(X + 'esplora/tx_outspends_mempool_space.json')])
    expect(e.message).toMatch(/outspends response: it names neither its transaction nor the output values/)
    expect(e.line).toBe(1)
  })

  it.each([
    // file, txs, inputs, outputs, partial txs (vout_sz > len(out)), per python-free reading of each file
    ['multiaddr_5-addresses_12CL4K2e.json', 20, 38, 20, 10],
    ['multiaddr_bc1qdlt2_single.json', 2, 3, 3, 1],
    ['multiaddr_two_addresses.json', 3, 4, 5, 1],
    ['rawtx_1db6251a_p2pk.json', 1, 1, 2, 0],
    ['rawtx_42c4fabe_op-return.json', 1, 1, 2, 0],
    ['rawtx_450c309b_1in-2out_2012.json', 1, 1, 2, 0],
    ['rawtx_4a367acd_2in_1out.json', 1, 4, 2, 0],
    ['rawtx_cccd3a9c_3in_2out.json', 1, 4, 2, 0],
    ['rawtx_e47f4369_p2wpkh_1in_1out.json', 1, 1, 1, 0],
    ['rawtx_eb4d2def_op_return.json', 1, 1, 1, 0]
  ] as const)('blockchain.com %s', async (file, txs, ins, outs, partial) => {
    const { core, caseId } = btcCase()
    const [r] = await importFiles(core, caseId, [shared(X + 'blockchain-info/' + file)])
    expect(r.format).toBe('blockchain-com-json')
    expect(r.counts['transactions.new']).toBe(txs)
    expect(r.counts['inputs.new']).toBe(ins)
    expect(r.counts['outputs.new']).toBe(outs)
    expect(r.counts['transactions.partial'] ?? 0).toBe(partial)
  })

  it('blockchain.com rawtx 450c309b (2012): values, seen time, unresolved outpoint', async () => {
    const { core, caseId } = btcCase()
    await importFiles(core, caseId, [shared(X + 'blockchain-info/rawtx_450c309b_1in-2out_2012.json')])
    const { rows } = await core.invoke('explore.transactions', { caseId, network: 'btc', filter: '450c309b' })
    const tx = await core.invoke('explore.tx', { caseId, txid: rows[0].txid })
    // prev_out.value 67196218; outs sum 66196218; fee 1000000 (= the difference, SOURCES.md note).
    expect(tx.inputs![0]).toMatchObject({ prevTxid: null, value: '67196218' })
    expect(tx).toMatchObject({ amount: '66196218', fee: '1000000', block: 183729 })
    expect(tx.outputs!.map((o) => o.scriptType)).toEqual(['p2pkh', 'p2sh'])
  })

  it.each([
    ['addrs_full_bc1qw508_page2.json', 10, 10, 15, '2382324'],
    ['txs_1db6251a_p2pk.json', 1, 1, 2, '30000000000'],
    ['txs_eb4d2def_op_return.json', 1, 1, 1, '0']
  ] as const)('BlockCypher %s', async (file, txs, ins, outs, outSum) => {
    const { core, caseId, db } = btcCase()
    const [r] = await importFiles(core, caseId, [shared(X + 'blockcypher/' + file)])
    expect(r.format).toBe('blockcypher-json')
    expect(r.counts).toMatchObject({ 'transactions.new': txs, 'inputs.new': ins, 'outputs.new': outs })
    expect(String((db.prepare('SELECT sum(value) AS s FROM btc_output').safeIntegers(true).get() as { s: bigint }).s)).toBe(outSum)
  })

  it('BlockCypher paged tx (1 of 201 outputs) is stored as incomplete with its true vout', async () => {
    const { core, caseId } = btcCase()
    const [r] = await importFiles(core, caseId, [shared(X + 'blockcypher/txs_49d38a71_outstart200-page.json')])
    expect(r.counts['transactions.partial']).toBe(1)
    expect(r.warnings.join('\n')).toMatch(/1 of 201 outputs \(paged\); stored as incomplete/)
    const tx = await core.invoke('explore.tx', { caseId, txid: '49d38a715ea1342c3ebfc3035b5d48994fe07780eadf34bca4f626b2a77feb98' })
    // next_outputs asks for outstart=400&limit=200, so this page starts at vout 200 (= vout_sz − 1).
    expect(tx.kind).toBe('partial')
    expect(tx.outputs).toEqual([expect.objectContaining({ index: 200, value: '42329', address: '14yHEatgiRMPwf7GGU48ZFMQQnVYdwLc5c' })])
  })

  it('Blockchair testnet transaction dashboard goes to btc-testnet, never mainnet', async () => {
    const { core, caseId } = btcCase()
    await importFiles(core, caseId, [shared(X + 'blockchair/bitcoin-testnet_dashboards-transaction_227178d7.json')])
    const nets = await core.invoke('explore.networks', { caseId })
    expect(nets.map((n) => n.network)).toEqual(['btc-testnet'])
    const tx = await core.invoke('explore.tx', { caseId, txid: '227178d784150211e8ea5a586ee75bc97655e61f02bc8c07557e475cfecea3cd' })
    // input c4979460…:1 2392235 sat from mpjwFv…; outputs 100000 to tb1qtpqq…, 2291980 back; fee 255; 2023-04-13 15:29:58 UTC.
    expect(tx).toMatchObject({ network: 'btc-testnet', fee: '255', block: 2428751, time: 1681399798, symbol: 'tBTC' })
    expect(tx.inputs).toEqual([expect.objectContaining({ prevTxid: 'c4979460bb03a1877bbf23571c83edbd02cb4da20049916fa6c5fbf77470e027', prevVout: 1, value: '2392235', address: 'mpjwFvP88ZwAt3wEHY6irKkGhxcsv22BP6' })])
    expect(tx.outputs!.map((o) => o.value)).toEqual(['100000', '2291980'])
  })

  it('Blockchair address dashboard: the UTXO and the listed tx become one incomplete tx', async () => {
    const { core, caseId } = btcCase()
    const [r] = await importFiles(core, caseId, [shared(X + 'blockchair/dashboard_addresses_bitcoin_3addr_2020.json')])
    // data.utxo: ee377759…:0 76373 sat to 1BpFE9QV…; data.transactions: [ee377759…] — the same tx.
    expect(r.counts).toMatchObject({ 'transactions.new': 1, 'transactions.existing': 1, 'outputs.new': 1 })
    const a = await core.invoke('explore.address', { caseId, address: '1BpFE9QViJ4xfNJiKxFMQCHRh8n9TDbnhA' })
    expect(a.assets[0]).toMatchObject({ received: '76373', sent: '0', balance: '76373' })
  })

  it('Blockchair blocks dumps (Dash) are refused as "not a transaction dump"', async () => {
    for (const f of ['dump_dash_blocks_20140119_first10.tsv', 'dump_dash_blocks_20230831_first20.tsv']) {
      const { core, caseId } = btcCase()
      const e = await importError(core, caseId, [shared(X + 'blockchair/' + f)])
      expect(e.message).toMatch(/Blockchair blocks dump: it lists block headers, not transactions/)
      expect([e.file, e.line]).toEqual([f, 1])
    }
  })

  it('raw hex: every sample decodes to the txid, wtxid and counts in INDEX.json', async () => {
    const index = JSON.parse(readFileSync(shared(X + 'bitcoin-raw/INDEX.json'), 'utf8')) as { file: string; txid: string; wtxid: string; n_in: number; n_out: number }[]
    const { core, caseId, db } = btcCase()
    const results = await importFiles(core, caseId, index.map((x) => shared(X + 'bitcoin-raw/' + x.file)))
    expect(results.every((r) => r.format === 'btc-raw-hex')).toBe(true)
    for (const x of index) {
      const row = db.prepare('SELECT lower(hex(wtxid)) AS wtxid, input_count, output_count FROM btc_tx WHERE txid = unhex(?)').get(x.txid) as { wtxid: string; input_count: number; output_count: number }
      expect([x.file, row]).toEqual([x.file, { wtxid: x.wtxid, input_count: x.n_in, output_count: x.n_out }])
    }
    // fan-out tx: 57 outputs; the sum of their values equals what bitcoinjs read from the bytes.
    const fan = await core.invoke('explore.tx', { caseId, txid: index.find((x) => x.file.includes('fanout'))!.txid })
    expect(fan.outputs).toHaveLength(57)
  })

  it('raw hex a06d148e (block 696394): 1 input, 5 outputs, legacy (wtxid = txid)', async () => {
    const { core, caseId, db } = btcCase()
    await importFiles(core, caseId, [shared(X + 'bitcoin-raw/tx_a06d148e_mainnet-block696394.hex')])
    const row = db.prepare('SELECT lower(hex(txid)) AS txid, lower(hex(wtxid)) AS wtxid, input_count, output_count, size FROM btc_tx').get() as Record<string, unknown>
    expect(row).toMatchObject({ input_count: 1, output_count: 5, size: 320 })
    expect(row.wtxid).toBe(row.txid)
    expect(String(row.txid).startsWith('a06d148e')).toBe(true)
  })
})
