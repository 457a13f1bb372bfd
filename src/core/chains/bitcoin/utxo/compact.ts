import { address as btcAddress, networks, type Network } from 'bitcoinjs-lib'
import { initChains } from '../../init'

/**
 * Compact storage of the UTXO tables (migration 0008), in one place so the sink, the finish step, the explore
 * provider, the transfer view and the migration agree:
 * - 32-byte hashes (txid, wtxid, block hash, prev txid, spent-by txid) are stored as 32-byte BLOBs when the text
 *   is lower-case 64-hex, which is what every importer produces (txidOf, bitcoinjs); any other text is kept as
 *   text, so nothing a source said is ever altered. `hashIn` / `hashOut` convert at the boundary.
 * - An input's or output's first source is the tx row's own (evidence_id, locator + "/vin/<idx>" or
 *   "/vout/<vout>") in almost every case; then both columns are NULL and the SQL below derives them.
 * - An output's script_hex equal to the script of its address (standard types) is stored as an empty BLOB:
 *   the address is the script, written once. NULL still means "no source gave the script".
 */

const HEX64 = /^[0-9a-f]{64}$/

/** Stored form of a 32-byte hash given as text (BLOB when lower-case 64-hex, else the text itself). */
export function hashIn<T extends string | null | undefined>(v: T): Buffer | T {
  return typeof v === 'string' && v.length === 64 && HEX64.test(v) ? Buffer.from(v, 'hex') : v
}

/** Text form of a stored 32-byte hash column. */
export function hashOut(v: unknown): string | null {
  if (v === null || v === undefined) return null
  return Buffer.isBuffer(v) || v instanceof Uint8Array ? Buffer.from(v).toString('hex') : String(v)
}

/** Hash columns of the UTXO tables (stored by hashIn). */
export const HASH_COLUMNS = new Set(['txid', 'wtxid', 'block_hash', 'prev_txid', 'spent_by_txid'])

/** Rows read for comparison: hash columns back to text, the script marker back to the script it stands for. */
export function textRow(r: Record<string, unknown>, network?: string): Record<string, unknown> {
  for (const k of HASH_COLUMNS) if (k in r) r[k] = hashOut(r[k])
  if ('script_hex' in r && isScriptMarker(r.script_hex)) r.script_hex = network ? scriptOfAddress(r.address as string | null, network) : null
  return r
}

// "/vin/<k>" and "/vout/<k>" for the common small indexes, made once (importers and the sink use them per row).
const VIN = Array.from({ length: 256 }, (_, k) => '/vin/' + k)
const VOUT = Array.from({ length: 256 }, (_, k) => '/vout/' + k)
/** The locator suffix of input `k` of a tx: "/vin/<k>". */
export const vinSuffix = (k: number): string => VIN[k] ?? '/vin/' + k
/** The locator suffix of output `k` of a tx: "/vout/<k>". */
export const voutSuffix = (k: number): string => VOUT[k] ?? '/vout/' + k

/** Locator of a part of a record: "line 3:1 /0" + "/vin/1"; a whole-document record ("/") gives "/vin/1". */
export function subLocator(locator: string, suffix: string): string {
  return locator === '/' && suffix ? suffix : locator + suffix
}

/**
 * SQL for the source (evidence id, locator) of an input `i` / output `o` joined with its tx `t`; the same
 * derivation as subLocator. Columns spelled out in full so the queries read plainly.
 */
export const IN_EVIDENCE = 'coalesce(i.evidence_id, t.evidence_id)'
/** See IN_EVIDENCE. */
export const IN_LOCATOR = "coalesce(i.locator, iif(t.locator = '/', '', t.locator) || '/vin/' || i.idx)"
/** See IN_EVIDENCE. */
export const OUT_EVIDENCE = 'coalesce(o.evidence_id, t.evidence_id)'
/** See IN_EVIDENCE. */
export const OUT_LOCATOR = "coalesce(o.locator, iif(t.locator = '/', '', t.locator) || '/vout/' || o.vout)"

/** The stored marker for "script_hex = the script of this output's address". */
export const SCRIPT_MARKER = Buffer.alloc(0)

/** Whether a stored script_hex value is the marker. */
export function isScriptMarker(v: unknown): boolean {
  return (Buffer.isBuffer(v) || v instanceof Uint8Array) && v.length === 0
}

const NETS: Record<string, Network> = { btc: networks.bitcoin, 'btc-testnet': networks.testnet, 'btc-regtest': networks.regtest }
/** Types whose script is fully determined by the address (P2PK's "address" is derived from its key, not its script). */
const DERIVABLE = new Set(['p2pkh', 'p2sh', 'p2wpkh', 'p2wsh', 'p2tr'])
/** Whether an output of this script type has its script fully determined by its address (see scriptIn). */
export function derivableType(scriptType: string): boolean {
  return DERIVABLE.has(scriptType)
}
const scripts = new Map<string, Map<string, string | null>>()
let cached = 0

/** Lower-case hex of the output script an address encodes on a network, or null when it has none. */
export function scriptOfAddress(address: string | null, network: string): string | null {
  if (!address) return null
  let m = scripts.get(network)
  if (!m) scripts.set(network, (m = new Map()))
  let s = m.get(address)
  if (s !== undefined) return s
  s = deriveScript(address, NETS[network] ?? networks.bitcoin)
  // Bounded: addresses repeat a lot within a file, but memory must not grow with the file.
  if (++cached > 100_000) {
    scripts.clear()
    cached = 0
  }
  m.set(address, s)
  return s
}

function deriveScript(address: string, net: Network): string | null {
  try {
    // Segwit directly: toOutputScript would first try (and fail, by exception) to read it as base58.
    if (address.startsWith(net.bech32 + '1')) {
      const d = btcAddress.fromBech32(address)
      const program = Buffer.from(d.data).toString('hex')
      if (d.version === 0 && (d.data.length === 20 || d.data.length === 32)) return '00' + d.data.length.toString(16) + program
      if (d.version === 1 && d.data.length === 32) return '5120' + program
      return null
    }
    initChains()
    return Buffer.from(btcAddress.toOutputScript(address, net)).toString('hex')
  } catch {
    return null
  }
}

/** Stored form of an output's script_hex: the marker when it is exactly its address's script, else as given. */
export function scriptIn(scriptHex: string | null | undefined, scriptType: string, address: string | null, network: string): string | Buffer | null {
  if (scriptHex === null || scriptHex === undefined) return null
  if (address && DERIVABLE.has(scriptType) && scriptOfAddress(address, network) === scriptHex) return SCRIPT_MARKER
  return scriptHex
}
