import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { APP_VERSION } from '../../../src/core/version'
import { REPO_ROOT } from '../../helpers/fixtures'

it('the version recorded in audit entries is the package version', () => {
  expect(APP_VERSION).toBe((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version)
})
