import { Text } from '@hubspot/ui-extensions';
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
    targetsMet: 0,
    targetsBehind: 0,
    targetsWithoutActual: 0,
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
        'Invested £2,000 and 12.5 h; income gained £5,000.',
      ]),
    );
    expect(lines.join('\n')).not.toContain('2020-01-01');
  });
});
