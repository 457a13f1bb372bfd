import { z } from 'zod'

/** One file the desktop host picked and staged: the id later calls take, and the name to show. */
export const PickedFile = z.object({ uploadId: z.string(), name: z.string() })
export type PickedFile = z.infer<typeof PickedFile>

/**
 * Host-only file choosing. The desktop app answers `files.pick` with a native dialog in main and stages the
 * picked paths in the core (never copying or touching the user's file until a call consumes it); the core
 * itself and the browser dev host answer UNSUPPORTED, and the renderer uses an upload there instead.
 */
export const filesArea = {
  'files.pick': {
    input: z
      .object({
        /** What the file is for; shown in the dialog title and used to pick filters. */
        purpose: z.string().regex(/^[a-z][a-z-]{0,31}$/, 'a short lower-case purpose such as "evidence"'),
        multiple: z.boolean().default(false)
      })
      .strict(),
    output: z.array(PickedFile),
    mutates: false
  }
} as const
