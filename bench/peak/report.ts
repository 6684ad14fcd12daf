import type { PeakFigures, Spread } from './figures.ts';
import { FIRM_LIMITS, firmOf } from './firm.ts';
import type { ProcessLoad } from './lag.ts';
import type { PeakResult } from './play-hour.ts';

// The printed report: how the hour was played, the firm, whether the machine kept up, then each
// figure beside its target.

const TARGETS = {
  usersRefused: 0,
  sidebarCalls: 0,
  statusCalls: 4,
  dayShare: 0.25,
  sidebarP95Ms: 300,
  statusP95Ms: 600,
  sectionsP95Ms: 1_500,
  recalculationRatio: 0.9,
  floorRatio: 1.5,
} as const;
/**
 * The issue's floor for a tab section: three round trips. With the portal known a section reads the
 * owners, the company, the settings and the plan in one round, then its deals, objectives or reviews;
 * Relationships' contacts and activities take three rounds beside them.
 */
const SECTION_ROUNDS = 3;
/** The firm's shape: about 8,000 of its 36,000 companies (two in nine) make about 82 % of its fees. */
const TOP_SHARE = 8_000 / 36_000;

const whole = (n: number) => Math.round(n).toLocaleString('en-GB');
const one = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const percent = (share: number) => `${(share * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 })} %`;
const duration = (ms: number | null) =>
  ms === null ? 'no data' : ms < 1_000 ? `${whole(ms)} ms` : `${one(ms / 1_000)} s`;
const calls = (s: Spread) =>
  Number.isNaN(s.max) ? 'none' : `${one(s.mean)} mean, p95 ${whole(s.p95)}, max ${whole(s.max)}`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

