import { describe, expect, it } from 'vitest';
import {
  COVERAGE_SCORE_POINTS,
  relationshipCoverage,
  type Activity,
  type CoverageContact,
} from '../../../src/kam/coverage/index.ts';
import { NOW, aContact, aKeyContact, anActivity } from './factories.ts';

function scoreOf(contacts: CoverageContact[], activities: Activity[]) {
  const result = relationshipCoverage({ contacts, activities }, { now: NOW, staleAfterDays: 90 });
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data.score;
}

// Five friendly key contacts under one boss, each met recently by two of our people.
function wellCoveredAccount(): { contacts: CoverageContact[]; activities: Activity[] } {
  const ids = ['boss', 'a', 'b', 'c', 'd'];
  const contacts = ids.map((id, i) =>
    aKeyContact({
      id,
      stance: 'ally',
      decisionPower: i === 0 ? 'final_say' : 'influences',
      reportsTo: i === 0 ? null : 'boss',
    }),
  );
  return {
    contacts,
    activities: [anActivity({ ownerId: 'ann', contactIds: ids }), anActivity({ ownerId: 'bob', contactIds: ids })],
  };
}

describe('coverageScore', () => {
  it('gives a well-covered account 100 with every part at its maximum', () => {
    const { contacts, activities } = wellCoveredAccount();
    const score = scoreOf(contacts, activities);
    expect(score.value).toBe(100);
    expect(score.reasons.every((r) => r.points === r.maxPoints)).toBe(true);
  });

  it('gives an account nobody works on 0 and says no decision maker is identified', () => {
    const score = scoreOf([aContact()], []);
    expect(score.value).toBe(0);
    expect(score.reasons.find((r) => r.part === 'decisionMakersCovered')).toEqual({
      part: 'decisionMakersCovered',
      reason: 'No decision maker identified',
      points: 0,
      maxPoints: 30,
    });
  });

  it('takes the dependency points away when one of our people holds all relationships alone, naming them', () => {
    const { contacts } = wellCoveredAccount();
    const score = scoreOf(contacts, [anActivity({ ownerId: 'ann', contactIds: contacts.map((c) => c.id) })]);
    const dependency = score.reasons.find((r) => r.part === 'noSinglePersonDependency');
    expect(dependency).toMatchObject({ points: 0, reason: 'One of our people alone holds 5 of 5 engaged contacts' });
    expect(score.value).toBe(
      100 - COVERAGE_SCORE_POINTS.noSinglePersonDependency - COVERAGE_SCORE_POINTS.ourPeoplePerKeyContact,
    );
  });

  it('earns decision-maker points in proportion to the decision makers covered', () => {
    const score = scoreOf(
      [
        aKeyContact({ id: 'cfo', decisionPower: 'final_say' }),
        aKeyContact({ id: 'cto', decisionPower: 'decides' }),
        aKeyContact({ id: 'coo', decisionPower: 'decides' }),
      ],
      [anActivity({ contactIds: ['cfo'] })],
    );
    expect(score.reasons.find((r) => r.part === 'decisionMakersCovered')).toMatchObject({
      points: 10,
      reason: '1 of 3 decision makers touched in the last 90 days',
    });
  });

  it('offsets allies and supporters by protesters and enemies, never below zero', () => {
    const score = scoreOf(
      [
        aKeyContact({ stance: 'ally' }),
        aKeyContact({ stance: 'enemy' }),
        aKeyContact({ stance: 'protester' }),
        aKeyContact({ stance: 'neutral' }),
      ],
      [],
    );
    expect(score.reasons.find((r) => r.part === 'friendlyKeyContacts')).toMatchObject({
      points: 0,
      reason: '1 of 4 watched contacts are allies or supporters, 2 protesters or enemies',
    });
  });

  it('names the contacts it weighs as the card does, watched contacts, and the stances by their names', () => {
    const score = scoreOf(
      [aKeyContact({ id: 'a', stance: 'supporter' }), aKeyContact({ id: 'b', taggedKeyContact: true })],
      [anActivity({ contactIds: ['a'] })],
    );
    expect(score.reasons.map((r) => r.reason)).toEqual([
      'No decision maker identified',
      '1 contact engaged in the last 90 days (single-threaded); 5 or more earn full points',
      '0 of 2 watched contacts know two or more of our people',
      'One of our people alone holds 1 of 1 engaged contacts',
      '1 of 2 watched contacts touched in the last 90 days',
      '1 of 2 watched contacts are allies or supporters, 0 protesters or enemies',
      '0 of 2 watched contacts have their supervisor, a subordinate or a peer in touch with us',
    ]);
  });

  it('counts one protester or enemy as one', () => {
    const score = scoreOf([aKeyContact({ stance: 'ally' }), aKeyContact({ stance: 'enemy' })], []);
    expect(score.reasons.find((r) => r.part === 'friendlyKeyContacts')?.reason).toBe(
      '1 of 2 watched contacts are allies or supporters, 1 protester or enemy',
    );
  });

  it('does not call an account nobody hears from single-threaded', () => {
    const score = scoreOf([aKeyContact({ id: 'a' })], []);
    expect(score.reasons.find((r) => r.part === 'clientDepth')?.reason).toBe(
      '0 contacts engaged in the last 90 days; 5 or more earn full points',
    );
  });

  it('does not weigh a contact whose decision power is "No say" and of whom nothing else is recorded', () => {
    const { contacts, activities } = wellCoveredAccount();
    const noSay = aContact({ id: 'no-say', decisionPower: 'none', reportsTo: 'boss' });
    // Out of touch, they would cost freshness and breadth points if they were weighed.
    expect(scoreOf([...contacts, noSay], activities).value).toBe(100);
  });

  it('has a value equal to the rounded sum of its reasons', () => {
    const score = scoreOf(
      [
        aKeyContact({ id: 'x', decisionPower: 'decides', stance: 'supporter' }),
        aKeyContact({ id: 'y', reportsTo: 'x' }),
        aContact({ id: 'z' }),
      ],
      [anActivity({ contactIds: ['x', 'z'] }), anActivity({ ownerId: 'bob', contactIds: ['x'] })],
    );
    const sum = score.reasons.reduce((total, r) => total + r.points, 0);
    expect(Math.abs(score.value - sum)).toBeLessThanOrEqual(0.5);
    expect(score.value).toBeGreaterThan(0);
    expect(score.value).toBeLessThan(100);
  });
});
