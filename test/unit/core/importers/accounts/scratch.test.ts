import { it } from 'vitest'
import { newCaseWithCore } from '../../../../helpers/cases'
import { importFiles, sample } from './helpers'
it('scratch', async () => {
  const { core, caseId } = newCaseWithCore()
  for (const f of ['etherscan_export-0x46cf7ddb_normal-txs.csv', 'etherscan_export-0x8668ef45_internal-txs.csv', 'exported-2022-02_txhash-header_datetime-no-utc_contract-page_first50.csv', 'exported-2022-02_txhash-header_failed-tx-rows-selected.csv', 'exported-2024-01_txhash-header_erc20_0x003dc_first50.csv', 'exported-2024-01_txhash-header_erc20_0xf98_full_crlf.csv', 'exported-2024-01_txhash-header_internal_0x003dc_first30.csv', 'exported-2024-01_txhash-header_internal_0xf98_header_only_crlf.csv', 'exported-2024-01_txhash-header_normal_0x003dc_failed-rows-selected.csv', 'exported-2024-01_txhash-header_normal_0x003dc_first50.csv', 'exported-2024-01_txhash-header_normal_0xf98_full_crlf.csv']) {
    try {
      const r = await importFiles(core, caseId, [sample('etherscan-csv/' + f)])
      console.log(f, JSON.stringify(r.results[0].counts), r.results[0].warnings.slice(0, 3), r.results[0].conflicts.length)
    } catch (e) { console.log(f, 'ERR', (e as Error).message, (e as {line?: number}).line) }
  }
  const a = await core.invoke('explore.address', { caseId, address: '0x003dc32fe920a4aaeed12dc87e145f030aa753f3' })
  console.log(JSON.stringify(a.assets, null, 0).slice(0, 1500), a.display, a.txCount)
})
