import { describe, expect, it } from 'vitest';
import { fieldInWords } from '../../../src/app/ui/field-words.ts';

// Paths the functions refuse, as the forms that sent them label their fields.
describe("a refused parameter named in the form's words", () => {
  it.each([
    ['log_review', 'actions.0.text', 'Outcome 1, what is to be done'],
    ['log_review', 'actions.2.dueAt', 'Outcome 3, due date'],
    ['log_review', 'summary', 'What was decided'],
    ['record_review_event', 'at', 'When'],
    ['record_contact_departure', 'leftAt', 'Left on'],
    ['record_contact_departure', 'reason', 'Why they left'],
    ['tag_key_account', 'reason', 'Reason'],
    ['save_competition', 'competition.competitors.1.services', 'Competitor 2, used for'],
    ['save_settings', 'settings.access.managerTeamIds.0', 'Manager teams'],
    ['save_settings', 'settings.selection.weights.prestige', 'Prestige'],
    ['save_settings', 'settings.reviews.defaultCadence', 'Default review cadence'],
    ['save_account_plan', 'plan.objectives.0.title', 'Objective 1'],
  ])('%s names %s "%s"', (uid, path, words) => {
    expect(fieldInWords(uid, path, {})).toBe(words);
  });

  it("names a plan's row by the label it was sent with", () => {
    const sent = { plan: { quarterlyTargets: { rows: [{ metric: 'meetings', label: 'Meetings per quarter' }] } } };
    expect(fieldInWords('save_account_plan', 'plan.quarterlyTargets.rows.0.targets.Q1', sent)).toBe(
      'Meetings per quarter, Q1 target',
    );
  });

  it('never shows a path, even for a parameter it does not know', () => {
    expect(fieldInWords('log_review', 'somethingNew.0', {})).toBe('Something the form sent');
    expect(fieldInWords('no_such_function', 'summary', {})).toBe('Something the form sent');
  });

  it('names nothing for the parameters as a whole: their message speaks for itself', () => {
    expect(fieldInWords('log_review', '', {})).toBeNull();
  });
});
