import { ColumnMapping, MAPPABLE_FIELDS, type MappableField } from '../../../../shared/api/areas/mappings'

/** Fields every mapping needs; the rest are optional. */
export const REQUIRED_FIELDS: readonly MappableField[] = ['txid', 'from', 'to', 'amount']

/** Labels shown beside each field's column picker. */
export const FIELD_LABELS: Record<MappableField, string> = {
  txid: 'Transaction id',
  time: 'Time',
  block: 'Block',
  from: 'From address',
  to: 'To address',
  amount: 'Amount',
  asset: 'Asset (symbol or token contract)',
  chain: 'Chain',
  fee: 'Fee',
  status: 'Status',
  tokenId: 'NFT token id',
  index: 'Index within transaction',
  method: 'Method'
}

/** What the dialog edits: plain strings, '' meaning "not mapped". */
export interface MappingForm {
  name: string
  delimiter: ',' | ';' | '\t'
  columns: Record<MappableField, string>
  chain: string
  asset: string
  timeFormat: 'datetime-utc' | 'unix' | 'unix-ms'
  amountUnit: 'whole' | 'base'
  decimals: string
  thousands: boolean
}

const GUESSES: Record<MappableField, RegExp> = {
  txid: /^(tx ?hash|txid|transaction ?(hash|id)|hash)$/i,
  time: /^(time|timestamp|date|datetime|date ?\(utc\)|when)/i,
  block: /^(block|blockno|block ?number|block ?height)$/i,
  from: /^(from|sender|from ?address|source)$/i,
  to: /^(to|receiver|recipient|to ?address|destination)$/i,
  amount: /^(amount|value|qty|quantity)$/i,
  asset: /^(asset|coin|token|symbol|currency)$/i,
  chain: /^(chain|network|blockchain)$/i,
  fee: /^(fee|txn ?fee|gas ?fee)$/i,
  status: /^(status|result)$/i,
  tokenId: /^(token ?id)$/i,
  index: /^(index|log ?index|position)$/i,
  method: /^(method|function)$/i
}

/**
 * The form for a file: the saved mapping for its header when there is one; otherwise columns whose names
 * plainly say what they hold are pre-selected (a suggestion the analyst confirms, never applied silently).
 */
export function initialForm(header: string[], saved: ColumnMapping | null, delimiter: MappingForm['delimiter']): MappingForm {
  const columns = Object.fromEntries(MAPPABLE_FIELDS.map((f) => [f, ''])) as Record<MappableField, string>
  if (saved) {
    for (const f of MAPPABLE_FIELDS) columns[f] = saved.columns[f] ?? ''
    return {
      name: saved.name,
      delimiter: saved.delimiter,
      columns,
      chain: saved.chain ?? '',
      asset: saved.asset ?? '',
      timeFormat: saved.timeFormat,
      amountUnit: saved.amountUnit,
      decimals: saved.decimals === undefined ? '' : String(saved.decimals),
      thousands: saved.thousands
    }
  }
  for (const f of MAPPABLE_FIELDS) columns[f] = header.find((h) => GUESSES[f].test(h.trim())) ?? ''
  return { name: 'custom mapping', delimiter, columns, chain: '', asset: '', timeFormat: 'datetime-utc', amountUnit: 'whole', decimals: '', thousands: false }
}

/** The mapping a form describes, validated with the same zod schema the core uses; or the first problem. */
export function formToMapping(form: MappingForm): { ok: true; mapping: ColumnMapping } | { ok: false; problem: string } {
  for (const f of REQUIRED_FIELDS) if (!form.columns[f]) return { ok: false, problem: `choose the column for ${FIELD_LABELS[f]}` }
  if (!form.columns.chain && !form.chain) return { ok: false, problem: 'choose a Chain column or a fixed chain' }
  if (form.decimals !== '' && !/^[0-9]{1,2}$/.test(form.decimals)) return { ok: false, problem: 'decimals must be a whole number 0–77' }
  const columns: Partial<Record<MappableField, string>> = {}
  for (const f of MAPPABLE_FIELDS) if (form.columns[f]) columns[f] = form.columns[f]
  const parsed = ColumnMapping.safeParse({
    name: form.name || 'custom mapping',
    delimiter: form.delimiter,
    columns,
    chain: form.columns.chain ? undefined : form.chain || undefined,
    asset: form.columns.asset ? undefined : form.asset || undefined,
    timeFormat: form.timeFormat,
    amountUnit: form.amountUnit,
    decimals: form.decimals === '' ? undefined : Number(form.decimals),
    thousands: form.thousands
  })
  if (!parsed.success) {
    const i = parsed.error.issues[0]
    return { ok: false, problem: `${i.path.join('.')}: ${i.message}` }
  }
  return { ok: true, mapping: parsed.data }
}
