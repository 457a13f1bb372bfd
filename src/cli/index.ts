import { main } from './main'

// Entry point: stdout for results, stderr for the one-sentence error, exit code from main().
main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n')
}).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`chaintrail: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 1
  }
)
