import { address as btcAddress, crypto as btcCrypto, Transaction } from 'bitcoinjs-lib'
import { initChains } from '../../chains/init'
import { AddressResolver, BTC_TX, p2pkAddress, type BtcTxRecord } from '../../chains/bitcoin/utxo/records'
import { readLines } from '../common/lines'
import { ParseError, type Importer } from '../types'

/**
 * Raw Bitcoin transactions as hex (FORMATS §8): one transaction per line, or a file holding one (no newline).
 * Decoded with bitcoinjs-lib: txid, wtxid, outpoints, output addresses (`address.fromOutputScript`, all
 * standard types incl. taproot; P2PK shown as its key's P2PKH address), values, size/weight/vsize.
 * Raw bytes do not say whether or when the tx was mined, nor what its inputs spent: block fields stay empty
 * and input values/addresses are filled when the funding transactions are imported (sink finish hook).
 * Network: `--chain` (default btc) — scripts are the same on every network, only address encoding differs.
 */
const MAX_LINE = 8 * 1024 * 1024

/** Script-type name of an output script. */
export function classifyScript(s: Uint8Array): string {
  const h = Buffer.from(s).toString('hex')
  if (/^76a914[0-9a-f]{40}88ac$/.test(h)) return 'p2pkh'
  if (/^a914[0-9a-f]{40}87$/.test(h)) return 'p2sh'
  if (/^0014[0-9a-f]{40}$/.test(h)) return 'p2wpkh'
  if (/^0020[0-9a-f]{64}$/.test(h)) return 'p2wsh'
  if (/^5120[0-9a-f]{64}$/.test(h)) return 'p2tr'
  if (h.startsWith('6a')) return 'op_return'
  if (/^(21[0-9a-f]{66}|41[0-9a-f]{130})ac$/.test(h)) return 'p2pk'
  if (/^5[1-9a-f].*ae$/.test(h)) return 'multisig'
  if (/^(5[1-9a-f]|60)(0[2-9]|[1-3][0-9a-f]|4[0-9a-f])/.test(h)) return 'witness_unknown'
  return 'nonstandard'
}

/** Decode one raw transaction; throws a plain Error on bad bytes. */
export function decodeRawTx(hex: string, addr: AddressResolver): BtcTxRecord {
  initChains()
  const tx = Transaction.fromHex(hex)
  const txid = tx.getId()
  const net = addr.btcNetwork
  const coinbase = tx.isCoinbase()
  return {
    network: addr.network,
    txid,
    // sha256d over the full serialization (FORMATS §8). Not getHash(true): that returns zeros for a coinbase,
    // the value BIP141 substitutes inside the witness merkle tree, not the hash of the bytes.
    wtxid: Buffer.from(btcCrypto.hash256(tx.toBuffer())).reverse().toString('hex'),
    size: tx.byteLength(),
    weight: tx.weight(),
    vsize: tx.virtualSize(),
    version: tx.version,
    locktime: tx.locktime,
    coinbase,
    confirmed: false,
    inputCount: tx.ins.length,
    outputCount: tx.outs.length,
    complete: true,
    inputs: tx.ins.map((i, k) => ({
      index: k,
      prevTxid: coinbase ? null : Buffer.from(i.hash).reverse().toString('hex'),
      prevVout: coinbase ? null : i.index,
      address: null,
      value: null,
      coinbase,
      sequence: i.sequence,
      scriptsig: i.script.length ? Buffer.from(i.script).toString('hex') : null,
      witness: i.witness.length ? i.witness.map((w) => Buffer.from(w).toString('hex')).join(' ') : null,
      at: `/vin/${k}`
    })),
    outputs: tx.outs.map((o, k) => {
      const type = classifyScript(o.script)
      const hex = Buffer.from(o.script).toString('hex')
      let address: string | null = null
      if (type === 'p2pk') address = p2pkAddress(hex, net)
      else if (type !== 'op_return' && type !== 'nonstandard' && type !== 'multisig') {
        try {
          address = btcAddress.fromOutputScript(o.script, net)
        } catch {
          address = null
        }
      }
      return { vout: k, address, scriptType: type, scriptHex: hex, value: BigInt(o.value), at: `/vout/${k}` }
    })
  }
}

/** Raw hex importer. */
export const btcRawImporter: Importer = {
  id: 'btc-raw-hex',
  name: 'Raw Bitcoin transaction hex (one per line)',
  version: '1.0.0',
  detect(head) {
    const t = head.toString('latin1').replace(/^\uFEFF/, '')
    const first = t.split(/\r?\n/)[0].trim()
    if (!/^[0-9a-fA-F]+$/.test(first) || first.length < 120) return head.length >= 65536 && /^[0-9a-fA-F]{65536}/.test(t) ? 60 : 0
    if (!/^[0-9a-fA-F\s]*$/.test(t)) return 0
    return /^0[12]000000/.test(first) ? 85 : 40
  },
  async *parse(input, opts) {
    const addr = new AddressResolver(opts.chain)
    let txs = 0
    for await (const { line, text } of readLines(input.open(), MAX_LINE)) {
      const hex = text.trim()
      if (!hex) continue
      const bad = /[^0-9a-fA-F]/.exec(hex)
      if (bad) throw new ParseError(`not hex: ${JSON.stringify(bad[0])}`, { line, column: text.indexOf(hex) + bad.index + 1 })
      if (hex.length % 2) throw new ParseError(`odd number of hex digits (${hex.length})`, { line })
      let rec: BtcTxRecord
      try {
        rec = decodeRawTx(hex.toLowerCase(), addr)
      } catch (e) {
        throw new ParseError(`not a valid serialized transaction: ${(e as Error).message}`, { line })
      }
      txs++
      yield { kind: BTC_TX, loc: { line }, data: rec }
    }
    if (!txs) throw new ParseError('no transaction hex found', { line: 1 })
  }
}
