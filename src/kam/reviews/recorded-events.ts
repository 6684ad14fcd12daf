import { z } from 'zod';
import { instantSchema } from '../shared/index.ts';
import { predatesLastReview } from './last-review.ts';

/**
 * The reasons to review a plan that HubSpot cannot see, on the client's side or ours: a manager records
 * them. The client's competitors change strategy, the client's supply chain changes (process, order
 * authorisation or payment, a new supplier, outsourcing); on our side our process, overall objective,
 * an initiative (a quality programme, a cost review, a recruitment freeze), significant people, or a
 * merger or acquisition; a major development in our market or the client's.
 */
export const RECORDED_EVENT_KINDS = [
  'competitor_strategy_changed',
  'supply_chain_changed',
  'our_process_changed',
  'our_objective_changed',
  'our_initiative',
  'our_people_changed',
  'our_merger',
  'market_development',
] as const;
export type RecordedEventKind = (typeof RECORDED_EVENT_KINDS)[number];

/** An event a manager recorded on the account: what happened, when, in their words, and when they recorded it. */
export const recordedEventSchema = z.object({
  eventId: z.string().min(1),
  kind: z.enum(RECORDED_EVENT_KINDS),
  /** When it happened. */
  at: instantSchema,
  note: z.string().trim().min(1),
  /** When it was recorded: before any review, an event recorded after the plan started calls for one. */
  recordedAt: instantSchema,
  /** The HubSpot user who recorded it. */
  recordedBy: z.string().min(1),
});
export type RecordedEvent = z.infer<typeof recordedEventSchema>;

/** How many recorded events an account keeps, the most recently recorded. */
export const RECORDED_EVENTS_KEPT = 50;

/**
 * The account's recorded events with `event` added, most recently recorded last, at most
 * RECORDED_EVENTS_KEPT. The same event recorded again (a retry) is not added twice.
 */
export function withRecordedEvent(events: readonly RecordedEvent[], event: RecordedEvent): RecordedEvent[] {
  if (events.some((e) => e.eventId === event.eventId)) return [...events];
  return [...events, event].sort((a, b) => a.recordedAt - b.recordedAt).slice(-RECORDED_EVENTS_KEPT);
}

/**
 * The recorded events no review has covered yet, newest event first: those dated after the last review or,
 * never reviewed, recorded after the plan started (the plan's start is no review, so an older event the team
 * only records now is still to be reviewed).
 */
export function openRecordedEvents(
  events: readonly RecordedEvent[],
  when: { lastReviewedAt: number | null; planStartedAt: number },
): RecordedEvent[] {
  const open = (e: RecordedEvent) =>
    when.lastReviewedAt === null ? e.recordedAt > when.planStartedAt : !predatesLastReview(e.at, when.lastReviewedAt);
  return events.filter(open).sort((a, b) => b.at - a.at);
}
