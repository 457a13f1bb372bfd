import type { CaseSummary } from '../../../../shared/api/areas/cases'
import { Badge } from '../../components/Notice'
import { SafeText } from '../../components/SafeText'
import { formatUtc, plural } from '../../lib/format'

/** The open case's identity: number, title, agency, examiner, and whether it can be changed. */
export function CaseHeader({ summary, onLibrary }: { summary?: CaseSummary; onLibrary(): void }) {
  return (
    <header className="ct-case-header" data-testid="case-header">
      <nav className="ct-breadcrumb" aria-label="Breadcrumb">
        <button type="button" className="ct-breadcrumb__link" onClick={onLibrary}>
          Case library
        </button>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{summary ? <SafeText text={summary.caseNumber} /> : '…'}</span>
      </nav>
      <div className="ct-case-header__row">
        <div className="ct-case-header__id">
          <div className="ct-case-header__number">{summary ? <SafeText text={summary.caseNumber} /> : '\u00a0'}</div>
          <h1 className="ct-case-header__title">{summary ? <SafeText text={summary.title} /> : 'Opening case…'}</h1>
        </div>
        <div className="ct-case-header__badges">
          {summary?.readOnly ? (
            <Badge tone="warn" title="The case folder is not writable; nothing can be added or changed.">
              Read-only
            </Badge>
          ) : summary ? (
            <Badge tone="ok">Open for writing</Badge>
          ) : null}
          {summary ? <Badge>{plural(summary.evidenceCount, 'evidence file')}</Badge> : null}
          {summary ? <Badge>{plural(summary.auditCount, 'audit entry', 'audit entries')}</Badge> : null}
        </div>
      </div>
      {summary ? (
        <dl className="ct-case-header__meta">
          <div>
            <dt>Agency</dt>
            <dd>{summary.agency ? <SafeText text={summary.agency} /> : '—'}</dd>
          </div>
          <div>
            <dt>Examiner</dt>
            <dd>
              <SafeText text={summary.examiner} />
            </dd>
          </div>
          <div>
            <dt>Jurisdiction</dt>
            <dd>{summary.jurisdiction ? <SafeText text={summary.jurisdiction} /> : '—'}</dd>
          </div>
          <div>
            <dt>Opened</dt>
            <dd>{formatUtc(summary.createdAt)}</dd>
          </div>
          <div>
            <dt>Last change</dt>
            <dd>{formatUtc(summary.updatedAt)}</dd>
          </div>
        </dl>
      ) : null}
    </header>
  )
}