export function printReport(
  result: PeakResult,
  figures: PeakFigures,
  print: (line: string) => void = console.log,
): void {
  const { options, cast, views, wall, load } = result;
  const { size } = firmOf(options);
  const k = options.speed;
  print(`Keystone's busy hour${options.smoke ? ' (smoke run: a tiny firm; the figures mean nothing)' : ''}.`);
  print('');
  print(
    `Method: HubSpot's time ran ${k}× faster than the wall clock in every process: the sandbox's rate-limit windows and its ${options.latencyMs} ms per request,`,
  );
  print(
    `the users' arrivals and Keystone's own waits (retry after a 429, the recalculation's pacing and slice budget). ${one(options.minutes)} of the hour's 60 minutes`,
  );
  print(
    `were played; views arrive evenly over the hour, so counts × ${one(figures.hourScale)} make the hour, while calls per view, percentiles and ratios are the played`,
  );
  print(`minutes' own. A day is ${options.dayInBusyHours} busy hours of views plus one full recalculation.`);
  print('');
  const fees = [...cast.companies.fees].sort((a, b) => b - a);
  const top = Math.round(fees.length * TOP_SHARE);
  const topFees =
    fees.slice(0, top).reduce((a, b) => a + b, 0) /
    Math.max(
      1,
      fees.reduce((a, b) => a + b, 0),
    );
  const activities = (cast.records.meetings ?? 0) + (cast.records.calls ?? 0) + (cast.records.emails ?? 0);
  const { contacts, activities: activitySizes } = size.keyAccountSize;
  print(
    `Firm: ${whole(fees.length)} companies, the top ${whole(top)} making ${percent(topFees)} of closed-won fees; ${whole(cast.companies.key.filter(Boolean).length)} key accounts with ${whole(contacts.least)}–${whole(contacts.most)} contacts`,
  );
  print(
    `  and ${whole(activitySizes.least)}–${whole(activitySizes.most)} activities; ${whole(cast.records.contacts ?? 0)} contacts, ${whole(activities)} meetings, calls and emails, ${whole(cast.associations)} associations;`,
  );
  print(
    `  ${whole(cast.people.length)} people, ${whole(cast.people.filter((p) => p.manager).length)} of them managers. Portal ${wall.portalCached ? 'read from the cache' : 'generated and cached'} in ${one(wall.portal / 1_000)} s (CPU ${one(wall.portalCpu / 1_000)} s).`,
  );
  const tabs = views.filter((v) => v.tabAt !== null).length;
  const saved = (kind: string) => views.filter((v) => v.save?.kind === kind).length;
  print(
    `Hour: ${whole(options.users)} users, ${whole(views.length)} record views (${whole(tabs)} opening the Key account tab), saves planned: ${whole(saved('stance'))} stances,`,
  );
  print(
    `  ${whole(saved('plan'))} plans, ${whole(saved('review'))} reviews; the recalculation started with the hour. Played in ${one(wall.hour / 1_000)} s of wall time.`,
  );
  print(
    `Limits: ${FIRM_LIMITS.burstPer10s} requests per 10 s, search ${FIRM_LIMITS.searchPerSecond} per second, ${whole(FIRM_LIMITS.perDay)} a day; ${options.latencyMs} ms added to every request.`,
  );
  const kept = (name: string, l: ProcessLoad) =>
    `${name} ${percent(l.cpuShare)} of a core, timers late p50 ${whole(l.delayP50Ms)} / p99 ${whole(l.delayP99Ms)} / max ${whole(l.delayMaxMs)} ms`;
  const keptUp = Object.values(load).every((l) => l.delayP99Ms <= options.latencyMs);
  print(
    `Machine at ${k}×, in HubSpot time: ${keptUp ? 'kept up' : 'did NOT keep up, lower --speed'} (every process's timers late by less than the ${options.latencyMs} ms per request at p99)`,
  );
  for (const [name, l] of Object.entries(load)) print(`  ${kept(name, l)}`);
  print('');

  const row = (label: string, today: string, target: string) =>
    print(`${label.padEnd(36)}${today.padEnd(66)} ${target}`.trimEnd());
  const { sidebar, sections, users, day, recalculation } = figures;
  // A day holds one whole recalculation: without its figure the day's total is the users' alone.
  const unmeasuredRun = options.recalculation && day.recalculationRun === null;
  const { status } = sections;
  const others = [
    ['Relationships', sections.relationships],
    ['Plan', sections.plan],
    ['Reviews', sections.reviews],
  ] as const;
  row('', 'measured', 'target');
  row(
    'app calls per sidebar view',
    `${calls(sidebar.calls)} (its reads are in the users' sessions)`,
    `0: ${verdict(sidebar.calls.max === TARGETS.sidebarCalls)}`,
  );
  row('app calls per tab section', 'card_section, when the section is opened', '');
  row('  Status', calls(status.calls), `≤ ${TARGETS.statusCalls}: ${verdict(status.calls.max <= TARGETS.statusCalls)}`);
  for (const [label, loads] of others) row(`  ${label}`, `${calls(loads.calls)}; ${whole(loads.loads)} opened`, '');
  const loads = sidebar.loads + Object.values(sections).reduce((n, l) => n + l.loads, 0) + figures.reloads.loads;
  row(
    '429s seen by users',
    `${whole(users.refused)} answers to ${whole(users.refusedInvocations)} invocations; ${whole(users.loadsFailed)} of ${whole(loads)} card loads failed`,
    `0: ${verdict(users.refused === TARGETS.usersRefused)}`,
  );
  row(`opening to data, p50 / p95`, `at ${options.latencyMs} ms per request; "no data": the load failed`, '');
  const times = (l: typeof sidebar) =>
    `${duration(l.timeToData.p50)} / ${duration(l.timeToData.p95)}; ${percent(l.answered / Math.max(1, l.loads))} of ${whole(l.loads)} answered` +
    (l.answered < l.loads && l.answeredTime
      ? ` in ${duration(l.answeredTime.p50)} / ${duration(l.answeredTime.p95)}`
      : '');
  const within = (l: typeof sidebar, ms: number) => l.timeToData.p95 !== null && l.timeToData.p95 <= ms;
  row(
    '  sidebar',
    times(sidebar),
    `p95 ≤ ${duration(TARGETS.sidebarP95Ms)}: ${verdict(within(sidebar, TARGETS.sidebarP95Ms))}`,
  );
  row(
    '  tab: Status',
    times(status),
    `p95 ≤ ${duration(TARGETS.statusP95Ms)}: ${verdict(within(status, TARGETS.statusP95Ms))}`,
  );
  for (const [label, l] of others)
    row(
      `  tab: ${label}`,
      times(l),
      `p95 ≤ ${duration(TARGETS.sectionsP95Ms)}: ${verdict(l.loads === 0 || within(l, TARGETS.sectionsP95Ms))}`,
    );
  const floor = SECTION_ROUNDS * options.latencyMs;
  const overFloor = (l: typeof sidebar) => (l.answeredTime === null ? null : l.answeredTime.p50 / floor);
  const ratios = [['Status', status] as const, ...others].map(([label, l]) => [label, overFloor(l)] as const);
  row(
    `  p50 ÷ ${SECTION_ROUNDS} round trips (${duration(floor)})`,
    ratios.map(([label, r]) => `${label} ${r === null ? 'n/a' : r.toFixed(2)}`).join(', '),
    `≤ ${TARGETS.floorRatio}: ${verdict(ratios.every(([, r]) => r === null || r <= TARGETS.floorRatio))}`,
  );
  row(
    'calls in a day, projected',
    `${whole(day.total)} (${percent(day.total / day.limit)} of ${whole(day.limit)})${unmeasuredRun ? ", the users' alone" : ''}`,
    unmeasuredRun
      ? "not judged: the recalculation's calls were not measured (it weighed no relationships; try --minutes 60)"
      : `≤ ${percent(TARGETS.dayShare)}: ${verdict(day.total <= TARGETS.dayShare * day.limit)}`,
  );
  const ratio = !options.recalculation
    ? 'n/a: no recalculation was run (--recalculation false)'
    : recalculation.ratio === null
      ? 'n/a: users left nothing'
      : `${recalculation.ratio.toFixed(2)} (${whole(recalculation.answered)} of ${whole(recalculation.usersLeft)} left)`;
  row(
    'recalculation ÷ what users leave',
    ratio,
    `≥ ${TARGETS.recalculationRatio}: ${verdict((recalculation.ratio ?? 0) >= TARGETS.recalculationRatio)}`,
  );
  print('');

  print(
    `Answered loads only: ${[['sidebar', sidebar] as const, ['Status', status] as const, ...others].map(([label, l]) => `${label} ${l.answeredCalls ? calls(l.answeredCalls) : 'none'}`).join('; ')} calls.`,
  );
  const codes = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([code, n]) => `${code} ${whole(n)}`)
      .join(', ') || 'none';
  for (const [label, l] of [['Status', status] as const, ...others]) {
    const t = l.trace;
    if (!t) continue;
    print(
      `${label} (answered loads): rounds ${one(t.rounds.mean)} mean, p50 ${whole(t.rounds.p50)}, p95 ${whole(t.rounds.p95)}; requests in flight p50 ${duration(t.inFlight.p50)}, none in flight p50 ${duration(t.idle.p50)} / p95 ${duration(t.idle.p95)}; one request p50 ${duration(t.request.p50)} / p95 ${duration(t.request.p95)}`,
    );
    print(
      `  ${t.routes.map((r) => `${one(r.calls)}${r.refused > 0 ? ` (${one(r.refused)} refused)` : ''} ${r.route}`).join('; ')}`,
    );
  }
  print(`Failed card loads by code: ${codes(users.failures)}; calls never answered: ${whole(users.unanswered)}.`);
  const s = figures.saves;
  print(
    `Saves that stood / tried (a save needs its tab answered): stances ${s.stance.saved} of ${s.stance.tried}, plans ${s.plan.saved} of ${s.plan.tried}, reviews ${s.review.saved} of ${s.review.tried}`,
  );
  print(
    `  (failed: ${codes(users.saveFailures)}); reloads after them: ${whole(figures.reloads.loads)} loads, ${whole(figures.reloads.calls)} calls.`,
  );
  print(
    `Day: users ${whole(users.calls)} calls in the played minutes → ${whole(users.calls * figures.hourScale)} an hour → ${whole(day.users)} in ${options.dayInBusyHours} busy hours; one recalculation ${day.recalculationRun === null ? 'not measured (it has to have scored companies and weighed relationships)' : `${whole(day.recalculationRun)} (${one((recalculation.callsByStage.scores / Math.max(1, recalculation.companiesScored)) * 100)} calls per 100 companies scored, ${one((recalculation.callsByStage.relationships / Math.max(1, recalculation.relationshipsWeighed)) * 100)} per 100 whose relationships it weighed)`}.`,
  );
  print(
    `  Were every load answered, at the answered loads' calls: ${whole(day.ifEveryLoadAnswered)} a day (${percent(day.ifEveryLoadAnswered / day.limit)}).`,
  );
  print(
    `Recalculation: ${recalculation.runs} run(s), ${recalculation.slices} slices (${recalculation.failedSlices} failed: refused before they began, sent again, or ending the page's run; ${recalculation.interruptedSlices} interrupted), ${whole(recalculation.companiesScored)} companies scored${recalculation.scoresDoneAtMinute === null ? '' : ` (all of them by minute ${one(recalculation.scoresDoneAtMinute)})`} in ${whole(recalculation.callsByStage.scores)} calls, then the relationships weighed over ${whole(recalculation.relationshipsWeighed)} companies in ${whole(recalculation.callsByStage.relationships)};`,
  );
  print(
    `  over ${recalculation.windows} windows of 10 s, the users' answered calls left ${whole(recalculation.usersLeft)} of the burst window and it used ${whole(recalculation.answered)}.`,
  );
  print(
    `Users' 429s by invocation: ${users.refusedByKind.map((k) => `${k.kind} ${whole(k.refused)} (${whole(k.invocations)})`).join('; ') || 'none'} (invocations in brackets).`,
  );
  print(
    `Busiest 10 s (rolling): users ${whole(figures.busiest.users)} requests taken, with the recalculation ${whole(figures.busiest.all)}; users' 429s sent while the users alone had taken ${FIRM_LIMITS.burstPer10s} in the 10 s before: ${whole(figures.busiest.refusedWhileUsersAloneFull)}${figures.busiest.atRefusal ? `; at a users' 429 (median) the users had taken ${whole(figures.busiest.atRefusal.users)} and the recalculation ${whole(figures.busiest.atRefusal.recalculation)} in the 10 s before` : ''}.`,
  );
  print(
    `Users took ${percent(figures.usersWindowShare)} of the burst window over the played minutes. The sandbox counted ${whole(figures.sandboxTotal)} app requests (users ${whole(users.calls)}, recalculation ${whole(recalculation.calls)})`,
  );
  print(
    `  and ${whole(figures.sandboxUserSession)} reads in users' own sessions (the sidebar's), which HubSpot does not charge to the app.`,
  );
}
