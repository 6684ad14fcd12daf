import { describe, expect, it } from 'vitest';
import { customMetricKey } from '../../../src/app/cards/account/PlanEditor.tsx';

describe("a manager's own metric", () => {
  it('gets a key the plan function accepts, made from its label', () => {
    expect(customMetricKey('New services used!', [])).toBe('custom_new_services_used');
    expect(customMetricKey('New services used', [])).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
  });

  it('never takes the key of a metric already in the plan', () => {
    expect(customMetricKey('Referrals', ['custom_referrals', 'custom_referrals_2'])).toBe('custom_referrals_3');
  });

  it('stays within the 40 characters a metric key may have, even for a long label', () => {
    expect(
      customMetricKey('Number of board-level meetings held with the client every quarter', []).length,
    ).toBeLessThanOrEqual(40);
  });
});
