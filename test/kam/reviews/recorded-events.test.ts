import { describe, expect, it } from 'vitest';
import {
  RECORDED_EVENTS_KEPT,
  openRecordedEvents,
  withRecordedEvent,
  type RecordedEvent,
} from '../../../src/kam/reviews/index.ts';
import { LAST_REVIEW, PLAN_START, day } from './factories.ts';

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

  it('keeps an event open until a review after it was recorded, even when it happened before that review', () => {
    const learntLate = anEvent({ eventId: 'late', at: day(-20), recordedAt: day(1) });
    const reviewed = anEvent({ eventId: 'reviewed', at: day(-30), recordedAt: day(-10) });
    const newest = anEvent({ eventId: 'newest', at: day(5), recordedAt: day(6) });
    const open = openRecordedEvents([learntLate, reviewed, newest], {
      lastReviewedAt: LAST_REVIEW,
      planStartedAt: PLAN_START,
    });
    expect(open.map((e) => e.eventId)).toEqual(['newest', 'late']);
    expect(
      openRecordedEvents([reviewed], { lastReviewedAt: null, planStartedAt: PLAN_START }).map((e) => e.eventId),
    ).toEqual(['reviewed']);
  });
});
