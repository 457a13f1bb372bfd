import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ApiError } from '../../shared/api/errors'

/** Tag-set files of the starter set (resources/labels/*.json), in name order. */
export function starterFiles(): string[] {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [
    process.env.CHAINTRAIL_STARTER_LABELS,
    // Packaged app: extraResources copies resources/ beside the app.
    (process as { resourcesPath?: string }).resourcesPath && join((process as { resourcesPath?: string }).resourcesPath!, 'labels'),
    resolve(here, '../../../resources/labels'), // src/core/attribution (tsx, vitest)
    resolve(here, '../../resources/labels'), // out/main bundle
    resolve(process.cwd(), 'resources/labels')
  ].filter((x): x is string => !!x)
  for (const dir of candidates) {
    if (!existsSync(dir)) continue
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    if (files.length) return files.map((f) => join(dir, f))
  }
  throw new ApiError('NOT_FOUND', `the starter label set was not found (looked in ${candidates.join(', ')})`)
}
