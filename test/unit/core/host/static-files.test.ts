import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveStatic } from '../../../../src/core/host/static-files'
import { tmpDir } from '../../../helpers/tmp'

// Shared by the dev host and Electron's app:// handler (RELIABILITY §3 item 18).
describe('resolveStatic', () => {
  function tree() {
    const base = tmpDir('ct-static-')
    const root = join(base, 'renderer')
    mkdirSync(join(root, 'assets'), { recursive: true })
    writeFileSync(join(root, 'index.html'), '<!doctype html>')
    writeFileSync(join(root, 'assets', 'app.js'), '1')
    writeFileSync(join(base, 'package.json'), '{}')
    symlinkSync(join(base, 'package.json'), join(root, 'assets', 'link.json'))
    symlinkSync(base, join(root, 'up'))
    return root
  }

  it('serves files inside the root, / as index.html, with a content type', () => {
    const root = tree()
    expect(resolveStatic(root, '/')).toMatchObject({ type: 'text/html; charset=utf-8' })
    expect(resolveStatic(root, '/assets/app.js?v=1#x')).toMatchObject({ size: 1, type: 'text/javascript; charset=utf-8' })
    expect(resolveStatic(root, '/assets/%61pp.js')).toBeDefined()
  })

  it('refuses traversal in every spelling, symlinks out of the root, directories and bad escapes', () => {
    const root = tree()
    for (const p of [
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/assets/../../package.json',
      '/..%5cpackage.json',
      '/..\\package.json',
      '/%5c..%5cpackage.json',
      '/assets/link.json',
      '/up/package.json',
      '/assets',
      '/%00',
      '/%',
      '/./index.html'
    ]) {
      expect(resolveStatic(root, p), p).toBeUndefined()
    }
  })
})
