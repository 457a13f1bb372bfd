import { ParseError } from '../types'
import { JsonInt, JsonNumber, type JsonObject, type JsonValue } from './json'

/**
 * Typed field access over values from `streamJson`, for importers. Every failure is a ParseError naming the
 * JSON pointer of the offending value and, when the value came from a streamed element, its line:column.
 * Pointers are passed in by the caller (built once per container) so the happy path allocates nothing.
 */
export class JsonFields {
  constructor(private readonly item: { locate(pointer: string): { line?: number; column?: number } } | null = null) {}

  /** Throw a ParseError at `pointer`. */
  fail(pointer: string, message: string): never {
    const at = this.item ? this.item.locate(pointer) : {}
    throw new ParseError(message, { ...at, pointer })
  }

  /** The value must be an object. */
  obj(v: JsonValue | undefined, ptr: string): JsonObject {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof JsonNumber) this.fail(ptr, `expected an object, found ${kindOf(v)}`)
    return v
  }

  /** The value must be an array. */
  arr(v: JsonValue | undefined, ptr: string): JsonValue[] {
    if (!Array.isArray(v)) this.fail(ptr, `expected an array, found ${kindOf(v)}`)
    return v
  }

  /** A required string field. */
  str(o: JsonObject, key: string, ptr: string): string {
    const v = o[key]
    if (typeof v !== 'string') this.fail(ptr + '/' + key, v === undefined ? `missing field "${key}"` : `"${key}" must be a string, found ${kindOf(v)}`)
    return v
  }

  /** An optional string field (absent or null → undefined). */
  optStr(o: JsonObject, key: string, ptr: string): string | undefined {
    const v = o[key]
    if (v === undefined || v === null) return undefined
    if (typeof v !== 'string') this.fail(ptr + '/' + key, `"${key}" must be a string, found ${kindOf(v)}`)
    return v
  }

  /** A required boolean field. */
  bool(o: JsonObject, key: string, ptr: string): boolean {
    const v = o[key]
    if (typeof v !== 'boolean') this.fail(ptr + '/' + key, v === undefined ? `missing field "${key}"` : `"${key}" must be true or false, found ${kindOf(v)}`)
    return v
  }

  /** An optional boolean field. */
  optBool(o: JsonObject, key: string, ptr: string): boolean | undefined {
    const v = o[key]
    if (v === undefined || v === null) return undefined
    return this.bool(o, key, ptr)
  }

  /** A required integer field (JSON number without fraction/exponent) as bigint, with optional bounds. */
  int(o: JsonObject, key: string, ptr: string, min?: bigint, max?: bigint): bigint {
    const v = o[key]
    if (v === undefined) this.fail(ptr + '/' + key, `missing field "${key}"`)
    return this.intValue(v, ptr + '/' + key, key, min, max)
  }

  /** An optional integer field (absent or null → undefined). */
  optInt(o: JsonObject, key: string, ptr: string, min?: bigint, max?: bigint): bigint | undefined {
    const v = o[key]
    if (v === undefined || v === null) return undefined
    return this.intValue(v, ptr + '/' + key, key, min, max)
  }

  /** A small non-negative integer (vout, height, time) as a JS number; refuses anything above 2^53. */
  small(o: JsonObject, key: string, ptr: string): number {
    const v = o[key]
    // A JsonInt is a non-negative integer below 10^15: in range, and already a number.
    if (v instanceof JsonInt) return v.value
    return Number(this.int(o, key, ptr, 0n, 9007199254740991n))
  }

  /** Optional small integer. */
  optSmall(o: JsonObject, key: string, ptr: string): number | undefined {
    const v = o[key]
    if (v instanceof JsonInt) return v.value
    const n = this.optInt(o, key, ptr, 0n, 9007199254740991n)
    return n === undefined ? undefined : Number(n)
  }

  /** An integer from a JSON number, checked against bounds. */
  intValue(v: JsonValue, ptr: string, name: string, min?: bigint, max?: bigint): bigint {
    if (!(v instanceof JsonNumber)) this.fail(ptr, `"${name}" must be an integer, found ${kindOf(v)}`)
    // A JsonInt's text is known to be a plain integer; its BigInt is exact from the number.
    if (!(v instanceof JsonInt) && !INTEGER.test(v.text)) this.fail(ptr, `"${name}" must be an integer, found ${v.text}`)
    const n = v instanceof JsonInt ? BigInt(v.value) : BigInt(v.text)
    if (min !== undefined && n < min) this.fail(ptr, `"${name}" is ${v.text}, below ${min}`)
    if (max !== undefined && n > max) this.fail(ptr, `"${name}" is ${v.text}, above ${max}`)
    return n
  }
}

const INTEGER = /^-?(0|[1-9][0-9]*)$/

/** "a string", "a number", "null"… for error messages. */
export function kindOf(v: JsonValue | undefined): string {
  if (v === undefined) return 'nothing'
  if (v === null) return 'null'
  if (v instanceof JsonNumber) return `the number ${v.text}`
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'object') return 'an object'
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`
  return String(v)
}
