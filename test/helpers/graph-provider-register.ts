/**
 * TEST DOUBLE loader for processes started by tests, the e2e fixture and the bench:
 *   node --import tsx --import ./test/helpers/graph-provider-register.ts src/cli/index.ts …
 * registers the graph test-double provider over CHAINTRAIL_TEST_GRAPH_FIXTURE (default ronin-peel.json).
 * It answers only for a case whose evidence locker holds that exact file.
 */
import { registerFixtureProvider, RONIN_PEEL } from './graph-provider'

registerFixtureProvider(process.env.CHAINTRAIL_TEST_GRAPH_FIXTURE || RONIN_PEEL)
