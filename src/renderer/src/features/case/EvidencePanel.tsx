import { useState } from 'react'
import type { CaseSummary } from '../../../../shared/api/areas/cases'
import { call } from '../../api/client'
import { Button } from '../../components/Button'
import { Hash } from '../../components/Hash'
import { Notice } from '../../components/Notice'
import { EmptyState, Panel } from '../../components/Panel'
import { SafeText } from '../../components/SafeText'
import { messageOf } from '../../lib/errors'
import { formatBytes, formatBytesExact, formatUtc, plural } from '../../lib/format'
import { useQuery } from '../../lib/useQuery'
import { useCheck } from '../../lib/useCheck'
import { AddEvidenceDialog, type AddedEvidence } from './AddEvidenceDialog'

/** The evidence locker: every file received, its full SHA-256, and a re-hash check. */
export function EvidencePanel({ summary, revision, onChanged }: { summary: CaseSummary; revision: number; onChanged(): void }) {
  const caseId = summary.id
  const list = useQuery(() => call('evidence.list', { caseId }), [caseId, revision])
  const [adding, setAdding] = useState(false)
  const [added, setAdded] = useState<AddedEvidence[]>()
  const check = useCheck(() => call('evidence.verify', { caseId }))
  const verify = check.run
  const items = list.data ?? []


  return (
    <Panel
      id="evidence"
      title="Evidence locker"
      subtitle={`${plural(items.length, 'file')} · originals stored once by SHA-256, read-only`}
      testId="evidence-panel"
      actions={
        <>
          <Button size="sm" busy={check.busy} onClick={() => void check.start()} disabled={!items.length}>
            Verify evidence
          </Button>
          <Button size="sm" variant="primary" onClick={() => setAdding(true)} disabled={summary.readOnly} title={summary.readOnly ? 'The case is read-only' : undefined}>
            Add evidence…
          </Button>
        </>
      }
    >
      {added?.map((r, i) =>
        r.error ? (
          <Notice key={i} tone="danger" title={<>Not added: <SafeText text={r.name} /></>} onDismiss={() => setAdded(undefined)}>
            {r.error}
          </Notice>
        ) : r.duplicate && r.item ? (
          <Notice key={i} tone="warn" testId="duplicate-notice" title={<>Already in the locker: <SafeText text={r.name} /></>} onDismiss={() => setAdded(undefined)}>
            Identical bytes were received before as “<SafeText text={r.item.originalName} />” on {formatUtc(r.item.receivedAt)}. No second copy was stored; this receipt was
            recorded in the audit log. SHA-256 <Hash value={r.item.sha256} copy={false} />
          </Notice>
        ) : r.item ? (
          <Notice key={i} tone="ok" testId="added-notice" title={<>Added to the locker: <SafeText text={r.name} /></>} onDismiss={() => setAdded(undefined)}>
            {formatBytesExact(r.item.size)} · SHA-256 <Hash value={r.item.sha256} copy={false} />
          </Notice>
        ) : null
      )}
      {verify ? (
        verify.error ? (
          <Notice tone="danger" title="Verification could not run" testId="evidence-verify-result" onDismiss={() => check.clear()}>
            {verify.error}
          </Notice>
        ) : verify.result?.ok ? (
          <Notice tone="ok" title={`All ${plural(verify.result.checked, 'locker file')} match their recorded SHA-256`} testId="evidence-verify-result" onDismiss={() => check.clear()}>
            Re-hashed from disk at {formatUtc(verify.at)}.
          </Notice>
        ) : verify.result ? (
          <Notice tone="danger" title={`${plural(verify.result.problems.length, 'locker file')} failed verification`} testId="evidence-verify-result" onDismiss={() => check.clear()}>
            <ul className="ct-problems">
              {verify.result.problems.map((p) => (
                <li key={p.sha256}>
                  <SafeText text={p.originalName} /> — <SafeText text={p.problem} /> <Hash value={p.sha256} short={16} copy={false} />
                </li>
              ))}
            </ul>
          </Notice>
        ) : null
      ) : null}
      {list.error ? <Notice tone="danger" title="The evidence list could not be read">{messageOf(list.error)}</Notice> : null}
      {!list.loading && !items.length ? (
        <EmptyState
          title="No evidence yet"
          action={
            summary.readOnly ? null : (
              <Button variant="primary" onClick={() => setAdding(true)}>
                Add evidence…
              </Button>
            )
          }
        >
          Add explorer exports, exchange responses and other source files. Each is hashed on receipt and kept unchanged.
        </EmptyState>
      ) : items.length ? (
        <div className="ct-table-wrap">
          <table className="ct-table ct-evidence-table" aria-label="Evidence files">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col" className="ct-num">
                  Size
                </th>
                <th scope="col">SHA-256</th>
                <th scope="col">Received (UTC)</th>
                <th scope="col">Examiner</th>
                <th scope="col">Source note</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} data-sha256={e.sha256}>
                  <td className="ct-evidence__name">
                    <SafeText text={e.originalName} />
                  </td>
                  <td className="ct-num" title={formatBytesExact(e.size)}>
                    {formatBytes(e.size)}
                  </td>
                  <td className="ct-evidence__hash">
                    <Hash value={e.sha256} />
                  </td>
                  <td className="ct-nowrap">{formatUtc(e.receivedAt).replace(' UTC', '')}</td>
                  <td className="ct-nowrap">
                    <SafeText text={e.examiner} />
                  </td>
                  <td className="ct-evidence__note">{e.note ? <SafeText text={e.note} /> : <span className="ct-muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {adding ? (
        <AddEvidenceDialog
          caseId={caseId}
          onClose={() => setAdding(false)}
          onDone={(r) => {
            setAdding(false)
            setAdded(r)
            check.clear()
            onChanged()
          }}
        />
      ) : null}
    </Panel>
  )
}
