import { describe, expect, it } from 'vitest';
import { issueAt } from '../../../src/app/ui/function-call.ts';

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
