import { z } from 'zod'

// zod 4 probes `new Function` when it builds an object schema, to decide on its JIT; under the renderer's CSP
// (no 'unsafe-eval') the swallowed probe is still reported as a violation. Import this module before any module
// that builds schemas, so they are built jitless (zod's `jitless` option; parsing results are identical).
z.config({ jitless: true })
