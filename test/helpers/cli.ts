import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { REPO_ROOT } from './fixtures'

/** Result of one CLI run. */
export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

const ENTRY = join(REPO_ROOT, 'src', 'cli', 'index.ts')

/** Run the real CLI in a child process (as a user would, through tsx). */
export function cli(args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, CHAINTRAIL_FAULT: '', ...env },
    encoding: 'utf8',
    timeout: 60_000
  })
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }
}

/** Start the CLI and SIGKILL it after `ms` milliseconds (or let it finish first). */
export function cliKilledAfter(args: string[], ms: number, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: REPO_ROOT, env: { ...process.env, CHAINTRAIL_FAULT: '', ...env } })
    let stdout = ''
    let stderr = ''
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const t = setTimeout(() => p.kill('SIGKILL'), ms)
    p.on('exit', (code, signal) => {
      clearTimeout(t)
      resolve({ code, signal, stdout, stderr })
    })
  })
}

/** Run the CLI quietly and time it; SIGKILL it after `killAfterMs` when given (the crash harness's trials). */
export function cliTimed(args: string[], env: Record<string, string>, killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  return new Promise((resolve) => {
    const t = Date.now()
    const p = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: REPO_ROOT, env: { ...process.env, CHAINTRAIL_FAULT: '', CHAINTRAIL_EXAMINER: 'crash', ...env }, stdio: 'ignore' })
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => p.kill('SIGKILL'), killAfterMs)
    p.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, ms: Date.now() - t })
    })
  })
}
