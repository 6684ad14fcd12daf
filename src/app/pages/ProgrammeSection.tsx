import { Heading, Link, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text } from '@hubspot/ui-extensions';
import type { PortfolioOverview, ProgrammeAccount } from '../functions/portfolio-contract.ts';
import type { Formatters } from '../ui/format.ts';
import { STATUS_LABELS } from '../ui/labels.ts';
import { companyRecordUrl } from './record-link.ts';

// Who is in the programme, and where the tags and the criteria disagree: each company links to its
// record, where the Keystone card tags or untags it with a reason.
export function ProgrammeSection({ overview, format, portalId }: { overview: PortfolioOverview; format: Formatters; portalId: number }) {
  const { programme, drift } = overview;
  const list = (title: string, accounts: ProgrammeAccount[], empty: string, action?: string) => (
    <>
      <Heading>{`${title} (${accounts.length})`}</Heading>
      {accounts.length === 0 ? (
        <Text>{empty}</Text>
      ) : (
        <Table bordered={false} density="condensed">
          <TableHead>
            <TableRow>
              <TableHeader>Company</TableHeader>
              <TableHeader>Status</TableHeader>
              <TableHeader>Score</TableHeader>
              <TableHeader>Revenue, 12 months</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {accounts.map((a) => (
              <TableRow key={a.companyId}>
                <TableCell>
                  <Link href={{ url: companyRecordUrl(portalId, a.companyId), external: true }}>{action ? `${a.name} — ${action}` : a.name}</Link>
                </TableCell>
                <TableCell>{STATUS_LABELS[a.status]}</TableCell>
                <TableCell>{a.score === null ? 'Not enough data' : format.score(a.score)}</TableCell>
                <TableCell>{a.revenueLast12Months === null ? '—' : format.money(a.revenueLast12Months)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
  return (
    <>
      {list('Qualifies but not tagged', drift.qualifiesButNotTagged, 'Every company that qualifies is tagged.', 'tag as key account')}
      {list('Tagged but no longer qualifies', drift.taggedButNoLongerQualifies, 'Every key account still qualifies.', 'review the tag')}
      {drift.taggedWithoutEnoughData.length > 0 && list('Tagged without enough data to score', drift.taggedWithoutEnoughData, '', 'fill in the criteria')}
      {list('Key accounts', programme.keyAccounts, 'No key accounts are tagged yet.')}
      {list('Candidates', programme.candidates, 'No candidates.')}
    </>
  );
}
