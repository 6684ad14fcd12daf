import { ACCOUNT_SUMMARY_PROPERTY as SUMMARY } from '../../contracts/account-summary.ts';
import { KEY_ACCOUNT_STATUSES } from '../../kam/shared/key-account-status.ts';
import { REVIEW_CADENCES } from '../../kam/shared/review-cadence.ts';
import { REVIEW_CADENCE_LABELS, STATUS_LABELS } from '../../kam/shared/labels.ts';
import { choiceProperty, datetimeProperty, numberProperty, textProperty, type PropertySpec } from './property.ts';

// Keystone's own company properties. HubSpot's fields are reused where they mean the same thing
// (`hs_is_target_account`, `hs_ideal_customer_profile`, `hubspot_owner_id`, `annualrevenue`), so
// lists, reports and workflows keep working on them.
export const COMPANY_PROPERTY = {
  status: SUMMARY.status,
  statusReason: 'keystone_status_reason',
  statusChangedBy: 'keystone_status_changed_by',
  statusChangedAt: 'keystone_status_changed_at',
  score: SUMMARY.score,
  suggestedStatus: SUMMARY.suggestedStatus,
  scoreBreakdown: SUMMARY.scoreBreakdown,
  scoredAt: SUMMARY.scoredAt,
  revenueLast12Months: 'keystone_revenue_12m',
  coverageScore: SUMMARY.coverageScore,
  topRisk: SUMMARY.topRisk,
  coverageScoredAt: SUMMARY.coverageScoredAt,
  meetingsByMonth: 'keystone_meetings_by_month',
  satisfaction: 'keystone_satisfaction',
  nextReviewDue: SUMMARY.nextReviewDue,
  reviewOverdueAfterDays: SUMMARY.reviewOverdueAfterDays,
  relationshipHolders: 'keystone_relationship_holders',
  soleRelationshipHolder: 'keystone_sole_relationship_holder',
  reviewCadence: 'keystone_review_cadence',
  // Manager ratings and facts the CRM does not hold itself.
  potentialRevenue: 'keystone_potential_revenue',
  totalSpendInOurArea: 'keystone_total_spend_in_area',
  marginPercent: 'keystone_margin_percent',
  prestige: 'keystone_prestige',
  strategicFit: 'keystone_strategic_fit',
  referralCount: 'keystone_referral_count',
  clientStrategy: 'keystone_client_strategy',
  recordedEvents: 'keystone_recorded_events',
  competition: 'keystone_competition_json',
} as const;
type CompanyPropertyKey = keyof typeof COMPANY_PROPERTY;

