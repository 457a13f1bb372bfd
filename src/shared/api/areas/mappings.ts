import { z } from 'zod'
import { CaseId } from './common'

/** Fields a generic CSV/XLSX column may be mapped to. Only these names exist; nothing from a file reaches SQL. */
export const MAPPABLE_FIELDS = ['txid', 'time', 'block', 'from', 'to', 'amount', 'asset', 'chain', 'fee', 'status', 'tokenId', 'index', 'method'] as const
export type MappableField = (typeof MAPPABLE_FIELDS)[number]

/** Header name of a column (as written in the file's header row). */
const ColumnName = z.string().min(1).max(200)

/**
 * How to read a CSV/XLSX that no built-in format knows: which header column holds which field, and how to read
 * times and amounts. Saved in the case keyed by the header signature and offered again for the next such file.
 */
export const ColumnMapping = z
  .object({
    name: z.string().max(200).default('custom mapping'),
    /** CSV delimiter; always explicit, never guessed. Ignored for XLSX. */
    delimiter: z.enum([',', ';', '\t']).default(','),
    /** XLSX sheet name or 1-based number; first sheet when absent. */
    sheet: z.union([z.string().max(100), z.number().int().min(1).max(1000)]).optional(),
    columns: z
      .object({
        txid: ColumnName,
        from: ColumnName,
        to: ColumnName,
        amount: ColumnName,
        time: ColumnName.optional(),
        block: ColumnName.optional(),
        asset: ColumnName.optional(),
        chain: ColumnName.optional(),
        fee: ColumnName.optional(),
        status: ColumnName.optional(),
        tokenId: ColumnName.optional(),
        index: ColumnName.optional(),
        method: ColumnName.optional()
      })
      .strict(),
    /** Network of every row when there is no chain column (network id such as "eth", "tron", or a chain id). */
    chain: z.string().max(32).optional(),
    /** Asset of every row when there is no asset column: "native" or a token contract address. */
    asset: z.string().max(128).optional(),
    timeFormat: z.enum(['datetime-utc', 'unix', 'unix-ms']).default('datetime-utc'),
    /** Amounts in whole coins/tokens (decimal) or already in base units (integer). */
    amountUnit: z.enum(['whole', 'base']).default('whole'),
    /** Token decimals for whole-token amounts of a contract asset (native decimals come from the network). */
    decimals: z.number().int().min(0).max(77).optional(),
    /** "1,234.5" style thousands separators in amount cells. */
    thousands: z.boolean().default(false),
    /** Status cell values that mean the transaction failed (compared case-insensitively). */
    failedValues: z.array(z.string().max(50)).max(20).default(['failed', 'fail', 'error', 'reverted', '0'])
  })
  .strict()
export type ColumnMapping = z.infer<typeof ColumnMapping>

const Sample = z.object({
  kind: z.enum(['csv', 'xlsx']),
  /** Delimiter the sample was read with: the one asked for, else a saved mapping's, else comma. */
  delimiter: z.enum([',', ';', '\t']),
  sheets: z.array(z.string()),
  header: z.array(z.string()),
  headerLine: z.number().int(),
  rows: z.array(z.array(z.string())),
  signature: z.string(),
  saved: ColumnMapping.nullable()
})

/** Column mappings for generic CSV/XLSX imports. */
export const mappingsArea = {
  'mappings.sample': {
    input: z.object({ caseId: CaseId, uploadId: z.string().min(1).max(64), delimiter: z.enum([',', ';', '\t']).optional(), sheet: z.union([z.string().max(100), z.number().int().min(1)]).optional() }).strict(),
    output: Sample,
    mutates: false
  },
  'mappings.save': {
    input: z.object({ caseId: CaseId, signature: z.string().min(1).max(20000), mapping: ColumnMapping }).strict(),
    output: z.object({ signature: z.string(), savedAt: z.string() }),
    mutates: true
  },
  'mappings.list': {
    input: z.object({ caseId: CaseId }).strict(),
    output: z.array(z.object({ signature: z.string(), name: z.string(), savedAt: z.string(), examiner: z.string(), mapping: ColumnMapping })),
    mutates: false
  }
} as const
