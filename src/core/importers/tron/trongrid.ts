import { tronFromHex } from '../../chains/tron/address'
import { JsonFields } from '../common/json-access'
import { JsonNumber, streamJson, type JsonItem, type JsonObject, type JsonValue } from '../common/json'
import { firstLine } from '../common/text-decode'
import { addressAt, integerAt } from '../accounts/fields'
import { knownDecimals } from '../accounts/known-tokens'
import { KIND, note, rec } from '../accounts/records'
import { ParseError, type Importer, type ImportInput, type ImportRecord } from '../types'

const NET = 'tron'
const TXID = /^[0-9a-f]{64}$/
/** ERC-20/TRC-20 `transfer(address,uint256)` selector. */
const TRANSFER = 'a9059cbb'
/** Contract types that change an account's own resources or votes and move no value to a counterparty. */
const NON_VALUE = new Set([
  'FreezeBalanceContract', 'UnfreezeBalanceContract', 'FreezeBalanceV2Contract', 'UnfreezeBalanceV2Contract', 'VoteWitnessContract',
  'WithdrawBalanceContract', 'DelegateResourceContract', 'UnDelegateResourceContract', 'WithdrawExpireUnfreezeContract', 'CancelAllUnfreezeV2Contract',
  'AccountPermissionUpdateContract', 'AccountUpdateContract', 'AccountCreateContract'
])