export const COMPANY_PROPERTIES: Record<CompanyPropertyKey, PropertySpec> = {
  status: choiceProperty({
    name: COMPANY_PROPERTY.status,
    label: 'Key account status',
    description: 'Whether the firm runs this client as a key account.',
    values: KEY_ACCOUNT_STATUSES,
    labels: STATUS_LABELS,
  }),
  statusReason: textProperty({
    name: COMPANY_PROPERTY.statusReason,
    label: 'Key account status reason',
    description: 'Why the status was last changed, in the words of the manager who changed it.',
    long: true,
  }),
  statusChangedBy: textProperty({
    name: COMPANY_PROPERTY.statusChangedBy,
    label: 'Key account status changed by',
    description: 'The HubSpot user who last changed the key account status.',
  }),
  statusChangedAt: datetimeProperty({
    name: COMPANY_PROPERTY.statusChangedAt,
    label: 'Key account status changed at',
    description: 'When the key account status was last changed.',
  }),
  score: numberProperty({
    name: COMPANY_PROPERTY.score,
    label: 'Key account score',
    description: 'Weighted selection score from 0 to 100, written by portfolio recalculation.',
  }),
  suggestedStatus: choiceProperty({
    name: COMPANY_PROPERTY.suggestedStatus,
    label: 'Suggested key account status',
    description: 'What the selection criteria suggest: none, candidate or key.',
    values: ['none', 'candidate', 'key'],
    labels: STATUS_LABELS,
  }),
  scoreBreakdown: textProperty({
    name: COMPANY_PROPERTY.scoreBreakdown,
    label: 'Key account score breakdown',
    description: "Each criterion's value, weight and contribution at the last recalculation (JSON).",
    long: true,
  }),
  scoredAt: datetimeProperty({
    name: COMPANY_PROPERTY.scoredAt,
    label: 'Key account scored at',
    description: 'When the score was last recalculated.',
  }),
  revenueLast12Months: numberProperty({
    name: COMPANY_PROPERTY.revenueLast12Months,
    label: 'Revenue, last 12 months',
    description: 'Closed-won deal revenue over the 12 months before the last recalculation.',
  }),
  coverageScore: numberProperty({
    name: COMPANY_PROPERTY.coverageScore,
    label: 'Relationship coverage score',
    description:
      'Relationship coverage from 0 to 100, written by recalculation and whenever a stance or departure is recorded.',
  }),
  topRisk: textProperty({
    name: COMPANY_PROPERTY.topRisk,
    label: 'Top relationship risk',
    description:
      'The relationship warning most worth acting on when coverage was last weighed (a key contact who left first); empty when nothing stands out.',
  }),
  coverageScoredAt: datetimeProperty({
    name: COMPANY_PROPERTY.coverageScoredAt,
    label: 'Relationship coverage weighed at',
    description: 'When the relationship coverage score and top risk were last weighed.',
  }),
  relationshipHolders: textProperty({
    name: COMPANY_PROPERTY.relationshipHolders,
    label: 'Relationship holders',
    description:
      'HubSpot owner ids of our people in touch with the client, most contacts held first, at the last recalculation.',
  }),
  soleRelationshipHolder: textProperty({
    name: COMPANY_PROPERTY.soleRelationshipHolder,
    label: 'Relationship held by one person',
    description:
      'HubSpot owner id of the one person of ours who alone holds most of the relationship, at the last recalculation; empty when no one does.',
  }),
  meetingsByMonth: textProperty({
    name: COMPANY_PROPERTY.meetingsByMonth,
    label: 'Meetings by month',
    description:
      'Meetings logged with the key account per month over the last two years, at the last recalculation; the quarterly report counts plan meetings from it.',
  }),
  satisfaction: textProperty({
    name: COMPANY_PROPERTY.satisfaction,
    label: 'Client satisfaction (Keystone)',
    description:
      "Written by Keystone at each recalculation: per survey kind (NPS, CSAT, CES) the client's contacts answered in HubSpot's feedback surveys, the latest answer, the year's score and its trend (JSON); the portfolio pages show it.",
  }),
  nextReviewDue: datetimeProperty({
    name: COMPANY_PROPERTY.nextReviewDue,
    label: 'Next account review due',
    description: 'When the next calendar review of the account plan is due.',
  }),
  reviewOverdueAfterDays: numberProperty({
    name: COMPANY_PROPERTY.reviewOverdueAfterDays,
    label: 'Account review overdue after (days)',
    description:
      "Days after the next review falls due before Keystone calls it overdue: the portal's setting, written with the review date and at each recalculation, so the company sidebar tells due from overdue as the Reviews tab does.",
  }),
  reviewCadence: choiceProperty({
    name: COMPANY_PROPERTY.reviewCadence,
    label: 'Account review cadence',
    description: 'How often this account plan is reviewed; the portal default applies when empty.',
    values: REVIEW_CADENCES,
    labels: REVIEW_CADENCE_LABELS,
  }),
  potentialRevenue: numberProperty({
    name: COMPANY_PROPERTY.potentialRevenue,
    label: 'Potential annual revenue',
    description: 'What the client could buy from us in a year, as estimated by the account team.',
  }),
  totalSpendInOurArea: numberProperty({
    name: COMPANY_PROPERTY.totalSpendInOurArea,
    label: "Client's total spend in our area",
    description: 'What the client spends a year on services like ours, with us and with others (for share of wallet).',
  }),
  marginPercent: numberProperty({
    name: COMPANY_PROPERTY.marginPercent,
    label: 'Margin %',
    description: 'Profit margin on the work we do for this client, in percent.',
  }),
  prestige: numberProperty({
    name: COMPANY_PROPERTY.prestige,
    label: 'Prestige rating',
    description: 'How much working for this client enhances our reputation, rated 0 to 10.',
  }),
  strategicFit: numberProperty({
    name: COMPANY_PROPERTY.strategicFit,
    label: 'Strategic fit rating',
    description: 'How well the work fits our strategy and how interesting it is, rated 0 to 10.',
  }),
  referralCount: numberProperty({
    name: COMPANY_PROPERTY.referralCount,
    label: 'Referrals made',
    description: 'Clients this client has referred to us or advocated us to.',
  }),
  clientStrategy: textProperty({
    name: COMPANY_PROPERTY.clientStrategy,
    label: 'Client strategy',
    description:
      "How the client sees itself and where it is heading, in the account team's words. Keystone asks for a review of the plan when it changes.",
    long: true,
  }),
  recordedEvents: textProperty({
    name: COMPANY_PROPERTY.recordedEvents,
    label: 'Events recorded for review',
    description:
      'Events HubSpot cannot see that a key account manager recorded (a competitor, the supply chain, our own changes, the market), each a reason to review the plan (JSON).',
    long: true,
  }),
  competition: textProperty({
    name: COMPANY_PROPERTY.competition,
    label: 'Competitors and our position (Keystone)',
    description:
      "Written by Keystone: which competitors the client also uses, for what and how strongly, and our relationship's strengths and weaknesses. Edit it on the Key account card.",
    long: true,
  }),
};
