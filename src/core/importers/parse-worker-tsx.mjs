// Source-tree entry of the parse worker (tests, CLI through tsx, benches): a worker thread does not inherit the
// parent's tsx hooks, so register them here before loading the TypeScript worker. The built app uses
// out/main/parse-worker.js instead.
import { register } from 'tsx/esm/api'

register()
await import('./parse-worker.ts')
