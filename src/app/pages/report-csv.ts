import type { QuarterlyReport } from '../../contracts/portfolio-overview.ts';
import type { Formatters } from '../ui/format.ts';
import { SURVEY_LABELS } from '../ui/labels.ts';
import { outcomeSections } from './outcome-lines.ts';
import { satisfactionTrend } from '../ui/satisfaction-words.ts';

// The quarterly programme report as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a
// comma, quote or line break quoted and their quotes doubled). Text that a spreadsheet would run as a
// formula (starting with = + - @) is prefixed with an apostrophe; numbers are written as numbers.

type CsvCell = string | number | null;

const REPORT_CSV_HEADER = ['Quarter', 'Account', 'Section', 'Item', 'Target', 'Actual', 'Status'] as const;

export function csvField(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const STATUS_WORDS = {
  on_track: 'On track',
  met: 'Met',
  behind: 'Behind',
  no_actual: 'No actual',
  no_target: 'No target',
  not_yet_due: 'Not yet due',
} as const;

/** The report as CSV, its dates as the page shows them (the portal's time zone, the reader's locale). */
export function reportCsv(report: QuarterlyReport, format: Pick<Formatters, 'date'>): string {
  const q = report.quarter.label;
  const rows: CsvCell[][] = [[...REPORT_CSV_HEADER]];
  for (const a of report.accounts) {
    for (const t of a.targets ?? [])
      rows.push([q, a.name, 'Target', t.name, t.target, t.actual, STATUS_WORDS[t.status]]);
    for (const item of a.introductions) rows.push([q, a.name, 'Introduction', item, null, null, null]);
    rows.push([q, a.name, 'Introductions', 'Introductions made', null, a.introductions.length, null]);
    for (const { heading, lines } of outcomeSections(a, format))
      for (const line of lines) rows.push([q, a.name, heading, line, null, null, null]);
    for (const item of a.triggersFired) rows.push([q, a.name, 'Trigger fired', item, null, null, null]);
    rows.push([
      q,
      a.name,
      'Reviews',
      'Reviews done',
      null,
      a.reviewsDone,
      a.reviewMissed ? 'Calendar review missed' : null,
    ]);
    // Each survey kind's score over the last year, its trend as the status.
    if (a.satisfaction === null) rows.push([q, a.name, 'Satisfaction', 'No survey answers yet', null, null, null]);
    for (const s of a.satisfaction ?? [])
      rows.push([q, a.name, 'Satisfaction', SURVEY_LABELS[s.kind], null, s.score, satisfactionTrend(s)]);
  }
  const p = report.programme;
  const totals: Array<[string, number]> = [
    ['Key accounts', p.keyAccounts],
    ['Targets', p.targets.total],
    ['Targets met', p.targets.met],
    ['Targets on track (quarter still running)', p.targets.onTrack],
    ['Targets behind', p.targets.behind],
    ['Targets not yet due', p.targets.notYetDue],
    ['Targets ended with no actual', p.targets.withoutActual],
    ['Rows without a target', p.targets.withoutTarget],
    ['Introductions made', p.introductions],
    ['Plan updates', p.planUpdated],
    ['To celebrate', p.celebrate],
    ['To escalate', p.escalate],
    ['To exploit', p.exploit],
    ['Triggers fired', p.triggersFired],
    ['Reviews done', p.reviewsDone],
    ['Reviews missed', p.reviewsMissed],
  ];
  for (const [item, value] of totals) rows.push([q, 'Programme', 'Total', item, null, value, null]);
  return toCsv(rows);
}
