import { useEffect, useState } from 'react';
import { searchCompanies, type CompanyRow } from './api.ts';
import { hrefOf } from './routes.ts';

const STATUS_LABELS: Record<string, string> = {
  key: 'Key account',
  candidate: 'Candidate',
  former: 'Former key account',
  none: 'Not a key account',
};

// The portal's companies, key accounts and candidates first, searchable by name or domain.
type SearchResult = { status: 'error'; message: string } | { status: 'success'; companies: CompanyRow[] };

export function CompanyList() {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  // The last answer, for the query it answers: while a newer query is on its way the list is loading.
  const [answer, setAnswer] = useState<{ query: string; result: SearchResult } | null>(null);
  const state: { status: 'loading' } | SearchResult = answer?.query === query ? answer.result : { status: 'loading' };

  useEffect(() => {
    // Search once the user pauses typing, not on every key.
    const timer = setTimeout(() => setQuery(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);

  useEffect(() => {
    let current = true;
    searchCompanies(query).then(
      (companies) => current && setAnswer({ query, result: { status: 'success', companies } }),
      (error: Error) => current && setAnswer({ query, result: { status: 'error', message: error.message } }),
    );
    return () => {
      current = false;
    };
  }, [query]);

  return (
    <main className="preview-page">
      <div className="preview-page__title">
        <h1>Companies</h1>
        <input
          className="preview-search"
          type="search"
          aria-label="Search companies"
          placeholder="Search by name or domain"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      {state.status === 'loading' && <p role="status">Loading companies…</p>}
      {state.status === 'error' && <p role="alert">Could not load the companies: {state.message}</p>}
      {state.status === 'success' && (
        <table className="preview-table" aria-label="Companies">
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">Domain</th>
              <th scope="col">Key account status</th>
              <th scope="col">Suggested</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {state.companies.map((company) => (
              <tr key={company.id}>
                <td>
                  <a href={hrefOf({ page: 'company', companyId: company.id })}>{company.name}</a>
                </td>
                <td>{company.domain}</td>
                <td>{STATUS_LABELS[company.status ?? 'none'] ?? company.status}</td>
                <td>{company.suggestedStatus ? STATUS_LABELS[company.suggestedStatus] : ''}</td>
                {/* As HubSpot's own list shows a number property: the value stored, to the tenth recalculation keeps. */}
                <td className="preview-table__number">{company.score ?? ''}</td>
              </tr>
            ))}
            {state.companies.length === 0 && (
              <tr>
                <td colSpan={5}>No company matches “{query}”.</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </main>
  );
}
