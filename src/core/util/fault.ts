/**
 * Named crash points for the crash harness (RELIABILITY §1): with CHAINTRAIL_FAULT=kill@<point> the process
 * kills itself with SIGKILL when it reaches <point>. Without the variable this is a no-op.
 */
export type FaultPoint = 'after-evidence-fsync' | 'before-commit' | 'after-commit' | 'mid-rename' | 'mid-import'

const spec = process.env.CHAINTRAIL_FAULT ?? ''

/** Die here if the crash harness asked for it. */
export function faultPoint(name: FaultPoint): void {
  if (spec && spec === `kill@${name}`) process.kill(process.pid, 'SIGKILL')
}
