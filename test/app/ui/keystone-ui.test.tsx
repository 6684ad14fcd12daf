import { Alert, Text } from '@hubspot/ui-extensions';
import { describe, expect, it } from 'vitest';
import { ActionFailed } from '../../../src/app/cards/account/keystone-ui.ts';
import { callFunction, type FunctionFailure } from '../../../src/app/ui/function-call.ts';
import { renderer } from './test-utils.ts';

// The one alert every form shows a failed save in: what to do, then each refused field in the form's words.

async function refusal(uid: string, issues: Array<{ path: string; message: string }>): Promise<FunctionFailure> {
  const answer = {
    status: 'error',
    code: 'KAM.INVALID_PARAMETERS',
    message: 'Keystone received something it cannot use. Check the highlighted fields and try again.',
    issues,
  };
  const outcome = await callFunction(() => Promise.resolve(answer), uid, {});
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.failure;
}

function shown(failure: FunctionFailure, highlighted?: (path: string) => boolean) {
  const alert = renderer('crm.record.tab');
  alert.render(<ActionFailed title="Not saved" failure={failure} {...(highlighted ? { highlighted } : {})} />);
  return { text: alert.find(Alert).text ?? '', lines: alert.findAll(Text).map((t) => t.text) };
}

describe('a refusal of what a form sent', () => {
  it('names the field in words and points to no highlighted field when the form marks none', async () => {
    const { text, lines } = shown(
      await refusal('tag_key_account', [{ path: 'reason', message: 'must be at most 500 characters' }]),
    );
    expect(lines).toEqual(['Reason: must be at most 500 characters']);
    expect(text).toContain('Keystone received something it cannot use:');
    expect(text).not.toContain('highlighted');
    expect(text).not.toContain('reason:');
  });

  it('points to the highlighted fields when the form marks one', async () => {
    const failure = await refusal('record_contact_departure', [{ path: 'leftAt', message: 'cannot be in the future' }]);
    const { text, lines } = shown(failure, (path) => path === 'leftAt');
    expect(text).toContain('Keystone received something it cannot use. Fix the highlighted fields and try again.');
    expect(lines).toEqual(['Left on: cannot be in the future']);
  });

  it("shows the function's own message when it names no field", () => {
    const { text } = shown({ code: 'KAM.PLAN_CHANGED_ELSEWHERE', message: 'Someone else saved this plan.' });
    expect(text).toContain('Someone else saved this plan.');
  });
});
