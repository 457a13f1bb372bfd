import { basename } from 'node:path'
import { BrowserWindow, dialog, type WebContents } from 'electron'
import type { PickedFile } from '../shared/api/areas/files'
import type { CoreClient } from '../core/host/client'

const FILTERS: Record<string, Electron.FileFilter[]> = {
  import: [
    { name: 'Explorer exports', extensions: ['csv', 'tsv', 'json', 'jsonl', 'txt', 'xlsx'] },
    { name: 'All files', extensions: ['*'] }
  ],
  labels: [
    { name: 'Label files', extensions: ['yaml', 'yml', 'csv', 'json'] },
    { name: 'All files', extensions: ['*'] }
  ]
}

/**
 * `files.pick`: a native open dialog. Picked paths are staged in the core worker as not owned, so the user's
 * file is only ever read (the locker copies it) and never deleted.
 */
export async function pickFiles(core: CoreClient, sender: WebContents, input: { purpose: string; multiple: boolean }): Promise<PickedFile[]> {
  const win = BrowserWindow.fromWebContents(sender)
  const opts: Electron.OpenDialogOptions = {
    title: `Choose ${input.multiple ? 'files' : 'a file'} (${input.purpose})`,
    properties: input.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
    filters: FILTERS[input.purpose]
  }
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
  if (r.canceled) return []
  const out: PickedFile[] = []
  for (const p of r.filePaths) out.push({ uploadId: await core.stage(p, basename(p), false, p), name: basename(p) })
  return out
}
