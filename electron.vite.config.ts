import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Builds main, preload and renderer without needing the Electron binary (it only reads electron/package.json).
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        // parse-worker: the import parse worker (src/core/importers/worker-parse.ts looks for it beside the bundle).
        input: { index: resolve('src/main/index.ts'), 'core-worker': resolve('src/core/host/worker.ts'), 'parse-worker': resolve('src/core/importers/parse-worker.ts') }
      }
    }
  },
  preload: {
    build: {
      externalizeDeps: true,
      // A sandboxed preload must be a single CommonJS file (ESM preloads need sandbox: false).
      rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } }
    }
  },
  renderer: {
    root: 'src/renderer',
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    resolve: { alias: { '@renderer': resolve('src/renderer/src') } },
    plugins: [react()]
  }
})
