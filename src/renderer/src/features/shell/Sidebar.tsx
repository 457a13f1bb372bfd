import type { CaseSummary } from '../../../../shared/api/areas/cases'
import { isDesktop } from '../../api/client'
import { SafeText } from '../../components/SafeText'
import { CASE_TABS } from '../case/registry'
import './shell.css'

/** What the main area shows. */
export type Route = { kind: 'library' } | { kind: 'case'; caseId: string; tab: string }

/** The dark navigation rail: library, the open case and its tabs (from CASE_TABS), and where cases live. */
export function Sidebar({ route, openCase, root, onNavigate }: { route: Route; openCase?: CaseSummary; root?: string; onNavigate(r: Route): void }) {
  return (
    <nav className="ct-rail" aria-label="Main">
      <div className="ct-rail__brand">
        <svg className="ct-rail__logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 7.5 12 3l8 4.5v9L12 21l-8-4.5z" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 9.7 12 7.5l4 2.2v4.6L12 16.5l-4-2.2z" fill="currentColor" opacity="0.9" />
        </svg>
        <div>
          <div className="ct-rail__name">Chaintrail</div>
          <div className="ct-rail__tagline">Investigation case manager</div>
        </div>
      </div>

      <ul className="ct-rail__list">
        <li>
          <button type="button" className="ct-rail__item" aria-current={route.kind === 'library' ? 'page' : undefined} onClick={() => onNavigate({ kind: 'library' })}>
            <span className="ct-rail__icon" aria-hidden="true">
              ▤
            </span>
            Case library
          </button>
        </li>
      </ul>

      {route.kind === 'case' ? (
        <div className="ct-rail__case">
          <div className="ct-rail__section">Open case</div>
          <div className="ct-rail__casecard" title={openCase ? `${openCase.caseNumber} — ${openCase.title}` : undefined}>
            <div className="ct-rail__casenum">{openCase ? <SafeText text={openCase.caseNumber} /> : '…'}</div>
            <div className="ct-rail__casetitle">{openCase ? <SafeText text={openCase.title} /> : null}</div>
          </div>
          <ul className="ct-rail__list" aria-label="Case sections">
            {CASE_TABS.map((t) => (
              <li key={t.id}>
                <button
                  type="button"
                  className="ct-rail__item ct-rail__item--tab"
                  aria-current={route.tab === t.id ? 'page' : undefined}
                  onClick={() => onNavigate({ kind: 'case', caseId: route.caseId, tab: t.id })}
                  data-testid={`case-tab-${t.id}`}
                >
                  {t.title}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="ct-rail__footer">
        <div className="ct-rail__section">Cases folder</div>
        <div className="ct-rail__path" title={root}>
          <SafeText text={root ?? '…'} mono />
        </div>
        <div className="ct-rail__host">
          <span className={`ct-rail__dot${isDesktop ? '' : ' ct-rail__dot--web'}`} aria-hidden="true" />
          {isDesktop ? 'Desktop app · offline' : 'Browser · loopback dev host'}
        </div>
      </div>
    </nav>
  )
}
