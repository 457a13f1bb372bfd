import { useState } from 'react'
import { call } from '../../api/client'
import { Button } from '../../components/Button'
import { Hash } from '../../components/Hash'
import { Notice } from '../../components/Notice'
import { Panel } from '../../components/Panel'
import { SafeText } from '../../components/SafeText'
import { messageOf } from '../../lib/errors'
import { formatUtc, plural, summarizeDetails } from '../../lib/format'
import { useQuery } from '../../lib/useQuery'
import { useCheck } from '../../lib/useCheck'

const PAGE = 200

/** The hash-chained audit log, newest first, with a chain verification. */
export function AuditPanel({ caseId, revision }: { caseId: string; revision: number }) {
  const [limit, setLimit] = useState(PAGE)
  const log = useQuery(() => call('audit.list', { caseId, limit, newestFirst: true }), [caseId, revision, limit])
  const check = useCheck(() => call('audit.verify', { caseId }))
  const verify = check.run
  const entries = log.data?.entries ?? []
  const total = log.data?.total ?? 0


  return (
    <Panel
      id="audit"
      title="Audit log"
      subtitle={`${plural(total, 'entry', 'entries')} · each entry's hash covers the previous one, so any edit breaks the chain`}
      testId="audit-panel"
      actions={
        <Button size="sm" busy={check.busy} onClick={() => void check.start()}>
          Verify audit chain
        </Button>
      }
    >
      {verify ? (
        verify.error ? (
          <Notice tone="danger" title="The audit chain could not be verified" testId="audit-verify-result" onDismiss={() => check.clear()}>
            {verify.error}
          </Notice>
        ) : verify.result?.ok ? (
          <Notice tone="ok" title={`Audit chain intact: ${plural(verify.result.count, 'entry', 'entries')} verified`} testId="audit-verify-result" onDismiss={() => check.clear()}>
            Recomputed at {formatUtc(verify.at)}. Chain head {verify.result.head ? <Hash value={verify.result.head} label="chain head" /> : '—'}
          </Notice>
        ) : verify.result ? (
          <Notice tone="danger" title={`Audit chain broken at entry ${verify.result.firstBadSeq}`} testId="audit-verify-result" onDismiss={() => check.clear()}>
            <SafeText text={verify.result.reason ?? ''} />. Entries from #{verify.result.firstBadSeq} on cannot be relied on; preserve the case folder as it is.
          </Notice>
        ) : null
      ) : null}
      {log.error ? <Notice tone="danger" title="The audit log could not be read">{messageOf(log.error)}</Notice> : null}
      <div className="ct-table-wrap">
        <table className="ct-table ct-audit-table" aria-label="Audit log">
          <thead>
            <tr>
              <th scope="col" className="ct-num">
                Seq
              </th>
              <th scope="col">Time (UTC)</th>
              <th scope="col">Examiner</th>
              <th scope="col">Action</th>
              <th scope="col">Details</th>
              <th scope="col">Entry hash</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const details = summarizeDetails(e.details)
              return (
                <tr key={e.seq}>
                  <td className="ct-num ct-mono">{e.seq}</td>
                  <td className="ct-nowrap">{formatUtc(e.time).replace(' UTC', '')}</td>
                  <td className="ct-nowrap">
                    <SafeText text={e.examiner} />
                  </td>
                  <td className="ct-nowrap">
                    <code className="ct-audit__action">{e.action}</code>
                  </td>
                  <td className="ct-audit__details" title={JSON.stringify(e.details, null, 2)}>
                    <SafeText text={details} />
                  </td>
                  <td className="ct-nowrap">
                    <Hash value={e.hash} short={12} label="entry hash" />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {total > entries.length ? (
        <div className="ct-pad ct-audit__more">
          <span className="ct-muted">
            Showing the newest {entries.length.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
          </span>
          <Button size="sm" onClick={() => setLimit((l) => l + PAGE)}>
            Show {PAGE} more
          </Button>
        </div>
      ) : null}
    </Panel>
  )
}
