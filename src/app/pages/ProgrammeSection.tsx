import { Heading, Link, Text } from '@hubspot/ui-extensions';
import type { PortfolioOverview, ProgrammeAccount } from '../../contracts/portfolio-overview.ts';
import type { Formatters } from '../ui/format.ts';
import { STATUS_LABELS } from '../ui/labels.ts';
import { ListTable } from './ListTable.tsx';
import { companyRecordUrl } from '../../contracts/record-link.ts';
import { satisfactionCell } from '../ui/satisfaction-words.ts';

// Who is in the programme, and where the tags and the criteria disagree: each company links to its
// record, where the Keystone card tags or untags it with a reason. Everyone reads the lists; only a
// manager is told what to do on each record.
export function ProgrammeSection({
  overview,
  format,
  portalId,
}: {
  overview: PortfolioOverview;
  format: Formatters;
  portalId: number;
}) {
  const { programme, drift, viewer } = overview;
  // `empty` is what the list says when no company is on it; `action`, what to do on each company's record;
  // `satisfaction`, whether to show how the client answered our surveys (the key accounts list: the
  // programme's clients whose satisfaction the account managers follow).
  const list = (
    title: string,
    accounts: ProgrammeAccount[],
    { empty, action, satisfaction = false }: { empty: string; action?: string; satisfaction?: boolean },
  ) => (
    <>
      <Heading>{`${title} (${accounts.length})`}</Heading>
      <ListTable
        items={accounts}
        empty={empty}
        headers={[
          'Company',
          'Status',
          'Score',
          'Revenue, 12 months',
          ...(satisfaction ? ['Client satisfaction (score over the last year, half-year trend)'] : []),
        ]}
        rowKey={(a) => a.companyId}
        cells={(a) => [
          <Link href={{ url: companyRecordUrl(portalId, a.companyId), external: true }}>
            {action && viewer.canAct ? `${a.name} — ${action}` : a.name}
          </Link>,
          statusOf(a),
          a.score === null ? 'Not enough data' : format.score(a.score),
          a.revenueLast12Months === null ? '—' : format.money(a.revenueLast12Months),
          ...(satisfaction ? [satisfactionCell(a.satisfaction, format)] : []),
        ]}
      />
    </>
  );
  return (
    <>
      {viewer.readOnlyReason !== null && <Text testId="portfolio-read-only">{viewer.readOnlyReason}</Text>}
      {list('Qualifies but not tagged', drift.qualifiesButNotTagged, {
        empty: 'Every company that qualifies is tagged.',
        action: 'tag as key account',
      })}
      {/* A key account may be tagged without ever having qualified: the list says what is true now, as the card does. */}
      {list('Tagged but does not qualify', drift.taggedButNoLongerQualifies, {
        empty: 'Every key account with enough data to score qualifies.',
        action: 'review the tag',
      })}
      {drift.taggedWithoutEnoughData.length > 0 &&
        list('Tagged without enough data to score', drift.taggedWithoutEnoughData, {
          empty: '',
          action: 'fill in the criteria',
        })}
      {list('Key accounts', programme.keyAccounts, { empty: 'No key accounts are tagged yet.', satisfaction: true })}
      {list('Candidates', programme.candidates, { empty: 'No candidates.' })}
    </>
  );
}

/** A company nobody tagged is on these lists for what its score suggests: say so beside "not tagged". */
const statusOf = (account: ProgrammeAccount): string =>
  account.status === 'none' && account.suggestedStatus !== null && account.suggestedStatus !== 'none'
    ? `Not tagged; its score suggests ${STATUS_LABELS[account.suggestedStatus].toLowerCase()}`
    : STATUS_LABELS[account.status];
