import { parseArgs } from 'node:util'
import { initChains } from '../core/chains/init'
import { APP_VERSION } from '../core/version'
import { COMMANDS } from './commands/index'
import { CheckFailed, describeError, UsageError, type Command, type GlobalFlags, type Io } from './io'

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  examiner: { type: 'string' }
} as const

function helpText(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length))
  return [
    `chaintrail ${APP_VERSION} — offline case manager for cryptocurrency investigations`,
    '',
    'Usage: chaintrail <command> [arguments] [--json] [--debug] [--examiner NAME]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
    '',
    'Run `chaintrail <command> --help` for a command’s arguments.',
    'Exit codes: 0 ok, 1 failure or failed check, 2 usage error.'
  ].join('\n')
}

function findCommand(argv: string[]): { cmd: Command; rest: string[] } | undefined {
  const words = argv.filter((a) => !a.startsWith('-')).slice(0, 2)
  for (const n of [2, 1]) {
    const name = words.slice(0, n).join(' ')
    const cmd = COMMANDS.find((c) => c.name === name)
    if (cmd) {
      const rest = [...argv]
      for (const w of words.slice(0, n)) rest.splice(rest.indexOf(w), 1)
      return { cmd, rest }
    }
  }
  return undefined
}

/** Run the CLI with `argv` (without node and script); resolves to the process exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug')
  try {
    if (argv.includes('--version')) {
      io.out(APP_VERSION)
      return 0
    }
    const found = findCommand(argv)
    if (!found) {
      if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
        io.out(helpText())
        return 0
      }
      throw new UsageError(`unknown command "${argv.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')}"; run chaintrail --help`)
    }
    const { cmd, rest } = found
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`Usage: chaintrail ${cmd.usage}\n\n${cmd.summary}`)
      return 0
    }
    if (rest.includes('--passphrase') || rest.some((a) => a.startsWith('--passphrase='))) {
      throw new UsageError('a passphrase is never taken on the command line; set CHAINTRAIL_P12_PASSPHRASE or answer the prompt')
    }
    let parsed
    try {
      parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...(cmd.options ?? {}) }, allowPositionals: true, strict: true })
    } catch (e) {
      throw new UsageError((e as Error).message)
    }
    const v = parsed.values as Record<string, unknown>
    const g: GlobalFlags = { json: !!v.json, debug, examiner: typeof v.examiner === 'string' ? v.examiner : undefined }
    initChains()
    await cmd.run(parsed.positionals, v, g, io)
    return 0
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`chaintrail: ${e.message}`)
      return 2
    }
    if (e instanceof CheckFailed) {
      io.err(`chaintrail: ${e.message}`)
      return 1
    }
    io.err(`chaintrail: ${describeError(e)}`)
    if (debug && e instanceof Error && e.stack) io.err(e.stack)
    return 1
  }
}
