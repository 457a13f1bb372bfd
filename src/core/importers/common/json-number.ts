/** Number values of the JSON reader (json-parse.ts, json-fast.ts). */

/** A JSON number kept exactly as written (wei and summed satoshis never pass through a JS number). */
export class JsonNumber {
  protected t: string | undefined
  constructor(text: string) {
    this.t = text
  }
  /** The number exactly as the source wrote it. */
  get text(): string {
    return this.t!
  }
  toString(): string {
    return this.text
  }
  /** As JSON.stringify printed it when `text` was a plain field. */
  toJSON(): { text: string } {
    return { text: this.text }
  }
}

/**
 * A JsonNumber whose source text is a plain non-negative integer of at most 15 digits, with that value as a JS
 * number (exact: below 2^53). Made by the fast path (json-fast.ts) so field access can skip re-reading the text.
 */
export class JsonInt extends JsonNumber {
  constructor(readonly value: number) {
    super(undefined!)
  }
  /** Made on first use (field access reads `value`; the text is for errors and the rare reader of the source text). */
  override get text(): string {
    return (this.t ??= String(this.value))
  }
}
