import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { startDevHost } from '../devhost/server'
import { UsageError, type Command } from '../io'

/** Where cases live unless told otherwise. */
export function defaultCasesRoot(): string {
  return process.env.CHAINTRAIL_CASES_ROOT ? resolve(process.env.CHAINTRAIL_CASES_ROOT) : join(homedir(), 'Chaintrail Cases')
}

/** `chaintrail web [--cases-root DIR] [--port N]`: the app UI in a local browser through the dev host. */
export const web: Command = {
  name: 'web',
  summary: 'serve the app UI on 127.0.0.1 for a browser on this machine (dev host)',
  usage: 'web [--cases-root DIR] [--port N]',
  options: { 'cases-root': { type: 'string' }, port: { type: 'string' } },
  async run(_pos, f, g, io) {
    // The dev host is a development and browser-testing tool; a packaged app never carries it.
    if (process.versions.electron || import.meta.url.includes('.asar')) throw new UsageError('the dev host is not part of the packaged app')
    let port = 0
    if (typeof f.port === 'string') {
      port = Number(f.port)
      if (!/^\d+$/.test(f.port) || port < 1 || port > 65535) throw new UsageError('--port must be a number from 1 to 65535')
    }
    const casesRoot = typeof f['cases-root'] === 'string' ? resolve(f['cases-root']) : defaultCasesRoot()
    const host = await startDevHost({ casesRoot, port, examiner: g.examiner ?? process.env.CHAINTRAIL_EXAMINER })
    io.out(`Chaintrail dev host on ${host.origin} (loopback only), cases in ${casesRoot}`)
    io.out(`Open this URL in a browser on this machine (the token is new each start):\n\n  ${host.url}\n`)
    io.out('Press Ctrl-C to stop.')
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        void host.close().then(done)
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
  }
}