/** TronGrid `/v1/accounts/:a/transactions` and `/v1/accounts/:a/transactions/trc20` (FORMATS §7.1, §12). */
export const trongridImporter: Importer = {
  id: 'trongrid-json',
  name: 'TronGrid account JSON (/v1/accounts/:address/transactions and /transactions/trc20)',
  version: '1',
  detect(head) {
    const text = firstLine(head) + head.subarray(0, 8192).toString('latin1')
    if (!/^\s*\{/.test(text) || !/"data"\s*:/.test(text)) return 0
    if (/"txID"\s*:/.test(text) && /"raw_data"\s*:/.test(text)) return 85
    if (/"transaction_id"\s*:/.test(text) && /"token_info"\s*:/.test(text)) return 85
    return /"success"\s*:/.test(text) && /"meta"\s*:/.test(text) ? 40 : 0
  },
  parse: parseTrongrid
}

async function* parseTrongrid(input: ImportInput): AsyncGenerator<ImportRecord> {
  yield rec(KIND.asset, { pointer: '' }, { network: NET, contract: 'native', symbol: 'TRX', name: 'Tron', decimals: 6, decimalsSource: 'network' })
  const assets = new Set<string>()
  for await (const ev of streamJson(input.open() as AsyncIterable<Buffer>, { streamAt: ['/data'], longKeys: { raw_data_hex: 1 << 20, data: 1 << 20 } })) {
    if (ev.type === 'item') {
      const o = new JsonFields(ev.item).obj(ev.item.value, ev.item.pointer)
      if ('transaction_id' in o) yield* mapTrc20(ev.item, o, assets)
      else yield* mapTx(ev.item, o, assets)
      continue
    }
    const f = new JsonFields()
    const root = f.obj(ev.root, '')
    if (root.success === false) throw new ParseError(`TronGrid reported failure: ${JSON.stringify(root.error ?? root.message ?? '').slice(0, 300)}`, { pointer: '/success' })
    if (!Array.isArray(root.data)) f.fail('/data', 'expected "data" to be a list')
    const meta = root.meta as JsonObject | undefined
    if (meta && typeof meta === 'object' && !Array.isArray(meta) && 'fingerprint' in meta) {
      yield note(`${input.name}: this is one page of ${ev.items} rows; TronGrid has more (meta.fingerprint) — import the next pages too`, { pointer: '/meta/fingerprint' })
    }
  }
}

function num(f: JsonFields, o: JsonObject, key: string, ptr: string): string {
  const v = o[key]
  if (v instanceof JsonNumber) return integerAt(v.text, { pointer: `${ptr}/${key}` }, key)
  if (typeof v === 'string') return integerAt(v, { pointer: `${ptr}/${key}` }, key)
  return f.fail(`${ptr}/${key}`, v === undefined ? `missing field "${key}"` : `"${key}" must be an integer`)
}

function optNum(f: JsonFields, o: JsonObject, key: string, ptr: string): string | null {
  return o[key] === undefined || o[key] === null ? null : num(f, o, key, ptr)
}

function hexAddr(f: JsonFields, o: JsonObject, key: string, ptr: string): string {
  const text = f.str(o, key, ptr)
  return addressAt(text, NET, { pointer: `${ptr}/${key}` }, key)
}

function* mapTx(item: JsonItem, o: JsonObject, assets: Set<string>): Generator<ImportRecord> {
  const f = new JsonFields(item)
  const p = item.pointer
  const here = { line: item.line, column: item.column, pointer: p }
  const txid = f.str(o, 'txID', p)
  if (!TXID.test(txid)) f.fail(`${p}/txID`, `txID ${JSON.stringify(txid.slice(0, 80))} is not 64 lower-case hex digits`)
  const time = Math.floor(Number(num(f, o, 'block_timestamp', p)) / 1000)
  const block = o.blockNumber === undefined ? null : Number(num(f, o, 'blockNumber', p))
  const ret = f.arr(o.ret ?? [], `${p}/ret`)
  const ret0 = ret.length ? f.obj(ret[0], `${p}/ret/0`) : undefined
  const contractRet = ret0 ? (f.optStr(ret0, 'contractRet', `${p}/ret/0`) ?? 'SUCCESS') : 'SUCCESS'
  const failed = contractRet !== 'SUCCESS'
  const fee = ret0 && ret0.fee !== undefined ? num(f, ret0, 'fee', `${p}/ret/0`) : addFees(optNum(f, o, 'energy_fee', p), optNum(f, o, 'net_fee', p))
  const raw = f.obj(o.raw_data, `${p}/raw_data`)
  const contracts = f.arr(raw.contract, `${p}/raw_data/contract`)
  if (contracts.length !== 1) f.fail(`${p}/raw_data/contract`, `expected exactly one contract, found ${contracts.length}`)
  const cp = `${p}/raw_data/contract/0`
  const c = f.obj(contracts[0], cp)
  const type = f.str(c, 'type', cp)
  const vp = `${cp}/parameter/value`
  const v = f.obj(f.obj(c.parameter, `${cp}/parameter`).value, vp)
  const owner = hexAddr(f, v, 'owner_address', vp)
  const base = { network: NET, txid, block, time, from: owner, amountText: null, lossy: false, tokenId: null, status: failed ? ('failed' as const) : ('ok' as const), method: type }
  const status = base.status
  if (type === 'TransferContract') {
    yield rec(KIND.transfer, here, { ...base, idx: 'tx', to: hexAddr(f, v, 'to_address', vp), asset: 'native', amount: num(f, v, 'amount', vp), fee, kind: 'native' })
    return
  }
  // The fee is a fact of the transaction: carry it on a zero-value native leg so balances count it.
  yield rec(KIND.transfer, here, { ...base, idx: 'tx', to: '', asset: 'native', amount: '0', fee, kind: 'native' })
  if (type === 'TransferAssetContract') {
    const id = f.str(v, 'asset_name', vp)
    if (!/^[0-9]{1,12}$/.test(id)) f.fail(`${vp}/asset_name`, `TRC-10 asset_name ${JSON.stringify(id.slice(0, 40))} is not a token id`)
    const asset = `trc10:${id}`
    if (!assets.has(asset)) {
      assets.add(asset)
      const d = knownDecimals(NET, asset)
      yield rec(KIND.asset, here, { network: NET, contract: asset, symbol: null, name: `TRC-10 token ${id}`, decimals: d ?? null, decimalsSource: d === undefined ? null : 'builtin' })
    }
    yield rec(KIND.transfer, here, { ...base, idx: 'trc10', to: hexAddr(f, v, 'to_address', vp), asset, amount: num(f, v, 'amount', vp), fee: null, kind: 'token' })
    return
  }
  if (type === 'TriggerSmartContract') {
    const contract = tronFromHex(f.str(v, 'contract_address', vp))
    yield rec(KIND.account, here, { network: NET, address: contract, isContract: true, how: 'called by TriggerSmartContract' })
    const callValue = optNum(f, v, 'call_value', vp)
    if (callValue && callValue !== '0') yield rec(KIND.transfer, here, { ...base, idx: 'call_value', to: contract, asset: 'native', amount: callValue, fee: null, kind: 'internal' })
    const data = (f.optStr(v, 'data', vp) ?? '').toLowerCase()
    if (data.startsWith(TRANSFER)) {
      if (!/^a9059cbb[0-9a-f]{128}$/.test(data)) f.fail(`${vp}/data`, 'transfer(address,uint256) call data must be the selector and two 32-byte words')
      const to = tronFromHex('41' + data.slice(8 + 24, 8 + 64))
      const amount = BigInt('0x' + data.slice(72, 136)).toString()
      if (!assets.has(contract)) {
        assets.add(contract)
        const d = knownDecimals(NET, contract)
        yield rec(KIND.asset, here, { network: NET, contract, symbol: d !== undefined && contract === 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' ? 'USDT' : null, name: null, decimals: d ?? null, decimalsSource: d === undefined ? null : 'builtin' })
      }
      // A failed call moves no token: the sink stores amount 0 and keeps the attempted value.
      yield rec(KIND.transfer, here, { ...base, idx: 'trc20:0', to, asset: contract, amount, fee: null, status, kind: 'token' })
    }
    return
  }
  if (NON_VALUE.has(type)) {
    const amount = optNum(f, v, 'frozen_balance', vp) ?? optNum(f, v, 'unfreeze_balance', vp) ?? optNum(f, v, 'balance', vp)
    yield rec(KIND.event, here, { network: NET, txid, idx: '0', type, address: owner, amount, asset: amount ? 'native' : null, detail: plain(v), status, block, time })
    return
  }
  yield rec(KIND.event, here, { network: NET, txid, idx: '0', type, address: owner, amount: null, asset: null, detail: plain(v), status, block, time })
}

function addFees(a: string | null, b: string | null): string | null {
  return a === null && b === null ? null : (BigInt(a ?? '0') + BigInt(b ?? '0')).toString()
}

/** Event detail as plain JSON (numbers as their text), hex addresses left as written. */
function plain(v: JsonValue): Record<string, unknown> {
  return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x instanceof JsonNumber ? x.text : x))) as Record<string, unknown>
}

