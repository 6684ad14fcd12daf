import { describe, expect, it } from 'vitest';
import { csvField, reportCsv, toCsv } from '../../../src/app/pages/report-csv.ts';
import { createFormatters } from '../../../src/app/ui/format.ts';
import type { QuarterlyReport } from '../../../src/contracts/index.ts';

function aReport(overrides: Partial<QuarterlyReport> = {}): QuarterlyReport {
  return {
    quarter: {
      fiscalYear: 2026,
      quarter: 3,
      label: 'Q3 FY2026',
      start: Date.UTC(2026, 6, 1),
      end: Date.UTC(2026, 9, 1),
      current: false,
    },
    accounts: [],
    programme: {
      keyAccounts: 0,
      targets: { total: 0, met: 0, onTrack: 0, behind: 0, notYetDue: 0, withoutActual: 0, withoutTarget: 0 },
      introductions: 0,
      planUpdated: 0,
      celebrate: 0,
      escalate: 0,
      exploit: 0,
      triggersFired: 0,
      reviewsDone: 0,
      reviewsMissed: 0,
    },
    ...overrides,
  };
}

/** A key account in the report with nothing to report but what a test gives it. */
function anAccount(overrides: Partial<QuarterlyReport['accounts'][number]> = {}): QuarterlyReport['accounts'][number] {
  return {
    companyId: '1',
    name: 'Acme',
    revenueLast12Months: null,
    targets: null,
    investment: null,
    targetsUnreadable: null,
    introductions: [],
    planUpdated: [],
    celebrate: [],
    escalate: [],
    exploit: [],
    triggersFired: [],
    reviewsDone: 0,
    reviewMissed: false,
    competition: null,
    satisfaction: null,
    ...overrides,
  };
}

describe('CSV fields', () => {
  it('leaves plain text and numbers as they are and empties null', () => {
    expect([csvField('Acme'), csvField(25_000), csvField(-3), csvField(null)]).toEqual(['Acme', '25000', '-3', '']);
  });

  it('quotes a field with a comma, a quote, a line break or edge spaces, doubling its quotes', () => {
    expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvField('The "big" one')).toBe('"The ""big"" one"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('keeps text a spreadsheet would run as a formula from running', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('ends every row with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('a,1\r\nb,\r\n');
  });
});

describe('the quarterly report as CSV', () => {
  it("writes each account's targets, items and reviews, then the programme's totals", () => {
    const auckland = createFormatters({ locale: 'en-GB', timeZone: 'Pacific/Auckland', currency: 'NZD' });
    const csv = reportCsv(
      aReport({
        accounts: [
          {
            companyId: '1',
            name: 'Acme, Inc.',
            revenueLast12Months: 600,
            targets: [{ name: 'Meetings', unit: 'count', target: 3, actual: 4, status: 'met' }],
            investment: null,
            targetsUnreadable: null,
            introductions: ['Ada Finance', 'Bo Buyer'],
            planUpdated: [],
            celebrate: ['Objective achieved: Win the "audit" tender'],
            escalate: [
              'Budget cut',
              // Due on the last day of 2019 in London, already New Year's Day in Auckland, the portal's zone.
              { text: 'Tell the partner', owner: 'Max Manager', dueAt: Date.UTC(2019, 11, 31, 12), status: 'overdue' },
            ],
            exploit: [],
            triggersFired: ['Jo Bloggs left the client'],
            reviewsDone: 1,
            reviewMissed: true,
            competition: null,
            satisfaction: [
              { kind: 'NPS', latestValue: 9, latestAt: 0, responses: 3, score: 33.3, trend: -12.5 },
              { kind: 'CSAT', latestValue: 4, latestAt: 0, responses: 1, score: 4, trend: null },
            ],
          },
          anAccount({ companyId: '2', name: 'Quiet Ltd' }),
        ],
        programme: {
          keyAccounts: 1,
          targets: { total: 1, met: 1, onTrack: 0, behind: 0, notYetDue: 0, withoutActual: 0, withoutTarget: 0 },
          introductions: 2,
          planUpdated: 0,
          celebrate: 1,
          escalate: 1,
          exploit: 0,
          triggersFired: 1,
          reviewsDone: 1,
          reviewsMissed: 1,
        },
      }),
      auckland,
    );
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 16)).toEqual([
      'Quarter,Account,Section,Item,Target,Actual,Status',
      'Q3 FY2026,"Acme, Inc.",Target,Meetings,3,4,Met',
      'Q3 FY2026,"Acme, Inc.",Introduction,Ada Finance,,,',
      'Q3 FY2026,"Acme, Inc.",Introduction,Bo Buyer,,,',
      'Q3 FY2026,"Acme, Inc.",Introductions,Introductions made,,2,',
      'Q3 FY2026,"Acme, Inc.",Achievements to celebrate,"Objective achieved: Win the ""audit"" tender",,,',
      'Q3 FY2026,"Acme, Inc.",Threats to escalate,Budget cut,,,',
      'Q3 FY2026,"Acme, Inc.",Threats to escalate,"Tell the partner (Max Manager, due 1 Jan 2020, overdue)",,,',
      'Q3 FY2026,"Acme, Inc.",Trigger fired,Jo Bloggs left the client,,,',
      'Q3 FY2026,"Acme, Inc.",Reviews,Reviews done,,1,Calendar review missed',
      // The client's satisfaction as recalculation stored it: each kind's score, its trend as the status.
      'Q3 FY2026,"Acme, Inc.",Satisfaction,Net Promoter Score,,33.3,The last half-year 12.5 lower than the half-year before',
      'Q3 FY2026,"Acme, Inc.",Satisfaction,Customer satisfaction,,4,',
      'Q3 FY2026,Quiet Ltd,Introductions,Introductions made,,0,',
      'Q3 FY2026,Quiet Ltd,Reviews,Reviews done,,0,',
      'Q3 FY2026,Quiet Ltd,Satisfaction,No survey answers yet,,,',
      'Q3 FY2026,Programme,Total,Key accounts,,1,',
    ]);
    expect(lines).toContain('Q3 FY2026,Programme,Total,Introductions made,,2,');
    expect(lines).toContain('Q3 FY2026,Programme,Total,Reviews missed,,1,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it("writes a review's one summary for several outcomes once, and under each which outcomes it covers and where it is", () => {
    const london = createFormatters({ locale: 'en-GB', timeZone: 'Europe/London', currency: 'GBP' });
    const csv = reportCsv(
      aReport({
        accounts: [
          anAccount({
            name: 'Acme',
            escalate: ['Budget cut; new subsidiary'],
            exploit: [{ reviewedAt: Date.UTC(2026, 7, 12, 12), summaryUnder: 'escalate' }],
            reviewsDone: 1,
          }),
        ],
      }),
      london,
    );
    const covers = 'The review of 12 Aug 2026 wrote one summary for Threats to escalate and Opportunities to exploit';
    expect(csv.split('\r\n').filter((line) => line.startsWith('Q3 FY2026,Acme,') && line.includes(' to e'))).toEqual([
      'Q3 FY2026,Acme,Threats to escalate,Budget cut; new subsidiary,,,',
      `Q3 FY2026,Acme,Threats to escalate,"${covers}: it is shown above, once.",,,`,
      `Q3 FY2026,Acme,Opportunities to exploit,"${covers}: it is shown once, under Threats to escalate.",,,`,
    ]);
  });
});
