import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Transaction } from 'bitcoinjs-lib'
import { describe, expect, it } from 'vitest'
import type { TxDetail } from '../../../../../src/shared/api/areas/explore'
import { shared, sharedFixturesMissing } from '../../../../helpers/fixtures'
import { tmpDir } from '../../../../helpers/tmp'
import { btcCase, importFiles } from './helpers'

/**
 * No raw hex in ../shared is the same transaction as any explorer JSON there. An Esplora /tx response carries every
 * serialised field (version, outpoints, scriptsig, witness, sequence, scriptpubkey, value, locktime), so the raw
 * transaction can be rebuilt from it; its double-SHA-256 equalling the real txid proves the bytes are the real
 * ones. Then Esplora JSON + raw hex of one REAL transaction must import as one transaction.
 */
interface EsploraTx {
  txid: string
  version: number
  locktime: number
  vin: { txid: string; vout: number; scriptsig: string; witness?: string[]; sequence: number }[]
  vout: { scriptpubkey: string; value: number }[]
}

const hex = (s: string) => Buffer.from(s, 'hex')

function rawFromEsplora(j: EsploraTx): Transaction {
  const tx = new Transaction()
  tx.version = j.version
  tx.locktime = j.locktime
  j.vin.forEach((i, k) => {
    tx.addInput(hex(i.txid).reverse(), i.vout, i.sequence, hex(i.scriptsig))
    if (i.witness?.length) tx.setWitness(k, i.witness.map(hex))
  })
  for (const o of j.vout) tx.addOutput(hex(o.scriptpubkey), BigInt(o.value))
  return tx
}

/** What must be identical whichever source the tx came from (input values and addresses: raw hex lacks them). */
const facts = (d: TxDetail) => ({
  inputs: d.inputs!.map((i) => ({ index: i.index, prevTxid: i.prevTxid, prevVout: i.prevVout })),
  outputs: d.outputs!.map((o) => ({ index: o.index, address: o.address, scriptType: o.scriptType, value: o.value }))
})

describe.skipIf(!!sharedFixturesMissing)('real Esplora transactions and their raw bytes', () => {
  it.each([
    ['legacy inputs', 'explorer-formats/esplora/mempool-space_tx_db0d1fe6_mainnet-block696394.json'],
    ['segwit inputs with witnesses', 'explorer-formats/esplora/blockstream_tx_efb6659d_mainnet-block763239.json']
  ])('%s: the rebuilt raw hex hashes to the real txid and merges with the JSON into one transaction', async (_what, rel) => {
    const j = JSON.parse(readFileSync(shared(rel), 'utf8')) as EsploraTx
    const tx = rawFromEsplora(j)
    expect(tx.getId()).toBe(j.txid)
    const rawPath = join(tmpDir(), `${j.txid.slice(0, 8)}.hex`)
    writeFileSync(rawPath, tx.toHex() + '\n')

    const { core, caseId, db } = btcCase()
    const [raw] = await importFiles(core, caseId, [rawPath])
    expect(raw.format).toBe('btc-raw-hex')
    const fromRaw = await core.invoke('explore.tx', { caseId, txid: j.txid })
    const [json] = await importFiles(core, caseId, [shared(rel)])
    expect(json.counts['transactions.existing']).toBe(1)
    expect(json.conflicts).toEqual([])
    expect((db.prepare('SELECT count(*) AS n FROM btc_tx').get() as { n: number }).n).toBe(1)
    const merged = await core.invoke('explore.tx', { caseId, txid: j.txid })
    expect(facts(merged)).toEqual(facts(fromRaw))
    // The JSON completes what raw bytes cannot say: input values and addresses, the block and the fee.
    expect(merged.inputs!.map((i) => i.value)).toEqual(j.vin.map((i) => String((i as unknown as { prevout: { value: number } }).prevout.value)))
    expect(merged.outputs!.map((o) => o.value)).toEqual(j.vout.map((o) => String(o.value)))
    expect(merged.sources.map((s) => s.file)).toEqual([rawPath.split('/').pop(), rel.split('/').pop()])
  })
})
