import { network as networkInfo } from '../../../shared/domain/networks'
import { JsonFields } from '../common/json-access'
import { streamJson, type JsonItem, type JsonObject } from '../common/json'
import { firstLine } from '../common/text-decode'
import { addressAt, chooseNetwork, integerAt, optionAddress } from '../accounts/fields'
import { KIND, note, rec, type TransferRec } from '../accounts/records'
import { ParseError, type Importer, type ImportInput, type ImportOptions, type ImportRecord } from '../types'

/** Which `module=account` action a result element comes from, told by its fields (FORMATS §2). */
type Action = 'txlist' | 'txlistinternal' | 'tokentx' | 'tokennfttx' | 'token1155tx'

function actionOf(o: JsonObject): Action {
  if ('tokenID' in o) return 'tokenValue' in o ? 'token1155tx' : 'tokennfttx'
  if ('tokenSymbol' in o || 'tokenDecimal' in o) return 'tokentx'
  if ('traceId' in o || ('type' in o && !('nonce' in o))) return 'txlistinternal'
  return 'txlist'
}

const HASH = /^0x[0-9a-fA-F]{64}$/
const GENESIS = /^GENESIS_[0-9a-fA-F]{40}$/

/** Etherscan-compatible API JSON: txlist, txlistinternal, tokentx, tokennfttx, token1155tx (V1, V2, clones). */
export const etherscanApiImporter: Importer = {
  id: 'etherscan-api',
  name: 'Etherscan-compatible API JSON (module=account: txlist, txlistinternal, tokentx, tokennfttx, token1155tx)',
  version: '1',
  detect(head) {
    const text = firstLine(head) + head.subarray(0, 4096).toString('latin1')
    if (!/^\s*\{/.test(text)) return 0
    return /"result"\s*:/.test(text) && /"message"\s*:/.test(text) ? 80 : 0
  },
  parse: parseEtherscanApi
}

interface State {
  network: string
  address: string | undefined
  txid: string
  pos: number
  assets: Set<string>
  senders: Set<string>
}

async function* parseEtherscanApi(input: ImportInput, opts: ImportOptions): AsyncGenerator<ImportRecord> {
  const warnings: string[] = []
  const network = chooseNetwork(opts, undefined, (m) => warnings.push(m), { pointer: '' })
  const n = networkInfo(network)
  if (n.family !== 'evm') throw new ParseError(`--chain ${network} is not an EVM network; Etherscan API files are EVM data`)
  for (const w of warnings) yield note(`${input.name}: ${w} (the API URL's chainid is not in the saved response)`, { pointer: '' })
  yield rec(KIND.asset, { pointer: '' }, { network, contract: 'native', symbol: n.symbol, name: n.name, decimals: n.decimals, decimalsSource: 'network' })
  const st: State = { network, address: optionAddress(opts, network), txid: '', pos: 0, assets: new Set(), senders: new Set() }
  for await (const ev of streamJson(input.open() as AsyncIterable<Buffer>, { streamAt: ['/result'] })) {
    if (ev.type === 'item') {
      yield* mapElement(ev.item, st)
      continue
    }
    const f = new JsonFields()
    const root = f.obj(ev.root, '')
    const result = root.result
    const message = typeof root.message === 'string' ? root.message : ''
    if (typeof result === 'string') {
      throw new ParseError(`the explorer returned an error instead of data: ${message || 'error'}: ${result.slice(0, 300)}`, { pointer: '/result' })
    }
    if (!Array.isArray(result)) f.fail('/result', 'expected "result" to be a list of transactions')
    const status = root.status
    if (status !== undefined && status !== '1' && !(status === '0' && ev.items === 0)) {
      throw new ParseError(`envelope status ${JSON.stringify(status)} (${message}) with ${ev.items} results`, { pointer: '/status' })
    }
    if (ev.items === 0) yield note(`${input.name}: the explorer returned no transactions (${message || 'empty list'})`, { pointer: '/result' })
  }
}

function* mapElement(item: JsonItem, st: State): Generator<ImportRecord> {
  const f = new JsonFields(item)
  const p = item.pointer
  const o = f.obj(item.value, p)
  const loc = (k: string) => ({ ...item.locate(`${p}/${k}`), pointer: `${p}/${k}` })
  const here = { line: item.line, column: item.column, pointer: p }
  const action = actionOf(o)
  const net = st.network
  const hashText = f.str(o, 'hash', p)
  const genesis = GENESIS.test(hashText)
  if (!HASH.test(hashText) && !genesis) f.fail(`${p}/hash`, `"hash" ${JSON.stringify(hashText.slice(0, 80))} is not 0x + 64 hex digits`)
  const txid = hashText.toLowerCase()
  if (txid !== st.txid) (st.txid = txid), (st.pos = 0)
  else st.pos++
  const fromText = f.str(o, 'from', p)
  // The genesis pseudo-transaction's sender is the literal "GENESIS": kept as written, it is no address.
  const from = genesis && fromText === 'GENESIS' ? 'GENESIS' : addressAt(fromText, net, loc('from'), 'from')
  const toText = f.str(o, 'to', p)
  let to = toText ? addressAt(toText, net, loc('to'), 'to') : ''
  const block = Number(integerAt(f.str(o, 'blockNumber', p), loc('blockNumber'), 'blockNumber'))
  const time = Number(integerAt(f.str(o, 'timeStamp', p), loc('timeStamp'), 'timeStamp'))
  const contractText = f.optStr(o, 'contractAddress', p) ?? ''
  const failed = f.optStr(o, 'isError', p) === '1' || f.optStr(o, 'txreceipt_status', p) === '0'
  const base = { network: net, txid, block, time, from, lossy: false, amountText: null, tokenId: null as string | null }
  if (st.address && from !== st.address && to !== st.address && contractText.toLowerCase() !== st.address) {
    throw new ParseError(`neither from nor to is the exported address ${st.address}: is --address right for this file?`, here)
  }

  if (action === 'txlist' || action === 'txlistinternal') {
    if (!to && contractText) {
      to = addressAt(contractText, net, loc('contractAddress'), 'contractAddress')
      yield rec(KIND.account, here, { network: net, address: to, isContract: true, how: 'created by this transaction (API contractAddress)' })
    }
    if (action === 'txlist' && !genesis && !st.senders.has(from) && st.senders.size < 100_000) {
      st.senders.add(from)
      yield rec(KIND.account, here, { network: net, address: from, isContract: false, how: 'sender of a top-level transaction (only externally owned accounts sign transactions)' })
    }
    const value = integerAt(f.str(o, 'value', p), loc('value'), 'value')
    let fee: string | null = null
    if (action === 'txlist' && !genesis) {
      const gasUsed = f.optStr(o, 'gasUsed', p)
      const gasPrice = f.optStr(o, 'gasPrice', p)
      if (gasUsed && gasPrice) fee = (BigInt(integerAt(gasUsed, loc('gasUsed'), 'gasUsed')) * BigInt(integerAt(gasPrice, loc('gasPrice'), 'gasPrice'))).toString()
    }
    const t: TransferRec = {
      ...base,
      to,
      idx: action === 'txlist' ? 'tx' : `trace:${f.optStr(o, 'traceId', p) ?? st.pos}`,
      asset: 'native',
      amount: value,
      fee,
      status: failed ? 'failed' : 'ok',
      method: genesis ? 'genesis allocation' : (f.optStr(o, 'functionName', p) || f.optStr(o, 'methodId', p) || f.optStr(o, 'type', p) || null),
      kind: action === 'txlist' ? 'native' : 'internal'
    }
    yield rec(KIND.transfer, here, t)
    return
  }

  const contract = addressAt(contractText, net, loc('contractAddress'), 'contractAddress')
  const nft = action !== 'tokentx'
  if (!st.assets.has(contract)) {
    st.assets.add(contract)
    const decText = f.optStr(o, 'tokenDecimal', p)
    const decimals = nft ? 0 : decText !== undefined && decText !== '' ? Number(integerAt(decText, loc('tokenDecimal'), 'tokenDecimal')) : null
    if (decimals !== null && decimals > 77) f.fail(`${p}/tokenDecimal`, `tokenDecimal ${decimals} is not plausible`)
    yield rec(KIND.asset, here, { network: net, contract, symbol: f.optStr(o, 'tokenSymbol', p) ?? null, name: f.optStr(o, 'tokenName', p) ?? null, decimals, decimalsSource: decimals === null ? null : 'file' })
    yield rec(KIND.account, here, { network: net, address: contract, isContract: true, how: 'token contract of a token transfer' })
  }
  const logIndex = f.optStr(o, 'logIndex', p)
  const idx = logIndex !== undefined ? `log:${logIndex}` : `pos:${st.pos}`
  if (action === 'tokentx') {
    yield rec(KIND.transfer, here, { ...base, to, idx, asset: contract, amount: integerAt(f.str(o, 'value', p), loc('value'), 'value'), fee: null, status: 'ok', method: f.optStr(o, 'functionName', p) || null, kind: 'token' })
    return
  }
  const tokenId = integerAt(f.str(o, 'tokenID', p), loc('tokenID'), 'tokenID')
  const qty = action === 'token1155tx' ? integerAt(f.str(o, 'tokenValue', p), loc('tokenValue'), 'tokenValue') : '1'
  yield rec(KIND.transfer, here, { ...base, to, idx, asset: contract, amount: qty, fee: null, status: 'ok', method: f.optStr(o, 'functionName', p) || null, kind: 'nft', tokenId })
}
