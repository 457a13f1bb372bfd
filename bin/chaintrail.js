#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx chaintrail` works straight after `npm install`.
import { register } from 'tsx/esm/api'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

register()
const here = dirname(fileURLToPath(import.meta.url))
await import(join(here, '..', 'src', 'cli', 'index.ts'))
