import { StatisticsItem, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { describe, expect, it } from 'vitest';
import { QuarterlyReportSection } from '../../../src/app/pages/QuarterlyReportSection.tsx';
import { createFormatters } from '../../../src/app/ui/format.ts';
import type { AccountQuarter, QuarterlyReport } from '../../../src/contracts/index.ts';

// One key account's quarter in the report: what was spent and what its reviews produced, as people read it.

const london = createFormatters({ locale: 'en-GB', timeZone: 'Europe/London', currency: 'GBP' });

const acme: AccountQuarter = {
  companyId: '1',
  name: 'Acme',
  revenueLast12Months: null,
  targets: null,
  targetsUnreadable: null,
  investment: { hours: 12.5, money: 2_000, incomeGained: 5_000 },
  introductions: [],
  planUpdated: [],
  celebrate: ['Objective achieved: Win the audit tender'],
  escalate: [{ text: 'Tell the partner', owner: 'Max Manager', dueAt: Date.UTC(2020, 0, 1, 12), status: 'overdue' }],
  exploit: [],
  triggersFired: [],
  reviewsDone: 1,
  reviewMissed: false,
  competition: null,
  satisfaction: null,
};

const report: QuarterlyReport = {
  quarter: { fiscalYear: 2026, quarter: 3, label: 'Q3 FY2026', start: 0, end: 1, current: false },
  accounts: [acme],
  programme: {
    keyAccounts: 1,
    targets: { total: 0, met: 0, onTrack: 0, behind: 0, notYetDue: 0, withoutActual: 0, withoutTarget: 0 },
    introductions: 0,
    planUpdated: 0,
    celebrate: 1,
    escalate: 1,
    exploit: 0,
    triggersFired: 0,
    reviewsDone: 1,
    reviewsMissed: 0,
  },
};

describe("a key account's quarter in the report", () => {
  it('dates a review action as people read dates in the portal, and hours as the card shows them', () => {
    const page = createRenderer('pages');
    page.render(<QuarterlyReportSection report={report} format={london} />);
    const lines = page.findAll(Text).map((t) => t.text);
    expect(lines).toEqual(
      expect.arrayContaining([
        'Tell the partner (Max Manager, due 1 Jan 2020, overdue)',
        'Objective achieved: Win the audit tender',
        'This quarter: invested £2,000 and 12.5 h; £5,000 gained against the same quarter last year.',
      ]),
    );
    expect(lines.join('\n')).not.toContain('2020-01-01');
  });

  it('words a fall in income as less income, not as a negative gain', () => {
    const fall = { ...acme, investment: { hours: null, money: null, incomeGained: -133_681 } };
    const page = createRenderer('pages');
    page.render(<QuarterlyReportSection report={{ ...report, accounts: [fall] }} format={london} />);
    expect(page.findAll(Text).map((t) => t.text)).toContain(
      'This quarter: no investment recorded; £133,681 less income against the same quarter last year.',
    );
  });

  it("prints a review's one summary for several outcomes once, and says under each which outcomes it covers and where it is", () => {
    const reviewed = {
      ...acme,
      celebrate: [],
      escalate: ['Budget cut looming; new subsidiary'],
      exploit: [{ reviewedAt: Date.UTC(2026, 7, 12, 12), summaryUnder: 'escalate' as const }],
    };
    const page = createRenderer('pages');
    page.render(<QuarterlyReportSection report={{ ...report, accounts: [reviewed] }} format={london} />);
    const lines = page.findAll(Text).map((t) => t.text);
    expect(lines.filter((line) => line === 'Budget cut looming; new subsidiary')).toHaveLength(1);
    const covers = 'The review of 12 Aug 2026 wrote one summary for Threats to escalate and Opportunities to exploit';
    const escalate = lines.indexOf('Threats to escalate');
    expect(lines.slice(escalate, escalate + 5)).toEqual([
      'Threats to escalate',
      'Budget cut looming; new subsidiary',
      `${covers}: it is shown above, once.`,
      'Opportunities to exploit',
      `${covers}: it is shown once, under Threats to escalate.`,
    ]);
  });

  it('heads each outcome by what belongs under it, as the review form names it', () => {
    const page = createRenderer('pages');
    page.render(<QuarterlyReportSection report={report} format={london} />);
    const lines = page.findAll(Text).map((t) => t.text);
    expect(lines).toEqual(expect.arrayContaining(['Achievements to celebrate', 'Threats to escalate']));
    expect(lines).not.toContain('Escalate');
  });
});

describe("the programme's targets in the report", () => {
  const targets = { total: 126, met: 0, onTrack: 22, behind: 0, notYetDue: 104, withoutActual: 0, withoutTarget: 0 };

  it('calls targets already meeting their mark in a quarter still running on track, with every other target counted', () => {
    const running = {
      ...report,
      quarter: { ...report.quarter, quarter: 4 as const, label: 'Q4 FY2026', current: true },
      programme: { ...report.programme, targets },
    };
    const page = createRenderer('pages');
    page.render(<QuarterlyReportSection report={running} format={london} />);
    const headline = page.find(StatisticsItem, { label: 'Targets on track' });
    expect(headline.props.number).toBe('22');
    expect(headline.find(Text).text).toBe('of 126; 0 behind, 104 not yet due, 0 ended with no actual');
    expect(page.maybeFind(StatisticsItem, { label: 'Targets met' })).toBeNull();
  });

  it('calls them met once the quarter has ended', () => {
    const ended = {
      ...report,
      programme: {
        ...report.programme,
        targets: { ...targets, met: 120, onTrack: 0, notYetDue: 0, behind: 4, withoutActual: 2 },
      },
    };
    const page = createRenderer('pages');
    page.render(<QuarterlyReportSection report={ended} format={london} />);
    const headline = page.find(StatisticsItem, { label: 'Targets met' });
    expect(headline.props.number).toBe('120');
    expect(headline.find(Text).text).toBe('of 126; 4 behind, 0 not yet due, 2 ended with no actual');
  });

  it('says no plan sets a target in a quarter without any, rather than counting 0 of 0', () => {
    const page = createRenderer('pages');
    page.render(<QuarterlyReportSection report={report} format={london} />);
    expect(page.find(StatisticsItem, { label: 'Targets met' }).find(Text).text).toBe(
      'no plan sets a target for this quarter',
    );
  });
});
