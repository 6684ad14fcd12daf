import { KEY_ACCOUNT_STATUSES } from '../../kam/shared/key-account-status.ts';
import { REVIEW_CADENCES } from '../../kam/shared/review-cadence.ts';
import { choiceProperty, datetimeProperty, numberProperty, textProperty, type PropertySpec } from './property.ts';

// Keystone's own company properties. HubSpot's fields are reused where they mean the same thing
// (`hs_is_target_account`, `hs_ideal_customer_profile`, `hubspot_owner_id`, `annualrevenue`), so
// lists, reports and workflows keep working on them.
export const COMPANY_PROPERTY = {
  status: 'keystone_status',
  statusReason: 'keystone_status_reason',
  statusChangedBy: 'keystone_status_changed_by',
  statusChangedAt: 'keystone_status_changed_at',
  score: 'keystone_score',
  suggestedStatus: 'keystone_suggested_status',
  scoreBreakdown: 'keystone_score_breakdown',
  scoredAt: 'keystone_scored_at',
  revenueLast12Months: 'keystone_revenue_12m',
  coverageScore: 'keystone_coverage_score',
  nextReviewDue: 'keystone_next_review_due',
  reviewCadence: 'keystone_review_cadence',
  // Manager ratings and facts the CRM does not hold itself.
  potentialRevenue: 'keystone_potential_revenue',
  totalSpendInOurArea: 'keystone_total_spend_in_area',
  marginPercent: 'keystone_margin_percent',
  prestige: 'keystone_prestige',
  strategicFit: 'keystone_strategic_fit',
  referralCount: 'keystone_referral_count',
  clientStrategy: 'keystone_client_strategy',
} as const;
type CompanyPropertyKey = keyof typeof COMPANY_PROPERTY;

const STATUS_LABELS = { none: 'Not a key account', candidate: 'Candidate', key: 'Key account', former: 'Former key account' };
const CADENCE_LABELS = { monthly: 'Monthly', quarterly: 'Quarterly', annual: 'Annual' };

export const COMPANY_PROPERTIES: Record<CompanyPropertyKey, PropertySpec> = {
  status: choiceProperty(COMPANY_PROPERTY.status, 'Key account status', 'Whether the firm runs this client as a key account.', KEY_ACCOUNT_STATUSES, STATUS_LABELS),
  statusReason: textProperty(COMPANY_PROPERTY.statusReason, 'Key account status reason', 'Why the status was last changed, in the words of the manager who changed it.', true),
  statusChangedBy: textProperty(COMPANY_PROPERTY.statusChangedBy, 'Key account status changed by', 'The HubSpot user who last changed the key account status.'),
  statusChangedAt: datetimeProperty(COMPANY_PROPERTY.statusChangedAt, 'Key account status changed at', 'When the key account status was last changed.'),
  score: numberProperty(COMPANY_PROPERTY.score, 'Key account score', 'Weighted selection score from 0 to 100, written by portfolio recalculation.'),
  suggestedStatus: choiceProperty(COMPANY_PROPERTY.suggestedStatus, 'Suggested key account status', 'What the selection criteria suggest: none, candidate or key.', ['none', 'candidate', 'key'], STATUS_LABELS),
  scoreBreakdown: textProperty(COMPANY_PROPERTY.scoreBreakdown, 'Key account score breakdown', "Each criterion's value, weight and contribution at the last recalculation (JSON).", true),
  scoredAt: datetimeProperty(COMPANY_PROPERTY.scoredAt, 'Key account scored at', 'When the score was last recalculated.'),
  revenueLast12Months: numberProperty(COMPANY_PROPERTY.revenueLast12Months, 'Revenue, last 12 months', 'Closed-won deal revenue over the 12 months before the last recalculation.'),
  coverageScore: numberProperty(COMPANY_PROPERTY.coverageScore, 'Relationship coverage score', 'Relationship coverage from 0 to 100 at the last recalculation.'),
  nextReviewDue: datetimeProperty(COMPANY_PROPERTY.nextReviewDue, 'Next account review due', 'When the next calendar review of the account plan is due.'),
  reviewCadence: choiceProperty(COMPANY_PROPERTY.reviewCadence, 'Account review cadence', 'How often this account plan is reviewed; the portal default applies when empty.', REVIEW_CADENCES, CADENCE_LABELS),
  potentialRevenue: numberProperty(COMPANY_PROPERTY.potentialRevenue, 'Potential annual revenue', 'What the client could buy from us in a year, as estimated by the account team.'),
  totalSpendInOurArea: numberProperty(COMPANY_PROPERTY.totalSpendInOurArea, "Client's total spend in our area", 'What the client spends a year on services like ours, with us and with others (for share of wallet).'),
  marginPercent: numberProperty(COMPANY_PROPERTY.marginPercent, 'Margin %', 'Profit margin on the work we do for this client, in percent.'),
  prestige: numberProperty(COMPANY_PROPERTY.prestige, 'Prestige rating', 'How much working for this client enhances our reputation, rated 0 to 10.'),
  strategicFit: numberProperty(COMPANY_PROPERTY.strategicFit, 'Strategic fit rating', 'How well the work fits our strategy and how interesting it is, rated 0 to 10.'),
  referralCount: numberProperty(COMPANY_PROPERTY.referralCount, 'Referrals made', 'Clients this client has referred to us or advocated us to.'),
  clientStrategy: textProperty(COMPANY_PROPERTY.clientStrategy, 'Client strategy', "How the client sees itself and where it is heading, in the account team's words. Keystone asks for a review of the plan when it changes.", true),
};
