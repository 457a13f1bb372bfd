import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { newCaseWithCore } from '../../../../helpers/cases'
import { tmpDir } from '../../../../helpers/tmp'
import { importError, importFiles } from './helpers'

/*
 * Every Etherscan-family header variant of FORMATS §1 that has no real sample file, written from the header and
 * rows FORMATS quotes (pasted rows where it has them; a minimal row otherwise). Amounts by hand in each test.
 */
const H = '0x' + 'ab'.repeat(32)
const H2 = '0x' + 'cd'.repeat(32)
const A = '0x003dc32fe920a4aaeed12dc87e145f030aa753f3'
const B = '0xf98c96b5d10faafc2324847c82305bd5fd7e5ad3'
const T = '0x0f5d2fb29fb7d3cfee444a200298f468908cc942'

function file(name: string, lines: string[], eol = '\n'): string {
  const p = join(tmpDir(), name)
  writeFileSync(p, lines.join(eol) + eol)
  return p
}
const q = (...v: string[]) => v.map((x) => `"${x}"`).join(',')

async function run(path: string, options: Record<string, unknown> = {}) {
  const { core, caseId } = newCaseWithCore()
  const r = await importFiles(core, caseId, [path], options)
  return { core, caseId, r: r.results[0] }
}

describe('Etherscan CSV header variants', () => {
  it('variant C (Transaction Hash) from Arbiscan: ETH is ambiguous, so --chain arbitrum is used and checked', async () => {
    const p = file('arbiscan.csv', [
      q('Transaction Hash', 'Blockno', 'UnixTimestamp', 'DateTime (UTC)', 'From', 'To', 'ContractAddress', 'Value_IN(ETH)', 'Value_OUT(ETH)', 'CurrentValue @ $1/ETH', 'TxnFee(ETH)', 'TxnFee(USD)', 'Historical $Price/ETH', 'Status', 'ErrCode', 'Method'),
      q(H, '100', '1700000000', '2023-11-14 22:13:20', B, A, '', '1.25', '0', '1', '0.0001', '0.2', '2000', '', '', 'Transfer')
    ])
    const { r, core, caseId } = await run(p, { chain: 'arbitrum' })
    expect(r.warnings).toEqual([])
    const d = await core.invoke('explore.address', { caseId, network: 'arbitrum', address: A })
    expect(d.assets[0]).toMatchObject({ symbol: 'ETH', received: '1250000000000000000' })
    const noChain = await run(p)
    expect(noChain.r.warnings.join()).toMatch(/assumed eth/)
  })

  it('BscScan and Polygonscan clones take the chain from the header symbol', async () => {
    const head = (s: string) => q('Txhash', 'Blockno', 'UnixTimestamp', 'DateTime (UTC)', 'From', 'To', 'ContractAddress', `Value_IN(${s})`, `Value_OUT(${s})`, `CurrentValue @ $542.86/${s}`, `TxnFee(${s})`, 'TxnFee(USD)', `Historical $Price/${s}`, 'Status', 'ErrCode', 'Method')
    const row = q(H, '100', '1700000000', '2023-11-14 22:13:20', B, A, '', '2', '0', '1', '0.001', '0.2', '300', '', '', 'Transfer')
    const bsc = await run(file('bsc.csv', [head('BNB'), row]))
    expect(await bsc.core.invoke('explore.networks', { caseId: bsc.caseId })).toMatchObject([{ network: 'bsc' }])
    const poly = await run(file('poly.csv', [head('MATIC'), row]))
    expect(await poly.core.invoke('explore.networks', { caseId: poly.caseId })).toMatchObject([{ network: 'polygon' }])
  })

  it('older 15-column export with a PrivateNote column', async () => {
    const p = file('note.csv', [
      q('Txhash', 'Blockno', 'UnixTimestamp', 'DateTime', 'From', 'To', 'ContractAddress', 'Value_IN(ETH)', 'Value_OUT(ETH)', 'CurrentValue @ $2055.97/Eth', 'TxnFee(ETH)', 'TxnFee(USD)', 'Historical $Price/Eth', 'Status', 'ErrCode', 'PrivateNote'),
      q(H, '100', '1547799638', '2019-01-18 08:20:38', B, A, '', '2', '0', '1', '0.000861', '1', '120', '', '', 'victim payment')
    ])
    expect((await run(p, { chain: 'eth' })).r.counts['transfers.native.new']).toBe(1)
  })

  it('redesigned 2025 transactions: unquoted header, unit-suffixed Amount, EIP-55 addresses, no Unix column', async () => {
    const p = file('export-transaction-list-1742404672000.csv', [
      'Transaction Hash,Status,Method,Blockno,DateTime (UTC),From,From_Nametag,To,To_Nametag,Amount,Value (USD),Txn Fee',
      '"0x643e78d2d0e790bb6b9e250ae5fda2c54595b2d75118cd2ba8cd1f4db4b6708d","Success","Transfer","39086192","2026-03-19 17:17:52","0x377711a26B52F4AD8C548AAEF8297E0563b87Db4","","0x377711a26B52F4AD8C548AAEF8297E0563b87Db4","","0.0001 ETH","-","0.00000012"',
      `"${H}","Failed","Transfer","39086193","2026-03-19 17:18:52","0x377711a26B52F4AD8C548AAEF8297E0563b87Db4","","${A}","","5 ETH","-","0.00000012"`
    ])
    const { r, core, caseId } = await run(p, { chain: 'base' })
    expect(r.counts).toMatchObject({ 'transfers.native.new': 2, 'transfers.failed': 1 })
    const d = await core.invoke('explore.address', { caseId, network: 'base', address: '0x377711a26b52f4ad8c548aaef8297e0563b87db4' })
    // self-transfer of 0.0001 ETH counts both ways; the failed 5 ETH moves nothing; two fees of 0.00000012 ETH
    expect(d.assets[0]).toMatchObject({ received: '100000000000000', sent: '100000000000000', balance: '-240000000000' })
    expect(d.display).toBe('0x377711a26B52F4AD8C548AAEF8297E0563b87Db4')
  })

  it('redesigned 2025 token transfers: "Name (SYMBOL)" tokens with thousands separators', async () => {
    const p = file('tokens-2025.csv', [
      'Transaction Hash,Status,Method,BlockNo,DateTime (UTC),From,From_Nametag,To,To_Nametag,Amount,Value (USD),Token',
      '"0x4e0b3cdc58ae30fbdd36d1ec890a3f81c86e62056ba0cae5982f2ae57ab66de5","Success","Transfer","22981745","2025-07-23 12:02:47","0x9C6F88ecA61661aDc78535Ed8a97A6f99b581453","","0xe453b6ba7d8a4b402DFf9C1b2Da18226c5c2A9D3","xiaobaicto.eth","82,542,769,229.90364658","$113.00","XiaoBai (XIAOBAI)"'
    ])
    const { core, caseId } = await run(p, { chain: 'eth' })
    const d = await core.invoke('explore.address', { caseId, network: 'eth', address: '0xe453b6ba7d8a4b402dff9c1b2da18226c5c2a9d3' })
    expect(d.assets[0]).toMatchObject({ asset: 'name:XiaoBai (XIAOBAI)', symbol: 'XIAOBAI', received: '82542769229903646580000000000' })
  })

  it('redesigned 2025 internal transactions', async () => {
    const p = file('internal-2025.csv', [
      'Parent Transaction Hash,Status,Blockno,DateTime (UTC),From,From_Nametag,To,To_Nametag,Amount,Value (USD),Type',
      `"${H}","Success","100","2025-01-01 00:00:00","${B}","","${A}","","0.5 ETH","$1","call"`,
      `"${H}","Success","100","2025-01-01 00:00:00","${B}","","${A}","","0.25 ETH","$1","call"`
    ])
    const { core, caseId } = await run(p, { chain: 'eth', address: A })
    const d = await core.invoke('explore.address', { caseId, address: A })
    expect(d.assets[0]).toMatchObject({ received: '750000000000000000', inCount: 2 })
  })

  it('ERC-721/1155 combined (2025, Base) and the older TokenId layout', async () => {
    const p = file('nft-2025.csv', [
      q('Transaction Hash', 'Blockno', 'UnixTimestamp', 'DateTime (UTC)', 'From', 'To', 'ContractAddress', 'TokenName', 'TokenSymbol', 'Token ID', 'Type', 'Quantity'),
      q('0x2b32d65d6e70247502a70969cad64930d8de886bea3f91f247bb12d27751ab4c', '32394127', '1751577601', '2025-07-03 21:20:01', '0x532f27101965dd16442e59d40670faf5ebb142e4', '0x13f5620fccb28af63e237cc1fdf1eba235a2c016', '0xd10ffc8ff04c49f0034bf26126f5110caf7f7b34', 'ERC-721 TOKEN*', 'ERC-721 TOKEN*', '0', '721', '1'),
      q(H, '32394128', '1751577613', '2025-07-03 21:20:13', '0x532f27101965dd16442e59d40670faf5ebb142e4', '0x13f5620fccb28af63e237cc1fdf1eba235a2c016', '0xd10ffc8ff04c49f0034bf26126f5110caf7f7b34', 'Game Items', 'GI', '7', '1155', '3')
    ])
    const nft = await run(p, { chain: 'base' })
    expect(nft.r.counts['transfers.nft.new']).toBe(2)
    const tx = await nft.core.invoke('explore.tx', { caseId: nft.caseId, txid: H })
    expect(tx.transfers![0]).toMatchObject({ kind: 'nft', amount: '3' })
    const older = file('nft-old.csv', [q('Txhash', 'Blockno', 'UnixTimestamp', 'DateTime', 'From', 'To', 'ContractAddress', 'TokenId', 'TokenName', 'TokenSymbol'), q(H2, '1', '1600000000', '2020-09-13 12:26:40', B, A, T, '42', 'Kitty', 'CK')])
    expect((await run(older, { chain: 'eth' })).r.counts['transfers.nft.new']).toBe(1)
  })

  it('older ERC-20 layout (Value, no Blockno) and the token-page export (needs --option token)', async () => {
    const older = file('erc20-old.csv', [q('Txhash', 'UnixTimestamp', 'DateTime', 'From', 'To', 'Value', 'ContractAddress', 'TokenName', 'TokenSymbol'), q(H, '1515330124', '2018-01-07 13:02:04', B, A, '3,067.671', T, 'Decentraland', 'MANA')])
    const o = await run(older, { chain: 'eth' })
    expect((await o.core.invoke('explore.address', { caseId: o.caseId, address: A })).assets[0]).toMatchObject({ symbol: 'MANA', received: '3067671000000000000000' })
    const page = file('token-page.csv', [q('Transaction Hash', 'Blockno', 'UnixTimestamp', 'DateTime (UTC)', 'From', 'To', 'Quantity', 'Method'), q(H, '1', '1700000000', '2023-11-14 22:13:20', B, A, '10.013614', 'Transfer')])
    const { core, caseId } = newCaseWithCore()
    const e = await importError(core, caseId, [page], { chain: 'eth' })
    expect(e.message).toMatch(/--option token=/)
    const usdc = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'
    await importFiles(core, caseId, [page], { chain: 'eth', token: usdc })
    expect((await core.invoke('explore.address', { caseId, address: A })).assets[0]).toMatchObject({ asset: usdc, received: '10013614' })
  })

  it('reads a spreadsheet re-save in UTF-16LE with BOM and a UTF-8 BOM file the same way', async () => {
    const lines = [
      q('Txhash', 'Blockno', 'UnixTimestamp', 'DateTime (UTC)', 'From', 'To', 'ContractAddress', 'Value_IN(ETH)', 'Value_OUT(ETH)', 'CurrentValue @ $1/Eth', 'TxnFee(ETH)', 'TxnFee(USD)', 'Historical $Price/Eth', 'Status', 'ErrCode', 'Method'),
      q(H, '100', '1700000000', '2023-11-14 22:13:20', B, A, '', '0.000000000000000001', '0', '1', '0.0001', '0.2', '2000', '', '', 'Transfer')
    ]
    const text = lines.join('\r\n') + '\r\n'
    const dir = tmpDir()
    const le = join(dir, 'utf16.csv')
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    const bom = join(dir, 'bom.csv')
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))
    for (const p of [le, bom]) {
      const { core, caseId, r } = await run(p, { chain: 'eth' })
      expect(r.format).toBe('etherscan-csv')
      expect((await core.invoke('explore.address', { caseId, address: A })).assets[0]).toMatchObject({ received: '1' })
    }
  })

  it('flags a file with exactly 5,000 data rows as probably capped', async () => {
    const head = q('Txhash', 'Blockno', 'UnixTimestamp', 'DateTime (UTC)', 'From', 'To', 'ContractAddress', 'Value_IN(ETH)', 'Value_OUT(ETH)', 'CurrentValue @ $1/Eth', 'TxnFee(ETH)', 'TxnFee(USD)', 'Historical $Price/Eth', 'Status', 'ErrCode', 'Method')
    const rows = Array.from({ length: 5000 }, (_, i) => q('0x' + i.toString(16).padStart(64, '0'), '1', '1700000000', '2023-11-14 22:13:20', B, A, '', '1', '0', '1', '0.0001', '1', '1', '', '', ''))
    const { r } = await run(file('capped.csv', [head, ...rows], '\r\n'), { chain: 'eth' })
    expect(r.warnings.some((w) => /exactly 5000 data rows/.test(w))).toBe(true)
  })
})
