import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tmpDir } from '../../../../helpers/tmp'
import { btcCase, importFiles } from './helpers'

// Shapes with no real sample in ../shared (Blockchair tx/inputs/outputs dumps, Esplora /utxo), written from
// FORMATS §3 and §5.2. Values are small and checked by hand below.
const TX_A = 'a'.repeat(64)
const TX_B = 'b'.repeat(64)
const ADDR = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'
const ADDR2 = '1BpFE9QViJ4xfNJiKxFMQCHRh8n9TDbnhA'

describe('Blockchair TSV dumps and Esplora utxo (authored)', () => {
  it('transactions + outputs dumps merge into one tx; a spent output also becomes the spending input', async () => {
    const d = tmpDir()
    const txs = join(d, 'blockchair_bitcoin_transactions_20200101.tsv')
    writeFileSync(
      txs,
      'block_id\thash\ttime\tsize\tweight\tversion\tlock_time\tis_coinbase\thas_witness\tinput_count\toutput_count\tinput_total\tinput_total_usd\toutput_total\toutput_total_usd\tfee\tfee_usd\tfee_per_kb\tfee_per_kb_usd\tfee_per_kwu\tfee_per_kwu_usd\tcdd_total\n' +
        `610000\t${TX_A}\t2020-01-01 00:05:00\t225\t900\t2\t0\t0\t0\t1\t2\t100000\t7.2\t99000\t7.1\t1000\t0.07\t4444\t0.3\t1111\t0.08\t0\n`
    )
    const outs = join(d, 'blockchair_bitcoin_outputs_20200101.tsv')
    writeFileSync(
      outs,
      'block_id\ttransaction_hash\tindex\ttime\tvalue\tvalue_usd\trecipient\ttype\tscript_hex\tis_from_coinbase\tis_spendable\tspending_block_id\tspending_transaction_hash\tspending_index\tspending_time\tspending_value_usd\tspending_sequence\tspending_signature_hex\tspending_witness\tlifespan\tcdd\n' +
        `610000\t${TX_A}\t0\t2020-01-01 00:05:00\t60000\t4.3\t${ADDR}\twitness_v0_keyhash\t0014751e76e8199196d454941c45d1b3a323f1433bd6\t0\t\\N\t610005\t${TX_B}\t3\t2020-01-01 01:00:00\t4.4\t4294967295\t\\N\t\\N\t3300\t0\n` +
        `610000\t${TX_A}\t1\t2020-01-01 00:05:00\t39000\t2.8\t${ADDR2}\tpubkeyhash\t76a91476a0af102252acceef20eb0a5eb6f1c6057440f788ac\t0\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n`
    )
    const { core, caseId } = btcCase()
    const [r1, r2] = await importFiles(core, caseId, [txs, outs])
    expect([r1.format, r2.format]).toEqual(['blockchair-tsv', 'blockchair-tsv'])
    // Row 1 of the outputs dump is spent by TX_B input 3 → a second (partial) tx appears.
    expect(r2.counts).toMatchObject({ 'transactions.existing': 2, 'transactions.new': 1, 'outputs.new': 2, 'inputs.new': 1 })
    const a = await core.invoke('explore.tx', { caseId, txid: TX_A })
    // 60000 + 39000 = 99000 = output_total; fee 1000; 2020-01-01 00:05:00 UTC = 1577837100.
    expect(a).toMatchObject({ block: 610000, time: 1577837100, fee: '1000', kind: 'partial' })
    expect(a.outputs!.map((o) => [o.index, o.address, o.scriptType, o.value, o.spentBy])).toEqual([
      [0, ADDR, 'p2wpkh', '60000', `${TX_B}:3`],
      [1, ADDR2, 'p2pkh', '39000', null]
    ])
    const b = await core.invoke('explore.tx', { caseId, txid: TX_B })
    expect(b.inputs).toEqual([expect.objectContaining({ index: 3, prevTxid: TX_A, prevVout: 0, address: ADDR, value: '60000' })])
    expect(b.block).toBe(610005)
  })

  it('Esplora /address/:a/utxo with --address: each UTXO is an incomplete tx holding that output', async () => {
    const p = join(tmpDir(), 'utxo.json')
    writeFileSync(p, `[{"txid":"${TX_A}","vout":1,"status":{"confirmed":true,"block_height":700000,"block_hash":"${'0'.repeat(64)}","block_time":1631000000},"value":12345}]`)
    const { core, caseId } = btcCase()
    const [r] = await importFiles(core, caseId, [p], { options: { address: ADDR } })
    expect(r.format).toBe('esplora-json')
    const a = await core.invoke('explore.address', { caseId, address: ADDR })
    expect(a.assets[0]).toMatchObject({ received: '12345', balance: '12345' })
    const tx = await core.invoke('explore.tx', { caseId, txid: TX_A })
    expect(tx).toMatchObject({ kind: 'partial', block: 700000 })
    expect(tx.outputs).toEqual([expect.objectContaining({ index: 1, address: ADDR, value: '12345' })])
  })
})
