import type { AddressDetail, ExchangeLine, SourceRef, TxDetail, TxRow } from '../../shared/api/areas/explore'
import { formatUnits, groupThousands } from '../../shared/domain/amount'
import { NETWORKS } from '../../shared/domain/networks'
import { keyValues, table } from '../format'
import { need, printJson, type Command, type Io } from '../io'
import { withCase } from '../session'

/**
 * `chaintrail tx` and `chaintrail address`: generic over explore.tx / explore.address, so every data family
 * (Bitcoin UTXO, account chains) prints through the same code. Amounts in whole coins via formatUnits.
 */
function amount(units: string | null, decimals: number, symbol: string): string {
  return units === null ? '(unknown)' : `${groupThousands(formatUnits(units, decimals))} ${symbol}`
}

function when(t: number | null): string {
  return t === null ? '—' : new Date(t * 1000).toISOString().replace('T', ' ').replace('.000Z', ' UTC')
}

function source(s: SourceRef | null | undefined): string {
  return s ? `${s.file} ${s.locator} (sha256 ${s.sha256.slice(0, 12)}…)` : '—'
}

/** Exchange statement lines: amounts are the statement's own signed decimal text in whole units. */
function printExchange(io: Io, lines: ExchangeLine[] | undefined, title: string): void {
  if (!lines?.length) return
  io.out(`\n${title} (${lines.length})`)
  io.out(
    table(
      ['time', 'exchange', 'account', 'type', 'amount', 'txid', 'address', 'linked by', 'source'],
      lines.map((l) => [when(l.time), l.exchange, l.account, l.type, `${l.amount} ${l.asset}`, l.txid ?? '—', l.address ?? '—', l.linkedBy ?? '—', source(l.source)])
    )
  )
}

function printTx(io: Io, d: TxDetail): void {
  const net = NETWORKS.get(d.network)
  io.out(`Transaction ${d.txid}`)
  io.out(
    keyValues([
      ['  network', `${d.network} (${net?.name ?? d.network})`],
      ['  status', d.status === 'ok' ? `confirmed${d.block !== null ? ` in block ${d.block}` : ''}` : d.status],
      ['  time', when(d.time)],
      ['  kind', d.kind],
      ['  amount', amount(d.amount, d.decimals, d.symbol)],
      ['  fee', amount(d.fee, d.decimals, d.symbol)],
      ['  conflicts', d.conflicts.length]
    ])
  )
  io.out('  sources:')
  for (const s of d.sources) io.out(`    ${source(s)}`)
  if (d.inputs) {
    io.out(`\nInputs (${d.inputs.length})`)
    io.out(table(['#', 'spends', 'address', 'amount', 'source'], d.inputs.map((i) => [i.index, i.coinbase ? 'coinbase' : i.prevTxid ? `${i.prevTxid}:${i.prevVout}` : `(unresolved):${i.prevVout ?? '?'}`, i.address ?? '—', amount(i.value, d.decimals, d.symbol), source(i.source)])))
  }
  if (d.outputs) {
    io.out(`\nOutputs (${d.outputs.length})`)
    io.out(table(['#', 'address', 'type', 'amount', 'spent by', 'source'], d.outputs.map((o) => [o.index, o.address ?? '—', o.scriptType, amount(o.value, d.decimals, d.symbol), o.spentBy ?? '—', source(o.source)])))
  }
  if (d.transfers) {
    io.out(`\nTransfers (${d.transfers.length})`)
    io.out(table(['#', 'from', 'to', 'amount', 'kind', 'status'], d.transfers.map((t) => [t.index, t.from, t.to, amount(t.amount, t.decimals, t.symbol), t.kind, t.status])))
  }
  if (d.conflicts.length) {
    io.out('\nConflicts (both values kept)')
    for (const c of d.conflicts) io.out(`  ${c.field}: ${c.existing ?? '∅'} (${source(c.existingSource)}) vs ${c.incoming ?? '∅'} (${source(c.incomingSource)})`)
  }
  printExchange(io, d.exchange, 'Exchange statement lines naming this transaction')
}

