import { peakFigures } from './peak/figures.ts';
import { parsePeakOptions } from './peak/options.ts';
import { playPeakHour } from './peak/play-hour.ts';
import { printReport } from './peak/report.ts';

// The busy hour of a firm of 36,000 clients and 350 sales staff on one HubSpot app. Every HubSpot call
// Keystone makes shares one private app's limits (190 requests per 10 s, search 5 per second, 1,000,000
// a day). Every company record view shows the sidebar card, which reads the company's stored Keystone
// fields in the user's own HubSpot session (no app call); opening the Key account tab loads its Status
// section, and each other section loads when opened (card_section), while an admin's portfolio
// recalculation runs and gives way to them.
//
// The firm (peak/firm.ts): the demo generator's consultancy at 36,000 companies (about 8,000 making
// 82 % of the fees), 350 people, key accounts of 20 to 500 contacts and up to 30,000 activities; about a
// minute to build, so it is kept as a sandbox snapshot under .sandbox/bench/ (git-ignored), keyed by the
// generator's version, options and source.
//
// The hour (peak/busy-hour.ts): each user opens ~40 records at even random moments; a third go on to
// the tab, and some of those to its Relationships, Plan or Reviews; managers save stances, plans and
// reviews from key accounts' tabs. Meanwhile the settings
// page drives recalculate_portfolio slice by slice.
//
// The clock (peak/scaled-clock.ts): an hour of HubSpot time cannot run in real time here, so every
// process runs on one clock k times faster than the wall clock (--speed): the sandbox's rate-limit
// windows and the 100 ms injected on every request, the users' arrivals, and Keystone's own waits and
// slice budget. The sandbox, the users and the recalculation run in processes of their own (as
// HubSpot's API and function invocations are apart), and each reports how late its timers fired in
// HubSpot time (peak/lag.ts): the figures hold while that stays under the 100 ms per request at p99.
// On two shared cores today's Keystone keeps up at 3× (the default) and not at 6× (the users' timers
// 178 ms late at p99) or 12× (1.2 s, with fewer loads answered). By default the whole hour is played
// (about 21 minutes of wall time; --minutes 15 plays its first quarter in six): arrivals are even over
// the hour, so a shorter run's counts scale by 60 / minutes, while calls per view, percentiles and
// ratios stand as measured. A run shorter than about half an hour ends before the recalculation has
// scored every company and weighed any relationship, and cannot project the day's calls.
//
// Prints calls per sidebar view and per tab section, 429s the users met, time from opening to data,
// the day's calls projected against the daily limit, and the recalculation's throughput against what
// the users leave of the burst window, each beside its target.
//
//   npm run bench peak                                   the whole hour at 3×
//   npm run bench peak -- --minutes 15                   its first quarter
//   npm run bench peak -- --minutes 10 --speed 4 --users 200
//   PEAK_SPEED=3 npm run bench peak
//   npm run bench peak -- --smoke                        a tiny firm, to check the benchmark works

export default async function peakBench(): Promise<void> {
  // `npm run bench peak -- …`: the arguments after the benchmark's name are its own.
  const options = parsePeakOptions(process.argv.slice(3), process.env);
  const result = await playPeakHour(options);
  printReport(result, peakFigures(result));
}
