import { describe, expect, it } from 'vitest';
import { newBuyerRoles, reviewTriggers, type ChangeEvent, type ReviewTrigger } from '../../../src/kam/reviews/index.ts';
import { LAST_REVIEW, PLAN_START, aChangeEvent, day } from './factories.ts';

function triggersOf(
  events: ChangeEvent[],
  keyContactIds: string[] = ['tom', 'jan', 'dan'],
  lastReviewedAt: number | null = LAST_REVIEW,
): ReviewTrigger[] {
  const result = reviewTriggers({ events, keyContactIds, lastReviewedAt, planStartedAt: PLAN_START });
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}
const kindsOf = (events: ChangeEvent[], keyContactIds?: string[]) =>
  triggersOf(events, keyContactIds).map((t) => t.kind);

describe('reviewTriggers: people at the client', () => {
  it('triggers when a key contact leaves, with the change as evidence', () => {
    expect(
      triggersOf([aChangeEvent({ recordId: 'jan', property: 'leftCompany', from: 'false', to: 'true', at: day(3) })]),
    ).toEqual([
      {
        kind: 'key_contact_left',
        at: day(3),
        open: true,
        evidence: { recordKind: 'contact', recordId: 'jan', property: 'leftCompany', from: 'false', to: 'true' },
      },
    ]);
  });

  it('counts one departure once, however often it was undone and recorded again', () => {
    const left = (from: string | null, to: string, at: number) =>
      aChangeEvent({ recordId: 'rosa', property: 'leftCompany', from, to, at });
    const triggers = triggersOf(
      [left(null, 'true', day(2)), left('true', 'false', day(3)), left('false', 'true', day(4))],
      ['rosa'],
    );
    expect(triggers.map((t) => [t.kind, t.at])).toEqual([['key_contact_left', day(2)]]);
  });

  it('raises no departure while a mistaken one stands undone', () => {
    const left = (from: string | null, to: string, at: number) =>
      aChangeEvent({ recordId: 'rosa', property: 'leftCompany', from, to, at });
    expect(triggersOf([left(null, 'true', day(2)), left('true', 'false', day(3))], ['rosa'])).toEqual([]);
  });

  it('ignores the departure or new title of a contact who is not key', () => {
    expect(
      kindsOf([
        aChangeEvent({ recordId: 'intern', property: 'leftCompany', from: null, to: 'true' }),
        aChangeEvent({ recordId: 'intern', property: 'title', from: 'Intern', to: 'Analyst' }),
      ]),
    ).toEqual([]);
  });

  it("triggers when a key contact's title changes, but not when it is first recorded", () => {
    expect(
      kindsOf([
        aChangeEvent({ recordId: 'dan', property: 'title', from: 'Deputy buyer', to: 'Head of purchasing' }),
        aChangeEvent({ property: 'title', from: null, to: 'CFO' }),
      ]),
    ).toEqual(['key_contact_title_changed']);
  });
});

describe('reviewTriggers: new buyers', () => {
  it('triggers when a contact, key or not yet, takes on a buying role that decides, pays or sponsors', () => {
    const roles = (recordId: string, from: string | null, to: string | null) =>
      aChangeEvent({ recordId, property: 'buyingRoles', from, to });
    expect(
      kindsOf([
        roles('new-1', null, 'DECISION_MAKER'),
        roles('new-2', 'INFLUENCER', 'INFLUENCER;BUDGET_HOLDER'),
        roles('tom', 'END_USER', 'EXECUTIVE_SPONSOR;END_USER'),
      ]),
    ).toEqual(['new_buyer', 'new_buyer', 'new_buyer']);
  });

  it('does not trigger on other roles, on a buyer keeping the role, or on a role given up', () => {
    expect(
      kindsOf([
        aChangeEvent({ recordId: 'a', property: 'buyingRoles', from: null, to: 'CHAMPION;INFLUENCER' }),
        aChangeEvent({ recordId: 'b', property: 'buyingRoles', from: 'DECISION_MAKER', to: 'DECISION_MAKER;CHAMPION' }),
        aChangeEvent({ recordId: 'c', property: 'buyingRoles', from: 'BUDGET_HOLDER', to: null }),
      ]),
    ).toEqual([]);
  });

  it('names the buying roles taken on', () => {
    expect(newBuyerRoles('INFLUENCER;DECISION_MAKER', 'DECISION_MAKER;BUDGET_HOLDER; EXECUTIVE_SPONSOR')).toEqual([
      'BUDGET_HOLDER',
      'EXECUTIVE_SPONSOR',
    ]);
  });
});

