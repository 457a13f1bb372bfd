import { defineConfig } from '@playwright/test'

// Debian's chromium (no browser download): see TOOLCHAIN.md §6. Flags keep it quiet and offline.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export default defineConfig({
  testDir: './test/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  fullyParallel: false,
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHAINTRAIL_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS }
  },
  projects: [
    { name: 'web', testDir: './test/e2e/web' },
    { name: 'electron', testDir: './test/e2e/electron' }
  ]
})
