import canonicalizeImport from 'canonicalize'

// canonicalize ships CJS with a default export; under ESM interop it may arrive wrapped.
const canonicalize = ((canonicalizeImport as unknown as { default?: unknown }).default ?? canonicalizeImport) as (
  v: unknown
) => string | undefined

/** RFC 8785 (JCS) canonical JSON: the byte form that hashes and signatures are computed over. */
export function canonicalJson(value: unknown): string {
  const s = canonicalize(value)
  if (s === undefined) throw new TypeError('value cannot be canonicalised to JSON')
  return s
}