describe('reviewTriggers: stances', () => {
  it('triggers a worsened stance when an ally becomes neutral', () => {
    expect(kindsOf([aChangeEvent({ from: 'ally', to: 'neutral' })])).toEqual(['stance_worsened']);
  });

  it('triggers a worsened stance for a new enemy, but not for a contact first assessed as a supporter', () => {
    expect(
      kindsOf([
        aChangeEvent({ recordId: 'new-1', from: null, to: 'enemy' }),
        aChangeEvent({ recordId: 'new-2', from: null, to: 'supporter' }),
      ]),
    ).toEqual(['stance_worsened']);
  });

  it('triggers an improved stance when a protester is won over (Dan in seed 003)', () => {
    expect(kindsOf([aChangeEvent({ recordId: 'dan', from: 'protester', to: 'supporter' })])).toEqual([
      'stance_improved',
    ]);
  });
});

describe("reviewTriggers: the client's strategy", () => {
  it('triggers when the strategy the account team recorded changes, not when it is first recorded or cleared', () => {
    const strategy = (from: string | null, to: string | null) =>
      aChangeEvent({ kind: 'company', recordId: 'acme', property: 'strategy', from, to });
    expect(
      kindsOf([
        strategy('Grow in Europe', 'Sell the European arm'),
        strategy(null, 'Grow in Europe'),
        strategy('Grow in Europe', null),
      ]),
    ).toEqual(['client_strategy_changed']);
  });
});

describe('reviewTriggers: the company and our side', () => {
  it('triggers on a new parent company and on a merger', () => {
    expect(
      kindsOf([
        aChangeEvent({
          kind: 'company',
          recordId: 'acme',
          property: 'parentCompany',
          from: null,
          to: 'megacorp',
          at: day(2),
        }),
        aChangeEvent({
          kind: 'company',
          recordId: 'acme',
          property: 'mergedCompanies',
          from: null,
          to: '9001',
          at: day(4),
        }),
      ]),
    ).toEqual(['company_merged', 'new_parent_company']);
  });

  it('triggers when our owner or team changes, but not on the first assignment', () => {
    expect(
      kindsOf([
        aChangeEvent({ kind: 'company', recordId: 'acme', property: 'owner', from: '11', to: '12' }),
        aChangeEvent({ kind: 'company', recordId: 'acme', property: 'team', from: null, to: '11,12' }),
        aChangeEvent({ kind: 'company', recordId: 'acme', property: 'team', from: '11,12', to: '11,13' }),
      ]),
    ).toEqual(['our_owner_changed', 'our_team_changed']);
  });

  it('triggers when an objective is achieved', () => {
    expect(
      kindsOf([
        aChangeEvent({ kind: 'objective', recordId: 'o1', property: 'status', from: 'open', to: 'achieved' }),
        aChangeEvent({ kind: 'objective', recordId: 'o2', property: 'status', from: 'open', to: 'dropped' }),
      ]),
    ).toEqual(['objective_achieved']);
  });
});

describe('reviewTriggers: open and closed', () => {
  it('counts only triggers after the last review as open, newest first', () => {
    const triggers = triggersOf([
      aChangeEvent({ at: LAST_REVIEW - 1 }),
      aChangeEvent({ at: LAST_REVIEW }),
      aChangeEvent({ at: day(1) }),
    ]);
    expect(triggers.map((t) => [t.at, t.open])).toEqual([
      [day(1), true],
      [LAST_REVIEW, false],
      [LAST_REVIEW - 1, false],
    ]);
  });

  it('counts triggers after the plan start as open when the plan was never reviewed', () => {
    const triggers = triggersOf(
      [aChangeEvent({ at: PLAN_START - 1 }), aChangeEvent({ at: PLAN_START + 1 })],
      ['tom'],
      null,
    );
    expect(triggers.map((t) => t.open)).toEqual([true, false]);
  });
});

describe('reviewTriggers: bad input', () => {
  it('rejects a property that is not watched, naming the event', () => {
    const result = reviewTriggers({
      events: [aChangeEvent(), aChangeEvent({ property: 'jobtitle' })],
      keyContactIds: [],
      lastReviewedAt: null,
      planStartedAt: 0,
    });
    expect(!result.success && result.errors).toEqual([
      {
        path: 'events.1.property',
        message:
          'A contact change to "jobtitle" is not watched; expected one of leftCompany, title, stance, buyingRoles',
      },
    ]);
  });

  it('rejects a stance value that is not a stance', () => {
    const result = reviewTriggers({
      events: [aChangeEvent({ to: 'friend' })],
      keyContactIds: [],
      lastReviewedAt: null,
      planStartedAt: 0,
    });
    expect(!result.success && result.errors.map((e) => e.path)).toEqual(['events.0.to']);
  });
});
