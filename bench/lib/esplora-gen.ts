import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { bech32 } from 'bech32'

/**
 * Synthetic Esplora `/address/:a/txs`-shaped JSON for benches: realistic field set (prevout, asm, witness,
 * status) with 1–2 inputs and 2 outputs per tx, addresses drawn from a pool of valid P2WPKH addresses. Each tx
 * spends an output of an earlier generated tx so inputs resolve inside the file, as in a real export.
 */
function hex32(n: number, salt: string): string {
  return createHash('sha256').update(salt + n).digest('hex')
}

/** A pool of valid mainnet P2WPKH addresses with their scriptPubKeys. */
export function addressPool(n: number): { address: string; script: string }[] {
  const out: { address: string; script: string }[] = []
  for (let i = 0; i < n; i++) {
    const prog = createHash('sha256').update('addr' + i).digest().subarray(0, 20)
    const address = bech32.encode('bc', [0, ...bech32.toWords(prog)])
    out.push({ address, script: '0014' + prog.toString('hex') })
  }
  return out
}

/** One synthetic tx object as Esplora would print it. */
export function esploraTx(i: number, pool: { address: string; script: string }[]): string {
  const a = pool[i % pool.length]
  const b = pool[(i * 7 + 3) % pool.length]
  const c = pool[(i * 13 + 5) % pool.length]
  const txid = hex32(i, 'tx')
  const prevTxid = i > 0 ? hex32(i - 1, 'tx') : hex32(0, 'genesis')
  const inValue = 1_000_000 + (i % 1000) * 1000
  const fee = 1410
  const out0 = 300_000 + (i % 97)
  const out1 = inValue - fee - out0
  const vin = `{"txid":"${prevTxid}","vout":1,"prevout":{"scriptpubkey":"${a.script}","scriptpubkey_asm":"OP_0 OP_PUSHBYTES_20 ${a.script.slice(4)}","scriptpubkey_type":"v0_p2wpkh","scriptpubkey_address":"${a.address}","value":${inValue}},"scriptsig":"","scriptsig_asm":"","witness":["3045022100a2f0ac810ce88625890f7e212d175eb1cd6b7c73ffed95a2bec06b38e0b2de060220036675c6a5c89845988cc27e7acba772e7655f2abb0575449471d8323d5900b301","026b815dddaf1687a05349d75d25911c9b6e2381e55ba72148009cfa0a577c89d9"],"is_coinbase":false,"sequence":4294967293}`
  const vout = (o: { address: string; script: string }, v: number) =>
    `{"scriptpubkey":"${o.script}","scriptpubkey_asm":"OP_0 OP_PUSHBYTES_20 ${o.script.slice(4)}","scriptpubkey_type":"v0_p2wpkh","scriptpubkey_address":"${o.address}","value":${v}}`
  const height = 700_000 + Math.floor(i / 2000)
  return `{"txid":"${txid}","version":2,"locktime":0,"vin":[${vin}],"vout":[${vout(b, out0)},${vout(c, out1)}],"size":222,"weight":561,"fee":${fee},"status":{"confirmed":true,"block_height":${height},"block_hash":"${hex32(height, 'blk')}","block_time":${1_630_000_000 + i * 3}}}`
}

/** Write `n` synthetic txs as one JSON array; resolves with the byte size. */
export async function writeEsploraFile(path: string, n: number, poolSize = 20_000): Promise<number> {
  const pool = addressPool(poolSize)
  const ws = createWriteStream(path)
  let bytes = 0
  let batch: string[] = []
  const flush = async (s: string) => {
    bytes += Buffer.byteLength(s)
    if (!ws.write(s)) await new Promise<void>((r) => ws.once('drain', () => r()))
  }
  await flush('[')
  for (let i = 0; i < n; i++) {
    batch.push(esploraTx(i, pool))
    if (batch.length === 1000 || i === n - 1) {
      await flush((i >= 1000 ? ',\n' : '\n') + batch.join(',\n'))
      batch = []
    }
  }
  await flush('\n]\n')
  await new Promise<void>((r, j) => ws.end((e?: Error) => (e ? j(e) : r())))
  return bytes
}
