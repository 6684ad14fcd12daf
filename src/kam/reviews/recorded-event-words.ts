import type { RecordedEventKind } from './recorded-events.ts';

// Free of zod, so the cards can bundle it: the words the card's form, the card's triggers and the
// portfolio's trigger sentences all use for an event HubSpot cannot see.

/** Each recorded event kind in people's words. */
export const RECORDED_EVENT_WORDS: Record<RecordedEventKind, string> = {
  competitor_strategy_changed: 'A competitor of the client changed strategy',
  supply_chain_changed: "The client's supply chain changed",
  our_process_changed: 'Our process changed',
  our_objective_changed: 'Our overall objective changed',
  our_initiative: 'We started an initiative',
  our_people_changed: 'Significant people changed on our side',
  our_merger: 'We are in a merger or acquisition',
  market_development: 'A major development in the market',
};
