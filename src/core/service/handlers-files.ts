import { ApiError } from '../../shared/api/errors'
import type { HandlerMap } from './context'

/**
 * `files.pick` belongs to the desktop host (a native dialog in main). The core has no screen to show a dialog
 * on, so it refuses clearly; browser hosts upload the file instead.
 */
export const fileHandlers: HandlerMap<'files.pick'> = {
  'files.pick': () => {
    throw new ApiError('UNSUPPORTED', 'files.pick needs the desktop app; in a browser, upload the file instead')
  }
}
