import { useEffect, useState } from 'react'
import { bridge, call, uploadFile } from '../../api/client'
import type { FileImportResult } from '../../../../shared/api/areas/imports'
import type { ProgressEvent } from '../../../../shared/api/contract'
import type { ColumnMapping } from '../../../../shared/api/areas/mappings'

/** A file staged for import, with its dry-run preview once known. */
export interface StagedImport {
  name: string
  uploadId: string
  /** A column mapping the analyst made for this file (generic CSV/XLSX); it is then read as generic-mapped. */
  mapping?: ColumnMapping
  preview?: { ok: true; result: FileImportResult } | { ok: false; error: string }
}

/** `file:line:column: message` when the error names where it happened (parse errors always do). */
function message(e: unknown): string {
  if (!(e instanceof Error)) return String(e)
  const w = e as Error & { file?: string; line?: number; column?: number }
  const where = w.file ? `${w.file}${w.line ? `:${w.line}` : ''}${w.column ? `:${w.column}` : ''}: ` : ''
  return where + e.message
}

/**
 * The import flow behind the dialog: stage files (native picker in the desktop app, upload in the browser dev
 * host), preview each with a dry run (`imports.run` dryRun:true: detected format and record counts, nothing
 * stored), then run them as one import with progress, and keep the result summary.
 */
export function useImport(caseId: string) {
  const [files, setFiles] = useState<StagedImport[]>([])
  const [format, setFormat] = useState<string>('')
  const [busy, setBusy] = useState<'staging' | 'previewing' | 'importing' | null>(null)
  const [progress, setProgress] = useState<ProgressEvent | null>(null)
  const [results, setResults] = useState<FileImportResult[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => bridge.on('progress', (p) => setProgress(p as ProgressEvent)), [])

  async function preview(list: StagedImport[], fmt: string): Promise<StagedImport[]> {
    const out: StagedImport[] = []
    for (const f of list) {
      try {
        const r = await call('imports.run', { caseId, files: [{ uploadId: f.uploadId }], format: f.mapping ? undefined : fmt || undefined, options: f.mapping ? { mapping: f.mapping } : undefined, dryRun: true })
        out.push({ ...f, preview: { ok: true, result: r.results[0] } })
      } catch (e) {
        out.push({ ...f, preview: { ok: false, error: message(e) } })
      }
    }
    return out
  }

  async function add(staged: { name: string; uploadId: string }[]): Promise<void> {
    setError(null)
    setResults(null)
    setBusy('previewing')
    try {
      const previewed = await preview(staged, format)
      setFiles((old) => [...old, ...previewed])
    } finally {
      setBusy(null)
    }
  }

  return {
    files,
    format,
    busy,
    progress,
    results,
    error,
    /** Browser files (drop or chooser) → uploads → previews. */
    async addBrowserFiles(list: File[]) {
      setBusy('staging')
      try {
        const staged = []
        for (const f of list) staged.push({ name: f.name, ...(await uploadFile(f)) })
        await add(staged)
      } catch (e) {
        setError(message(e))
        setBusy(null)
      }
    },
    /** The desktop app's native picker. */
    async pickNative() {
      try {
        const picked = await call('files.pick', { purpose: 'import', multiple: true })
        await add(picked.map((p) => ({ name: p.name, uploadId: p.uploadId })))
      } catch (e) {
        setError(message(e))
      }
    },
    async setFormatAndRepreview(fmt: string) {
      setFormat(fmt)
      setBusy('previewing')
      try {
        setFiles(await preview(files, fmt))
      } finally {
        setBusy(null)
      }
    },
    /** Attach a column mapping to one staged file and preview it again through that mapping. */
    async setMapping(uploadId: string, mapping: ColumnMapping) {
      setBusy('previewing')
      try {
        const target = files.find((f) => f.uploadId === uploadId)
        if (!target) return
        const [again] = await preview([{ ...target, mapping }], format)
        setFiles((old) => old.map((f) => (f.uploadId === uploadId ? again : f)))
      } finally {
        setBusy(null)
      }
    },
    remove(uploadId: string) {
      setFiles((old) => old.filter((f) => f.uploadId !== uploadId))
    },
    async run(): Promise<boolean> {
      setBusy('importing')
      setProgress(null)
      setError(null)
      try {
        // Options apply to a whole call, so files read through their own column mapping import one call each;
        // every call is still all-or-nothing.
        const plain = files.filter((f) => !f.mapping)
        const all: FileImportResult[] = []
        if (plain.length) all.push(...(await call('imports.run', { caseId, files: plain.map((f) => ({ uploadId: f.uploadId })), format: format || undefined, dryRun: false })).results)
        for (const f of files.filter((x) => x.mapping)) {
          all.push(...(await call('imports.run', { caseId, files: [{ uploadId: f.uploadId }], options: { mapping: f.mapping! }, dryRun: false })).results)
        }
        setResults(all)
        setFiles([])
        return true
      } catch (e) {
        setError(message(e))
        return false
      } finally {
        setBusy(null)
      }
    }
  }
}