function* mapTrc20(item: JsonItem, o: JsonObject, assets: Set<string>): Generator<ImportRecord> {
  const f = new JsonFields(item)
  const p = item.pointer
  const here = { line: item.line, column: item.column, pointer: p }
  const txid = f.str(o, 'transaction_id', p)
  if (!TXID.test(txid)) f.fail(`${p}/transaction_id`, 'transaction_id is not 64 lower-case hex digits')
  const ti = f.obj(o.token_info, `${p}/token_info`)
  const contract = addressAt(f.str(ti, 'address', `${p}/token_info`), NET, { pointer: `${p}/token_info/address` }, 'token address')
  if (!assets.has(contract)) {
    assets.add(contract)
    const dec = num(f, ti, 'decimals', `${p}/token_info`)
    yield rec(KIND.asset, here, { network: NET, contract, symbol: f.optStr(ti, 'symbol', `${p}/token_info`) ?? null, name: f.optStr(ti, 'name', `${p}/token_info`) ?? null, decimals: Number(dec), decimalsSource: 'file' })
  }
  const type = f.str(o, 'type', p)
  if (type !== 'Transfer') f.fail(`${p}/type`, `TRC-20 event type ${JSON.stringify(type)} is not Transfer`)
  yield rec(KIND.transfer, here, {
    network: NET,
    txid,
    idx: 'trc20:event',
    block: null,
    time: Math.floor(Number(num(f, o, 'block_timestamp', p)) / 1000),
    from: addressAt(f.str(o, 'from', p), NET, { pointer: `${p}/from` }, 'from'),
    to: addressAt(f.str(o, 'to', p), NET, { pointer: `${p}/to` }, 'to'),
    asset: contract,
    amount: num(f, o, 'value', p),
    amountText: null,
    lossy: false,
    fee: null,
    status: 'ok',
    method: 'Transfer',
    kind: 'token',
    tokenId: null
  })
}
