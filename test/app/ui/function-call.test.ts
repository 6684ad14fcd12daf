import { describe, expect, it } from 'vitest';
import { callFunction, fieldMarks, issueAt, sameAt, standingFailure } from '../../../src/app/ui/function-call.ts';

const failure = {
  code: 'KAM.INVALID_SETTINGS',
  message: 'These settings cannot be saved.',
  issues: [
    { path: 'settings.access.adminUserIds.2', message: 'HubSpot ids are digits only' },
    { path: 'settings.selection.thresholds.candidate', message: 'cannot be above the key threshold' },
  ],
};

describe('the problem a failed call reported for a field', () => {
  it('is found at the field itself', () => {
    expect(issueAt(failure, 'settings.selection.thresholds.candidate')).toBe('cannot be above the key threshold');
  });

  it('is found for a list when one of its items is wrong', () => {
    expect(issueAt(failure, 'settings.access.adminUserIds')).toBe('HubSpot ids are digits only');
  });

  it('is not found for a field whose name only starts the same', () => {
    expect(issueAt(failure, 'settings.selection.thresholds.cand')).toBeUndefined();
    expect(issueAt(failure, 'settings.selection.thresholds.key')).toBeUndefined();
  });

  it('is not found when the call did not fail', () => {
    expect(issueAt(null, 'settings.access.adminUserIds')).toBeUndefined();
  });
});

describe('a refusal as the form reads it', () => {
  it('names each refused field in the words of the form that sent it', async () => {
    const refusal = {
      status: 'error',
      code: 'KAM.INVALID_PARAMETERS',
      message: 'Keystone received something it cannot use. Check the highlighted fields and try again.',
      issues: [
        { path: 'summary', message: 'say in a few words what was decided (at least 3 characters)' },
        { path: 'actions.0.text', message: 'cannot contain control characters' },
      ],
    };
    const outcome = await callFunction(() => Promise.resolve(refusal), 'log_review', { summary: 'ok' });
    expect(outcome.ok === false && outcome.failure.issues).toEqual([
      { ...refusal.issues[0], field: 'What was decided' },
      { ...refusal.issues[1], field: 'Outcome 1, what is to be done' },
    ]);
  });

  it('keeps only the problems of fields that still hold what was sent, and none once all were changed', () => {
    const sent = {
      settings: { access: { adminUserIds: ['1', '2', 'x'] }, selection: { thresholds: { candidate: 90 } } },
    };
    const now = {
      settings: { access: { adminUserIds: ['1', '2', '3'] }, selection: { thresholds: { candidate: 90 } } },
    };
    const standing = standingFailure(failure as never, (path) => sameAt(path, sent, now));
    expect(standing?.issues?.map((i) => i.path)).toEqual(['settings.selection.thresholds.candidate']);
    expect(standingFailure(failure as never, () => false)).toBeNull();
  });

  it('tells which problems were shown beside a field', () => {
    const marks = fieldMarks(failure);
    expect(marks.at('settings.access.adminUserIds')).toEqual({
      error: true,
      validationMessage: 'HubSpot ids are digits only',
    });
    expect(marks.at('settings.reviews.cadence')).toEqual({});
    expect(marks.highlighted('settings.access.adminUserIds.2')).toBe(true);
    expect(marks.highlighted('settings.selection.thresholds.candidate')).toBe(false);
  });
});
