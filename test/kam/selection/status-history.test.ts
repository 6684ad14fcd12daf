import { describe, expect, it } from 'vitest';
import { statusHistory, type RecordedValue } from '../../../src/kam/selection/index.ts';
import { isAllowedStatusChange, STATUS_CHANGES } from '../../../src/kam/shared/index.ts';

const T = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const at = (day: number, value: string): RecordedValue => ({ value, at: T + day * DAY });

describe('statusHistory', () => {
  it('lists every status change newest first, with who made it, why and the status before', () => {
    const history = statusHistory({
      status: [at(20, 'former'), at(10, 'key'), at(0, 'candidate')],
      reason: [at(20, 'Moved work in-house'), at(10, 'Board sponsor won'), at(0, 'Growing fast')],
      changedBy: [at(20, '7'), at(10, '8'), at(0, '7')],
      changedAt: [at(20, 'x'), at(10, 'x'), at(0, 'x')],
    });
    expect(history).toEqual([
      {
        status: 'former',
        previousStatus: 'key',
        at: T + 20 * DAY,
        changedByUserId: '7',
        reason: 'Moved work in-house',
      },
      {
        status: 'key',
        previousStatus: 'candidate',
        at: T + 10 * DAY,
        changedByUserId: '8',
        reason: 'Board sponsor won',
      },
      { status: 'candidate', previousStatus: 'none', at: T, changedByUserId: '7', reason: 'Growing fast' },
    ]);
  });

  it('pairs several changes made within one instant in the order HubSpot lists them', () => {
    const history = statusHistory({
      status: [at(0, 'key'), at(0, 'candidate')],
      reason: [at(0, 'Promoted'), at(0, 'Maybe')],
      changedBy: [at(0, '8'), at(0, '7')],
      changedAt: [at(0, 'x'), at(0, 'x')],
    });
    expect(history.map((h) => [h.status, h.previousStatus, h.changedByUserId, h.reason])).toEqual([
      ['key', 'candidate', '8', 'Promoted'],
      ['candidate', 'none', '7', 'Maybe'],
    ]);
  });

  it('keeps a reason HubSpot did not record again, and names no one and no earlier status outside Keystone', () => {
    const history = statusHistory({
      status: [at(30, 'none'), at(10, 'key'), at(0, 'key')],
      reason: [at(0, 'Strategic')],
      changedBy: [at(0, '7')],
      changedAt: [at(10, 'x'), at(0, 'x')],
    });
    expect(history.map((h) => [h.status, h.changedByUserId, h.reason])).toEqual([
      ['none', null, null],
      ['key', '7', 'Strategic'],
      ['key', '7', 'Strategic'],
    ]);
    const imported = statusHistory({ status: [at(0, 'key')], reason: [], changedBy: [], changedAt: [] });
    expect(imported).toEqual([{ status: 'key', previousStatus: null, at: T, changedByUserId: null, reason: null }]);
  });
});

describe('the status changes a manager may make', () => {
  it('promotes a candidate, ends a key account as former, and makes nothing former that was not key', () => {
    expect(isAllowedStatusChange('candidate', 'key')).toBe(true);
    expect(isAllowedStatusChange('none', 'key')).toBe(true);
    expect(isAllowedStatusChange('former', 'key')).toBe(true);
    expect(isAllowedStatusChange('key', 'former')).toBe(true);
    expect(isAllowedStatusChange('candidate', 'none')).toBe(true);
    expect(isAllowedStatusChange('none', 'candidate')).toBe(true);
    expect(isAllowedStatusChange('key', 'candidate')).toBe(true);
    expect(isAllowedStatusChange('none', 'former')).toBe(false);
    expect(isAllowedStatusChange('candidate', 'former')).toBe(false);
    for (const [from, to] of Object.entries(STATUS_CHANGES)) expect(to).not.toContain(from);
  });
});
