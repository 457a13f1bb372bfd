import { decimalToBaseUnits } from '../../../shared/domain/amount'
import { network as networkInfo } from '../../../shared/domain/networks'
import type { Db } from '../../store/db'
import type { ImportRecord, Sink, SinkContext } from '../types'
import { knownDecimals } from './known-tokens'
import { KIND, type AccountRec, type AssetRec, type DecimalsSource } from './records'
import { flushTransfers } from './sink-transfers'

/** Decimals assumed for an ERC-20/TRC-20 token no source has described yet (the ERC-20 default). */
export const ASSUMED_TOKEN_DECIMALS = 18

interface AssetRow {
  symbol: string | null
  name: string | null
  decimals: number | null
  decimals_source: DecimalsSource | null
  evidence_id: number | null
  locator: string | null
}

function getAsset(db: Db, network: string, contract: string): AssetRow | undefined {
  return db.prepare('SELECT symbol, name, decimals, decimals_source, evidence_id, locator FROM acct_assets WHERE network = ? AND contract = ?').get(network, contract) as AssetRow | undefined
}

function insertAsset(db: Db, a: AssetRec, ctx: Pick<SinkContext, 'evidenceId' | 'locator'>): void {
  db.prepare('INSERT INTO acct_assets (network, contract, symbol, name, decimals, decimals_source, evidence_id, locator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    a.network, a.contract, a.symbol, a.name, a.decimals, a.decimals === null ? null : a.decimalsSource, ctx.evidenceId, ctx.locator
  )
}

/**
 * Decimals for converting a whole-token CSV value: the case's knowledge of the asset, else a well-known token,
 * else the ERC-20 default 18 marked 'assumed' (with a warning). Amounts stored under an assumed scale are
 * re-derived from their text as soon as a source states the decimals (see `setDecimals`).
 */
export function resolveDecimals(db: Db, network: string, asset: string, ctx: SinkContext): number {
  if (asset === 'native') return networkInfo(network).decimals
  const row = getAsset(db, network, asset)
  if (row && row.decimals !== null) return row.decimals
  const known = knownDecimals(network, asset)
  const decimals = known ?? ASSUMED_TOKEN_DECIMALS
  const source: DecimalsSource = known !== undefined ? 'builtin' : 'assumed'
  if (row) db.prepare('UPDATE acct_assets SET decimals = ?, decimals_source = ? WHERE network = ? AND contract = ?').run(decimals, source, network, asset)
  else insertAsset(db, { network, contract: asset, symbol: null, name: null, decimals, decimalsSource: source }, ctx)
  if (source === 'assumed') {
    ctx.warn(`${network} token ${asset}${row?.symbol ? ` (${row.symbol})` : ''}: the file gives whole-token values without decimals; assumed ${decimals} — whole-token amounts are exact as written, base units are provisional until a source that states decimals (API JSON, --option decimals=…) is imported`)
  }
  return decimals
}

/** Replace provisional decimals and re-derive every transfer amount that was computed from whole-token text. */
function setDecimals(db: Db, a: AssetRec, ctx: SinkContext): void {
  // Transfers of this file still held in the transfer sink's buffer must be stored before they are rescaled.
  flushTransfers(ctx)
  db.prepare('UPDATE acct_assets SET decimals = ?, decimals_source = ? WHERE network = ? AND contract = ?').run(a.decimals, a.decimalsSource, a.network, a.contract)
  const rows = db.prepare('SELECT id, amount_text, status FROM acct_transfers WHERE network = ? AND asset = ? AND amount_text IS NOT NULL').all(a.network, a.contract) as { id: number; amount_text: string; status: string }[]
  const upd = db.prepare('UPDATE acct_transfers SET amount = ?, attempted_amount = ? WHERE id = ?')
  for (const r of rows) {
    const v = decimalToBaseUnits(r.amount_text, a.decimals!)
    const failed = r.status === 'failed'
    upd.run(failed ? '0' : v.toString(), failed ? v.toString() : null, r.id)
  }
  if (rows.length) ctx.count('transfers.rescaled', rows.length)
}

/** Stores assets; fills what was unknown, never overwrites a stated fact (a different stated value is a conflict). */
export const assetSink: Sink = {
  kind: KIND.asset,
  store(record: ImportRecord, ctx: SinkContext) {
    const a = record.data as AssetRec
    const row = getAsset(ctx.db, a.network, a.contract)
    if (!row) {
      insertAsset(ctx.db, a, ctx)
      ctx.count('assets.new')
      return
    }
    if ((row.symbol === null && a.symbol !== null) || (row.name === null && a.name !== null)) {
      ctx.db.prepare('UPDATE acct_assets SET symbol = coalesce(symbol, ?), name = coalesce(name, ?) WHERE network = ? AND contract = ?').run(a.symbol, a.name, a.network, a.contract)
    }
    if (a.decimals === null || a.decimalsSource === 'assumed') return
    if (row.decimals === null || row.decimals_source === 'assumed' || row.decimals_source === 'builtin') {
      if (row.decimals !== a.decimals) setDecimals(ctx.db, a, ctx)
      return
    }
    if (row.decimals !== a.decimals) {
      ctx.conflict({ kind: KIND.asset, key: `${a.network}|${a.contract}`, field: 'decimals', existing: String(row.decimals), incoming: String(a.decimals), existingEvidenceId: row.evidence_id, existingLocator: row.locator })
    }
  }
}

/** Stores contract-vs-EOA facts; a contradiction between sources is a conflict. */
export const accountSink: Sink = {
  kind: KIND.account,
  store(record: ImportRecord, ctx: SinkContext) {
    const a = record.data as AccountRec
    const row = ctx.db.prepare('SELECT is_contract, evidence_id, locator FROM acct_accounts WHERE network = ? AND address = ?').get(a.network, a.address) as
      | { is_contract: number; evidence_id: number; locator: string }
      | undefined
    if (!row) {
      ctx.db.prepare('INSERT INTO acct_accounts (network, address, is_contract, how, evidence_id, locator) VALUES (?, ?, ?, ?, ?, ?)').run(a.network, a.address, a.isContract ? 1 : 0, a.how, ctx.evidenceId, ctx.locator)
      ctx.count('accounts.facts')
      return
    }
    if (row.is_contract !== (a.isContract ? 1 : 0)) {
      ctx.conflict({ kind: KIND.account, key: `${a.network}|${a.address}`, field: 'is_contract', existing: String(row.is_contract), incoming: a.isContract ? '1' : '0', existingEvidenceId: row.evidence_id, existingLocator: row.locator })
    }
  }
}
