import { readdirSync, readFileSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeEsploraFile } from '../../../../../bench/lib/esplora-gen'
import { caseDigest } from '../../../../helpers/case-digest'
import { shared, sharedFixturesMissing } from '../../../../helpers/fixtures'
import { tmpDir } from '../../../../helpers/tmp'
import { btcCase, importError, importFiles } from './helpers'

/** Files under the case's evidence folder (a refused import must leave none behind). */
function lockerFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : out.push(join(d, e.name))
  }
  walk(join(dir, 'evidence'))
  return out.sort()
}

const X = 'explorer-formats/'

describe.skipIf(!!sharedFixturesMissing)('malformed Bitcoin inputs: one clear error, case unchanged', () => {
  const esplora = (): string => readFileSync(shared(X + 'esplora/address_txs_mempool_space_2tx.json'), 'utf8')

  it.each([
    ['truncated JSON', 'trunc.json', (): string => esplora().slice(0, 3000), undefined, /unexpected end of input inside a string \(the file is truncated\)/, 1],
    ['wrong type (value as a string)', 'wrongtype.json', (): string => esplora().replace('"value":2920', '"value":"2920"'), undefined, /"value" must be an integer, found the string "2920"/, 1],
    ['negative value', 'neg.json', (): string => esplora().replace('"value":2920', '"value":-2920'), undefined, /"value" is -2920, below 0/, 1],
    ['bad txid', 'badtxid.json', (): string => esplora().replace('"txid":"5e0668bf', '"txid":"ze0668bf'), undefined, /txid must be 64 hex digits/, 1],
    ['mainnet file with a testnet address', 'mixed.json', (): string => esplora().replace('bc1qt8rscz0j9vdmqp6rnt6rk6qf663tcvd44f6gxa', 'tb1qtpqqpgadjr2q3f4wrgd6ndclqtfg7cz5evtvs0'), undefined, /this is a btc-testnet address, not btc/, 1],
    ['duplicate key', 'dup.json', (): string => esplora().replace('"version":2,', '"version":2,"version":1,'), undefined, /duplicate key "version"/, 1],
    ['TSV with a missing column', 'tx.tsv', (): string => 'block_id\thash\ttime\tsize\tweight\tversion\tlock_time\tis_coinbase\tinput_count\toutput_count\n1\t' + 'a'.repeat(64) + '\t2020-01-01 00:00:00\t1\t4\t1\t0\t0\t1\t1\n', 'blockchair-tsv', /missing column fee in the header/, 1],
    ['TSV row with too few fields', 'io.tsv', (): string => 'block_id\ttransaction_hash\tindex\ttime\tvalue\trecipient\ttype\tspending_transaction_hash\tspending_index\n1\tab\t0\n', undefined, /3 fields, but the header has 9/, 2],
    ['raw hex with odd length', 'odd.hex', (): string => readFileSync(shared(X + 'bitcoin-raw/tx_a06d148e_mainnet-block696394.hex'), 'utf8') + '0', undefined, /odd number of hex digits/, 1],
    ['raw hex cut short', 'short.hex', (): string => readFileSync(shared(X + 'bitcoin-raw/tx_a06d148e_mainnet-block696394.hex'), 'utf8').slice(0, 300), undefined, /not a valid serialized transaction/, 1]
  ] as const)('%s', async (_n, name, make, format, msg, line) => {
    const { core, caseId, db, dir } = btcCase()
    await importFiles(core, caseId, [shared(X + 'esplora/mempool-space_tx_db0d1fe6_mainnet-block696394.json')])
    const before = caseDigest(db)
    const files = lockerFiles(dir)
    const p = join(tmpDir(), name)
    writeFileSync(p, make())
    const e = await importError(core, caseId, [p], { format })
    expect(e.message).toMatch(msg)
    expect(e.file).toBe(name)
    expect(e.line).toBe(line)
    expect(caseDigest(db)).toEqual(before)
    expect(lockerFiles(dir)).toEqual(files)
  })

  it('0-byte and binary files are refused before any parsing', async () => {
    const { core, caseId, db } = btcCase()
    const before = caseDigest(db)
    const d = tmpDir()
    writeFileSync(join(d, 'empty.json'), '')
    writeFileSync(join(d, 'image.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))
    writeFileSync(join(d, 'noise.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))
    expect((await importError(core, caseId, [join(d, 'empty.json')])).message).toMatch(/the file is empty \(0 bytes\)/)
    expect((await importError(core, caseId, [join(d, 'image.json')])).message).toMatch(/this is a PNG image/)
    expect((await importError(core, caseId, [join(d, 'noise.bin')])).message).toMatch(/binary data \(a NUL byte at offset 0\)/)
    expect(caseDigest(db)).toEqual(before)
  })

  it('a 200 MB garbage file is rejected early, detected or forced, with bounded memory', async () => {
    const p = join(tmpDir(), 'garbage.json')
    const fd = openSync(p, 'w')
    const block = Buffer.alloc(1 << 20)
    for (let i = 0; i < block.length; i++) block[i] = 0x21 + ((i * 2654435761) >>> 27)
    for (let i = 0; i < 200; i++) writeSync(fd, block)
    closeSync(fd)
    expect(statSync(p).size).toBe(200 * 1024 * 1024)
    const { core, caseId, db } = btcCase()
    const before = caseDigest(db)
    const rss0 = process.memoryUsage().rss
    expect((await importError(core, caseId, [p])).message).toMatch(/not a format Chaintrail recognises; known formats: .*esplora-json/)
    const e = await importError(core, caseId, [p], { format: 'esplora-json' })
    expect([e.line, e.column]).toEqual([1, 1])
    expect(process.memoryUsage().rss - rss0).toBeLessThan(150 * 1024 * 1024)
    expect(caseDigest(db)).toEqual(before)
  })

  it('a 60 MB Esplora array that turns to garbage at its end is streamed to the end and rolled back whole', async () => {
    const d = tmpDir()
    const p = join(d, 'big.json')
    await writeEsploraFile(p, 40_000)
    const size = statSync(p).size
    const fd = openSync(p, 'r+')
    writeSync(fd, Buffer.from('#'), 0, 1, size - 2) // replace the closing "]" (before the final newline)
    closeSync(fd)
    const { core, caseId, db, dir } = btcCase()
    const before = caseDigest(db)
    const files = lockerFiles(dir)
    const e = await importError(core, caseId, [p])
    // The generator writes one tx per line after the "[" line: 40,000 txs → the last tx is on line 40,001.
    expect(e.message).toMatch(/unexpected '#'; expected ',' or '\]'/)
    expect(e.line).toBe(40_002)
    expect(caseDigest(db)).toEqual(before)
    expect(lockerFiles(dir)).toEqual(files)
  }, 60_000)
})

describe.skipIf(!!sharedFixturesMissing)('errors inside a single-object document', () => {
  it('name line and column too (the document is located after parsing)', async () => {
    const text = readFileSync(shared('explorer-formats/blockchain-info/rawtx_450c309b_1in-2out_2012.json'), 'utf8')
    // out[1].value 10000000 (a one-line file) turned into a string.
    const bad = text.replace('"value":10000000', '"value":"10000000"')
    expect(bad).not.toBe(text)
    const p = join(tmpDir(), 'rawtx_bad.json')
    writeFileSync(p, bad)
    const { core, caseId } = btcCase()
    const e = await importError(core, caseId, [p])
    expect(e.message).toMatch(/"value" must be an integer, found the string "10000000"/)
    expect(e.line).toBe(1)
    expect(e.column).toBe(bad.indexOf('"10000000"') + 1)
  })
})

describe.skipIf(!!sharedFixturesMissing)('after a refused import', () => {
  it('the next import in the same session works (staging is rebuilt)', async () => {
    const { core, caseId } = btcCase()
    const p = join(tmpDir(), 'trunc.json')
    writeFileSync(p, readFileSync(shared('explorer-formats/esplora/address_txs_mempool_space_2tx.json'), 'utf8').slice(0, 4000))
    await importError(core, caseId, [p])
    const [r] = await importFiles(core, caseId, [shared('explorer-formats/esplora/address_txs_mempool_space_2tx.json')])
    expect(r.counts).toMatchObject({ 'transactions.new': 2, 'inputs.new': 5, 'outputs.new': 4 })
    const tx = await core.invoke('explore.tx', { caseId, txid: '5e0668bf1cd24f2f8656ee82d4886f5303a06b26838e24b7db73afc59e228985' })
    expect(tx.inputs).toHaveLength(3)
  })
})
