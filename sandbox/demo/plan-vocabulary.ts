import type { ReviewOutcome } from '../../src/kam/reviews/outcome.ts';

// Words of the demo's key account plans and reviews: what a consultancy's account teams write.

/** The 12-month business objective, given the client's name and the growth in fees aimed for (£k). */
export const BUSINESS_OBJECTIVES: ReadonlyArray<(client: string, growthK: number) => string> = [
  (client, k) =>
    `Become ${client}'s first-choice adviser on operational change and grow annual fees by £${k}k, with a second framework lot secured before year end.`,
  (client, k) =>
    `Move from project-by-project work to a retained relationship with ${client}: a board-level sponsor, a rolling programme of work and £${k}k more in fees over the year.`,
  (client, k) =>
    `Protect our position at ${client} through its restructuring, win the transformation programme it has budgeted for, and add £${k}k to this year's fees.`,
  (client, k) =>
    `Widen the relationship with ${client} beyond finance into operations and HR, so no single buyer's departure can put the account at risk; £${k}k growth in fees.`,
  (client, k) =>
    `Help ${client} deliver its three-year strategy and be seen as the firm that made it happen: £${k}k more in fees and a published case study.`,
];

/** SMART objectives: a specific, measurable title and how we will know it is met. */
export const OBJECTIVES: ReadonlyArray<{ title: string; measure: string }> = [
  { title: 'Meet the new chief operating officer', measure: 'An introductory meeting held and a follow-up agreed.' },
  { title: 'Win the supplier-framework renewal', measure: 'Framework contract signed for a further three years.' },
  {
    title: 'Introduce our data and analytics practice',
    measure: 'Two workshops held and one paid diagnostic commissioned.',
  },
  {
    title: 'Run a joint breakfast briefing for their leadership team',
    measure: 'At least six of their senior people attend.',
  },
  {
    title: 'Turn the finance director into an ally',
    measure: 'Stance recorded as ally after a review of the last project with them.',
  },
  { title: 'Agree a retained advisory arrangement', measure: 'Monthly retainer in place with a named sponsor.' },
  {
    title: 'Publish a case study of the operations review',
    measure: 'Client approves the text and it appears on our website.',
  },
  { title: 'Secure an introduction to the group board', measure: 'A board member has met our relationship partner.' },
  { title: 'Cross-sell the procurement review', measure: 'Proposal accepted for the procurement review.' },
  {
    title: 'Raise satisfaction on delivery to 9 out of 10',
    measure: 'Average score of 9 or more in the client feedback survey.',
  },
];

/** What a review's summary says for each outcome. */
export const REVIEW_SUMMARIES: Record<ReviewOutcome, readonly string[]> = {
  plan_updated: [
    'Objectives revised after the client reset its budget for the year; targets for the second half lowered.',
    'Added an objective to reach the new operations director; dropped the training proposal.',
    'Plan refreshed for the new year: business objective restated, team unchanged.',
  ],
  celebrate: [
    'The framework renewal came through: thanks to the whole team, and a note to the client sponsor.',
    'Delivery scores are the best we have had with this client; shared with the practice.',
  ],
  escalate: [
    'A competitor is pitching for the next phase; relationship partner to call the chief executive.',
    'Fees are behind target for the second quarter running; raised with the managing partner.',
  ],
  exploit: [
    'Their new data strategy needs help we can give: research to prepare a short briefing.',
    'The client is opening an office in the north; introduce our regional team.',
  ],
};
