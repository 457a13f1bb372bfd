import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (two levels above this file). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The real explorer/label samples shared beside the checkout (../shared/fixtures), not copied into the repo. */
export const SHARED_FIXTURES = process.env.CHAINTRAIL_SHARED_FIXTURES ?? resolve(REPO_ROOT, '..', 'shared', 'fixtures')

/** Fixtures authored for this repo. */
export const LOCAL_FIXTURES = join(REPO_ROOT, 'test', 'fixtures')

const present = existsSync(SHARED_FIXTURES)

/**
 * Why shared-fixture tests skip here, or undefined when they can run. CI sets CHAINTRAIL_REQUIRE_FIXTURES=1,
 * which turns the absence into a failure instead of a skip.
 */
export const sharedFixturesMissing: string | undefined = present
  ? undefined
  : `real explorer samples not found at ${SHARED_FIXTURES} (clone ../shared beside the checkout)`

if (!present && process.env.CHAINTRAIL_REQUIRE_FIXTURES === '1') {
  throw new Error(`CHAINTRAIL_REQUIRE_FIXTURES=1 but ${sharedFixturesMissing}`)
}

/** Absolute path of a shared sample, e.g. shared('esplora/tx.json'). */
export function shared(rel: string): string {
  return join(SHARED_FIXTURES, rel)
}
