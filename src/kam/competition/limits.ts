import { listOf, oneLine } from '../shared/typed-text.ts';

// How much of the competition a manager may record, free of zod so the card's editor holds each field to
// the rule competition.ts parses it by. HubSpot holds at most 65,536 characters in a property, so every
// list and line is bounded well inside that, escapes included.

export const COMPETITORS_MAX = 15;

export const COMPETITION_TEXT = {
  competitorName: oneLine(100),
  /** What the client buys from them, e.g. "payroll, year-end audit". */
  services: oneLine(300),
  /** Our relationship's strengths, and its weaknesses, at this client: one point a line. */
  points: listOf(oneLine(200), 10),
};
