import { open } from 'node:fs/promises'
import { ApiError } from '../../shared/api/errors'

/** Bytes read from the front of a file for detection. */
export const HEAD_BYTES = 64 * 1024

/** Read up to HEAD_BYTES from the start of a file (never more, whatever the file's size). */
export async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(HEAD_BYTES)
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}

const MAGIC: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a ZIP archive (or XLSX workbook)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]]
]

/**
 * Refuse what is plainly not an export before any parser sees it: empty files, known binary formats renamed
 * to .csv/.json, and bytes with NULs (binary data). UTF-16 text (spreadsheet saves) is allowed through: it
 * starts with a BOM and parsers decode it explicitly.
 */
export function rejectNonText(head: Buffer, fileName: string, allow: { zip?: boolean } = {}): void {
  if (head.length === 0) throw new ApiError('PARSE', 'the file is empty (0 bytes)', { file: fileName })
  // A ZIP container (XLSX) the caller asked for is binary by nature; its reader validates it.
  if (allow.zip && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return
  for (const [what, sig] of MAGIC) {
    if (allow.zip && sig[0] === 0x50) continue
    if (sig.every((b, i) => head[i] === b)) throw new ApiError('PARSE', `this is ${what}, not an explorer export`, { file: fileName })
  }
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)
  if (!utf16) {
    const nul = head.indexOf(0)
    if (nul >= 0) throw new ApiError('PARSE', `binary data (a NUL byte at offset ${nul}), not a text export`, { file: fileName })
  }
}
