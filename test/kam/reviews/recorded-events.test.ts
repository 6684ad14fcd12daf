import { describe, expect, it } from 'vitest';
import {
  RECORDED_EVENTS_KEPT,
  openRecordedEvents,
  predatesLastReview,
  withRecordedEvent,
  type RecordedEvent,
} from '../../../src/kam/reviews/index.ts';
import { LAST_REVIEW, PLAN_START, day } from './factories.ts';
import { DAY_MS } from '../../../src/kam/shared/index.ts';

const anEvent = (overrides: Partial<RecordedEvent> = {}): RecordedEvent => ({
  eventId: 'press-1',
  kind: 'competitor_strategy_changed',
  at: day(2),
  note: 'Their main rival now sells direct',
  recordedAt: day(3),
  recordedBy: '7',
  ...overrides,
});

describe('events a manager records for review', () => {
  it('adds an event once, however often the same press is retried', () => {
    const once = withRecordedEvent([], anEvent());
    expect(withRecordedEvent(once, anEvent({ recordedAt: day(4) }))).toEqual([anEvent()]);
  });

  it(`keeps the ${RECORDED_EVENTS_KEPT} most recently recorded`, () => {
    let events: RecordedEvent[] = [];
    for (let i = 0; i <= RECORDED_EVENTS_KEPT; i += 1)
      events = withRecordedEvent(events, anEvent({ eventId: `press-${i}`, recordedAt: day(i) }));
    expect(events).toHaveLength(RECORDED_EVENTS_KEPT);
    expect(events[0]!.eventId).toBe('press-1');
  });

  it("fits the most a company keeps, each with the longest note, in one of HubSpot's property values (65,536 characters)", () => {
    let events: RecordedEvent[] = [];
    for (let i = 0; i < RECORDED_EVENTS_KEPT + 5; i += 1)
      events = withRecordedEvent(
        events,
        anEvent({ eventId: 'x'.repeat(60) + String(i).padStart(4, '0'), note: '"\n'.repeat(250), recordedAt: day(i) }),
      );
    expect(JSON.stringify(events).length).toBeLessThanOrEqual(65_536);
  });

  it('keeps an event open while it is dated after the last review, and not one dated before it, whenever it was recorded', () => {
    const datedBeforeTheReview = anEvent({ eventId: 'before', at: day(-20), recordedAt: day(1) });
    const onTheReviewsDay = anEvent({ eventId: 'same', at: LAST_REVIEW, recordedAt: day(1) });
    const newest = anEvent({ eventId: 'newest', at: day(5), recordedAt: day(6) });
    const open = openRecordedEvents([datedBeforeTheReview, onTheReviewsDay, newest], {
      lastReviewedAt: LAST_REVIEW,
      planStartedAt: PLAN_START,
    });
    expect(open.map((e) => e.eventId)).toEqual(['newest']);
  });

  it('before any review, keeps open every event recorded after the plan started, whatever its date', () => {
    const old = anEvent({ eventId: 'old', at: Date.UTC(2020, 0, 1), recordedAt: day(-10) });
    const beforeThePlan = anEvent({ eventId: 'before-plan', at: day(-120), recordedAt: PLAN_START - DAY_MS });
    const open = openRecordedEvents([old, beforeThePlan], { lastReviewedAt: null, planStartedAt: PLAN_START });
    expect(open.map((e) => e.eventId)).toEqual(['old']);
  });

  it('tells an event dated on or before the last review, and none while no review is logged', () => {
    expect(predatesLastReview(LAST_REVIEW, LAST_REVIEW)).toBe(true);
    expect(predatesLastReview(day(-400), LAST_REVIEW)).toBe(true);
    expect(predatesLastReview(day(1), LAST_REVIEW)).toBe(false);
    expect(predatesLastReview(day(-400), null)).toBe(false);
  });
});
