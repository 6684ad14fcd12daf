import type { ErrorCode } from '../errors/codes.ts';
import type { ValidationIssue } from '../kam/shared/validation.ts';
import type { CardData, CardDataParameters } from './card-data.ts';
import type { CardSection, CardSectionParameters } from './card-section.ts';
import type { ClientSatisfaction, ClientSatisfactionParameters } from './client-satisfaction.ts';
import type { GetSettingsParameters, PortalSettings } from './get-settings.ts';
import type { LoggedReview, LogReviewParameters } from './log-review.ts';
import type { PortfolioFacts, PortfolioFactsParameters } from './portfolio-facts.ts';
import type { PortfolioOverview, PortfolioOverviewParameters } from './portfolio-overview.ts';
import type { RecalculatePortfolioParameters, RecalculationAnswer } from './recalculate-portfolio.ts';
import type { ContactDeparture, RecordContactDepartureParameters } from './record-contact-departure.ts';
import type { ContactStance, RecordContactStanceParameters } from './record-contact-stance.ts';
import type { RecordedReviewEvent, RecordReviewEventParameters } from './record-review-event.ts';
import type { RunSetupParameters, SetupOutcome } from './run-setup.ts';
import type { SaveAccountPlanParameters, SavedPlan } from './save-account-plan.ts';
import type { SaveCompetitionParameters, SavedCompetition } from './save-competition.ts';
import type { SavedSettings, SaveSettingsParameters } from './save-settings.ts';
import type { KeyAccountStatusChange, TagKeyAccountParameters } from './tag-key-account.ts';
import type { UntagKeyAccountParameters } from './untag-key-account.ts';

// Every Keystone app function by its uid (also its file names: `<uid>.ts`, `<uid>-hsmeta.json`,
// `dist/<uid>.js`): the parameters a screen sends and the payload of its `status: 'ok'` answer. Each
// function is defined against its entry (define-function.ts) and each screen calls through it
// (app/ui/keystone-ui.tsx), so a uid paired with another function's parameters or answer does not
// compile. Types only: the screens import it without bundling anything.

export interface KeystoneFunctions {
  card_data: { parameters: CardDataParameters; result: CardData };
  card_section: { parameters: CardSectionParameters; result: CardSection };
  tag_key_account: { parameters: TagKeyAccountParameters; result: KeyAccountStatusChange };
  untag_key_account: { parameters: UntagKeyAccountParameters; result: KeyAccountStatusChange };
  save_account_plan: { parameters: SaveAccountPlanParameters; result: SavedPlan };
  record_contact_stance: { parameters: RecordContactStanceParameters; result: ContactStance };
  record_contact_departure: { parameters: RecordContactDepartureParameters; result: ContactDeparture };
  log_review: { parameters: LogReviewParameters; result: LoggedReview };
  record_review_event: { parameters: RecordReviewEventParameters; result: RecordedReviewEvent };
  save_competition: { parameters: SaveCompetitionParameters; result: SavedCompetition };
  client_satisfaction: { parameters: ClientSatisfactionParameters; result: ClientSatisfaction };
  get_settings: { parameters: GetSettingsParameters; result: PortalSettings };
  save_settings: { parameters: SaveSettingsParameters; result: SavedSettings };
  run_setup: { parameters: RunSetupParameters; result: SetupOutcome };
  recalculate_portfolio: { parameters: RecalculatePortfolioParameters; result: RecalculationAnswer };
  portfolio_facts: { parameters: PortfolioFactsParameters; result: PortfolioFacts };
  portfolio_overview: { parameters: PortfolioOverviewParameters; result: PortfolioOverview };
}

export type FunctionUid = keyof KeystoneFunctions;
/** What a screen sends the function. */
export type FunctionParameters<Uid extends FunctionUid> = KeystoneFunctions[Uid]['parameters'];
/** What the function answers beside `status: 'ok'`. */
export type FunctionPayload<Uid extends FunctionUid> = KeystoneFunctions[Uid]['result'];

/** What every function answers: its payload beside `status: 'ok'`, or a stable error code with a message a user can act on. */
export type FunctionError = { status: 'error'; code: ErrorCode; message: string; issues?: ValidationIssue[] };
export type FunctionResult<Payload extends object> = ({ status: 'ok' } & Payload) | FunctionError;

/** The functions behind the settings page's administration: the settings, setup and recalculation. */
export const ADMIN_FUNCTIONS = {
  getSettings: 'get_settings',
  saveSettings: 'save_settings',
  runSetup: 'run_setup',
  recalculatePortfolio: 'recalculate_portfolio',
} as const satisfies Record<string, FunctionUid>;
