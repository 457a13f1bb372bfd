import { useState } from 'react'
import { call, uploadFile } from '../../api/client'
import type { ColumnMapping } from '../../../../shared/api/areas/mappings'
import type { FileImportResult } from '../../../../shared/api/areas/imports'
import type { CaseTabProps } from '../case/tabs'
import { MappingDialog } from './MappingDialog'

/**
 * Import any CSV/XLSX through a column mapping. A stand-in host for MappingDialog until the generic import dialog
 * embeds it (see the acct notes for the wiring); uses the browser upload path of the dev host.
 */
export function MappedImportTab({ caseId, onChanged }: CaseTabProps) {
  const [staged, setStaged] = useState<{ uploadId: string; name: string } | null>(null)
  const [result, setResult] = useState<FileImportResult | null>(null)
  const [error, setError] = useState<string | null>(null)

  async function pick(file: File | undefined) {
    if (!file) return
    setError(null)
    setResult(null)
    try {
      const { uploadId } = await uploadFile(file)
      setStaged({ uploadId, name: file.name })
    } catch (e) {
      setError((e as Error).message)
    }
  }

  async function run(mapping: ColumnMapping) {
    if (!staged) return
    try {
      const { results } = await call('imports.run', { caseId, files: [{ uploadId: staged.uploadId }], options: { mapping }, dryRun: false })
      setResult(results[0])
      setStaged(null)
      onChanged()
    } catch (e) {
      setError((e as Error).message)
    }
  }

  return (
    <section>
      <h2>Import a table by column mapping</h2>
      <label>
        CSV or XLSX file <input type="file" aria-label="CSV or XLSX file" accept=".csv,.tsv,.txt,.xlsx" onChange={(e) => {
            void pick(e.target.files?.[0])
            // Let the same file be chosen again (a second file with the same header).
            e.target.value = ''
          }} />
      </label>
      {error && (
        <p role="alert" data-testid="mapped-import-error">
          {error}
        </p>
      )}
      {staged && <MappingDialog caseId={caseId} uploadId={staged.uploadId} fileName={staged.name} onMapped={(m) => void run(m)} onCancel={() => setStaged(null)} />}
      {result && (
        <p role="status" data-testid="mapped-import-result">
          Imported <bdi>{result.file}</bdi>: {result.records} records ({Object.entries(result.counts).map(([k, v]) => `${k} ${v}`).join(', ')}).
        </p>
      )}
    </section>
  )
}
