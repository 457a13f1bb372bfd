import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addressCmd, txCmd } from '../../../src/cli/commands/explore'
import { importCmd } from '../../../src/cli/commands/import'
import { createCase } from '../../../src/core/case/case-folder'
import { shared, sharedFixturesMissing } from '../../helpers/fixtures'
import { tmpDir } from '../../helpers/tmp'

function capture() {
  const out: string[] = []
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void out.push(s) }, text: () => out.join('\n') }
}

describe.skipIf(!!sharedFixturesMissing)('chaintrail tx / address', () => {
  it('print amounts in BTC with the source file and locator of each row, or the contract JSON', async () => {
    const dir = join(tmpDir(), 'case')
    createCase(dir, { title: 't', caseNumber: '1', examiner: 'DC' }).close()
    const g = { json: false, debug: false, examiner: 'DC' }
    await importCmd.run([dir, shared('explorer-formats/blockchain-info/rawtx_1db6251a_p2pk.json'), shared('explorer-formats/blockcypher/txs_1db6251a_p2pk.json')], {}, g, capture().io)
    const t = capture()
    await txCmd.run([dir, '1db6251a9afce7025a2061a19e63c700dffc3bec368bd1883decfac353357a9d'], {}, g, t.io)
    // rawtx: outputs 5000000000 + 25000000000 sat = 50 + 250 BTC; input 30000000000 = 300 BTC; fee 0.
    expect(t.text()).toMatch(/amount:\s+300 BTC/)
    expect(t.text()).toMatch(/0 +15WvMGm9qG1wDb54TMcvgzZsfvz9KdxzoN +p2pkh +50 BTC/)
    expect(t.text()).toContain('rawtx_1db6251a_p2pk.json /out/1')
    expect(t.text()).toContain('txs_1db6251a_p2pk.json /')
    const a = capture()
    await addressCmd.run([dir, '1PJJygLB42VsaTgo2twFPgRT8CNz1bpGNE'], {}, g, a.io)
    // Sends 300 BTC (the input) and gets 250 BTC back (vout 1, P2PK shown as its P2PKH address).
    expect(a.text()).toMatch(/received 250 BTC \(1\), sent 300 BTC \(1\), balance -50 BTC/)
    const j = capture()
    await addressCmd.run([dir, '1PJJygLB42VsaTgo2twFPgRT8CNz1bpGNE'], {}, { ...g, json: true }, j.io)
    expect(JSON.parse(j.text())).toMatchObject({ network: 'btc', txCount: 1, assets: [{ received: '25000000000', sent: '30000000000' }] })
  })
})