function txLine(t: TxRow): (string | number)[] {
  return [when(t.time), t.txid, t.block ?? '—', amount(t.amount, t.decimals, t.symbol), t.kind + (t.conflicted ? ' (conflict)' : ''), source(t.sources[0])]
}

function printAddress(io: Io, d: AddressDetail): void {
  io.out(`Address ${d.display}`)
  io.out(
    keyValues([
      ['  network', `${d.network} (${NETWORKS.get(d.network)?.name ?? d.network})`],
      ['  type', d.type],
      ['  transactions', d.txCount],
      ['  first seen', when(d.firstSeen)],
      ['  last seen', when(d.lastSeen)],
      ['  source', source(d.source)]
    ])
  )
  for (const a of d.assets) {
    io.out(`  ${a.symbol}: received ${amount(a.received, a.decimals, a.symbol)} (${a.inCount}), sent ${amount(a.sent, a.decimals, a.symbol)} (${a.outCount}), balance ${amount(a.balance, a.decimals, a.symbol)}`)
  }
  if (d.txCount === 0 && d.assets.length === 0 && d.exchange?.length) {
    io.out('\nNo chain data for this address in the case: only exchange statements name it (below). Import its history to trace it.')
    printExchange(io, d.exchange, 'Exchange statement lines naming this address')
    return
  }
  io.out(`\nTransactions (${d.transactions.length} shown; amount = net effect on this address)`)
  io.out(table(['time', 'txid', 'block', 'amount', 'kind', 'source'], d.transactions.map(txLine)))
  printExchange(io, d.exchange, 'Exchange statement lines naming this address or its transactions')
}

/** `chaintrail tx <dir> <txid> [--network N] [--json]` */
export const txCmd: Command = {
  name: 'tx',
  summary: 'show one transaction from the case with its inputs/outputs or transfers, sources and conflicts',
  usage: 'tx <dir> <txid> [--network N] [--json]',
  options: { network: { type: 'string' } },
  async run(pos, f, g, io) {
    const [dir, txid] = need(pos, ['dir', 'txid'])
    await withCase(dir, g, async (s) => {
      const d = await s.core.invoke('explore.tx', { caseId: s.caseId, txid, network: f.network as string | undefined })
      if (g.json) return printJson(io, d)
      printTx(io, d)
    })
  }
}

/** `chaintrail address <dir> <addr> [--network N] [--limit N] [--json]` */
export const addressCmd: Command = {
  name: 'address',
  summary: 'show what the case holds about an address: totals in/out, first/last seen, transactions',
  usage: 'address <dir> <address> [--network N] [--limit N] [--json]',
  options: { network: { type: 'string' }, limit: { type: 'string' } },
  async run(pos, f, g, io) {
    const [dir, address] = need(pos, ['dir', 'address'])
    const txLimit = f.limit === undefined ? 500 : Number(f.limit)
    await withCase(dir, g, async (s) => {
      const d = await s.core.invoke('explore.address', { caseId: s.caseId, address, network: f.network as string | undefined, txLimit })
      if (g.json) return printJson(io, d)
      printAddress(io, d)
    })
  }
}

/** `chaintrail exchange <dir> [--address A] [--txid T] [--filter F] [--limit N] [--json]` */
export const exchangeCmd: Command = {
  name: 'exchange',
  summary: 'list exchange statement lines (subpoena returns), or those naming an address or txid',
  usage: 'exchange <dir> [--address A] [--txid T] [--filter TEXT] [--limit N] [--json]',
  options: { address: { type: 'string' }, txid: { type: 'string' }, filter: { type: 'string' }, limit: { type: 'string' } },
  async run(pos, f, g, io) {
    const [dir] = need(pos, ['dir'])
    await withCase(dir, g, async (s) => {
      const r = await s.core.invoke('explore.exchange', {
        caseId: s.caseId,
        address: f.address as string | undefined,
        txid: f.txid as string | undefined,
        filter: f.filter as string | undefined,
        limit: f.limit === undefined ? 1000 : Number(f.limit)
      })
      if (g.json) return printJson(io, r)
      if (!r.rows.length) return io.out('No exchange statement lines match.')
      printExchange(io, r.rows, `Exchange statement lines, ${r.rows.length} of ${r.total}`)
    })
  }
}
