import { useMemo, useState } from 'react'
import type { CaseSummary } from '../../../../shared/api/areas/cases'
import { Button } from '../../components/Button'
import { Badge, Notice } from '../../components/Notice'
import { EmptyState, Panel } from '../../components/Panel'
import { SafeText } from '../../components/SafeText'
import { messageOf } from '../../lib/errors'
import { formatUtc, plural } from '../../lib/format'
import { NewCaseDialog } from './NewCaseDialog'
import type { LibraryData } from './useLibrary'
import './library.css'

/** The case library: every case folder in the cases folder, newest activity first. */
export function CaseLibrary({ library, error, onOpen, onCreated }: { library?: LibraryData; error?: unknown; onOpen(id: string): void; onCreated(c: CaseSummary): void }) {
  const [creating, setCreating] = useState(false)
  const [filter, setFilter] = useState('')
  const cases = useMemo(() => {
    const q = filter.trim().toLowerCase()
    const all = library?.cases ?? []
    if (!q) return all
    return all.filter((c) => [c.caseNumber, c.title, c.agency, c.examiner].some((v) => v.toLowerCase().includes(q)))
  }, [library, filter])
  const total = library?.cases.length ?? 0
  return (
    <div className="ct-page">
      <header className="ct-page-header">
        <div>
          <h1>Case library</h1>
          <p className="ct-page-header__sub">
            {library ? `${plural(total, 'case')} in the cases folder` : 'Loading…'}
          </p>
        </div>
        <div className="ct-page-header__actions">
          <input className="ct-input ct-library__filter" type="search" placeholder="Filter by number, title, agency, examiner" aria-label="Filter cases" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
          <Button variant="primary" onClick={() => setCreating(true)} icon={<span className="ct-btn__icon" aria-hidden="true">+</span>}>
            New case
          </Button>
        </div>
      </header>

      {error ? <Notice tone="danger" title="The case library could not be read">{messageOf(error)}</Notice> : null}
      {library?.unreadable.length ? (
        <Notice tone="warn" title={`${plural(library.unreadable.length, 'folder')} could not be opened`}>
          <ul className="ct-library__unreadable">
            {library.unreadable.map((u) => (
              <li key={u.folder}>
                <SafeText text={u.folder} mono />: <SafeText text={u.reason} />
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}

      <Panel title="Cases" subtitle="Select a case and press Enter, or click it, to open it." testId="case-library">
        {library && total === 0 ? (
          <EmptyState
            title="No cases yet"
            action={
              <Button variant="primary" onClick={() => setCreating(true)}>
                Create the first case
              </Button>
            }
          >
            Each case keeps its evidence locker, imported data and a hash-chained audit log in one folder.
          </EmptyState>
        ) : library && cases.length === 0 ? (
          <EmptyState title="No case matches the filter" />
        ) : (
          <div className="ct-table-wrap">
            <table className="ct-table ct-library__table">
              <thead>
                <tr>
                  <th scope="col">Case number</th>
                  <th scope="col">Title</th>
                  <th scope="col">Agency</th>
                  <th scope="col">Examiner</th>
                  <th scope="col" className="ct-num">
                    Evidence
                  </th>
                  <th scope="col" className="ct-num">
                    Audit entries
                  </th>
                  <th scope="col">Last updated</th>
                  <th scope="col">
                    <span className="ct-visually-hidden">Status</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr
                    key={c.id}
                    className="ct-row-link"
                    tabIndex={0}
                    data-case-row={c.id}
                    aria-label={`Open case ${c.caseNumber}: ${c.title}`}
                    onClick={() => onOpen(c.id)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault()
                        onOpen(c.id)
                      }
                    }}
                  >
                    <td className="ct-nowrap">
                      <span className="ct-library__num">
                        <SafeText text={c.caseNumber} />
                      </span>
                    </td>
                    <td className="ct-library__title">
                      <SafeText text={c.title} />
                    </td>
                    <td>{c.agency ? <SafeText text={c.agency} /> : <span className="ct-muted">—</span>}</td>
                    <td>
                      <SafeText text={c.examiner} />
                    </td>
                    <td className="ct-num">{c.evidenceCount.toLocaleString('en-US')}</td>
                    <td className="ct-num">{c.auditCount.toLocaleString('en-US')}</td>
                    <td className="ct-nowrap">{formatUtc(c.updatedAt)}</td>
                    <td className="ct-nowrap">{c.readOnly ? <Badge tone="warn">Read-only</Badge> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      {creating ? (
        <NewCaseDialog
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false)
            onCreated(c)
          }}
        />
      ) : null}
    </div>
  )
}
