import { describe, expect, it } from 'vitest';
import {
  relationshipCoverage,
  watchReasons,
  type Activity,
  type CoverageContact,
  type RelationshipCoverage,
} from '../../../src/kam/coverage/index.ts';
import { NOW, aContact, aKeyContact, anActivity, daysAgo } from './factories.ts';

function coverageOf(
  contacts: CoverageContact[],
  activities: Activity[] = [],
  staleAfterDays = 90,
): RelationshipCoverage {
  const result = relationshipCoverage({ contacts, activities }, { now: NOW, staleAfterDays });
  if (!result.success) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

const keyContact = (coverage: RelationshipCoverage, id: string) => {
  const found = coverage.keyContacts.find((k) => k.contactId === id);
  if (!found) throw new Error(`${id} is not a key contact`);
  return found;
};

describe('relationshipCoverage: stances', () => {
  it('counts each stance of current contacts, with friends-and-allies and enemies-and-protesters as in seed 003', () => {
    const coverage = coverageOf([
      aContact({ stance: 'ally' }),
      aContact({ stance: 'ally' }),
      aContact({ stance: 'supporter' }),
      aContact({ stance: 'neutral' }),
      aContact({ stance: 'protester' }),
      aContact({ stance: 'enemy' }),
      aContact({ stance: null }),
      aContact({ stance: 'enemy', leftCompany: true }),
    ]);
    expect(coverage.stanceCounts).toEqual({
      ally: 2,
      supporter: 1,
      neutral: 1,
      protester: 1,
      enemy: 1,
      unknown: 1,
      friendsAndAllies: 3,
      enemiesAndProtesters: 2,
    });
  });
});

describe('relationshipCoverage: decision makers', () => {
  it('counts a contact as a decision maker by decision power or by HubSpot buying role', () => {
    const coverage = coverageOf([
      aContact({ id: 'final', decisionPower: 'final_say' }),
      aContact({ id: 'decides', decisionPower: 'decides' }),
      aContact({ id: 'budget', buyingRoles: ['BUDGET_HOLDER'] }),
      aContact({ id: 'sponsor', buyingRoles: ['EXECUTIVE_SPONSOR'] }),
      aContact({ id: 'dm', buyingRoles: ['DECISION_MAKER'] }),
      aContact({ id: 'influencer', decisionPower: 'influences', buyingRoles: ['INFLUENCER'] }),
    ]);
    expect(coverage.keyContacts.filter((k) => k.decisionMaker).map((k) => k.contactId)).toEqual([
      'final',
      'decides',
      'budget',
      'sponsor',
      'dm',
    ]);
    expect(coverage.decisionMakers.total).toBe(5);
  });

  it('covers a decision maker touched within the staleness window and lists the others as uncovered', () => {
    const coverage = coverageOf(
      [aContact({ id: 'cfo', decisionPower: 'final_say' }), aContact({ id: 'cto', decisionPower: 'decides' })],
      [anActivity({ contactIds: ['cfo'], at: daysAgo(30) }), anActivity({ contactIds: ['cto'], at: daysAgo(120) })],
    );
    expect(coverage.decisionMakers).toEqual({ total: 2, covered: 1, uncoveredContactIds: ['cto'] });
  });

  it('watches every contact something was recorded about: a buying role, a decision power, a stance or the label', () => {
    const coverage = coverageOf([
      aContact({ id: 'user', buyingRoles: ['END_USER'] }),
      aContact({ id: 'ally', decisionPower: 'none', stance: 'ally' }),
      aContact({ id: 'neutral', stance: 'neutral' }),
      aContact({ id: 'label', taggedKeyContact: true }),
      aContact({ id: 'influencer', decisionPower: 'influences' }),
      aContact({ id: 'no-say', decisionPower: 'none' }),
      aContact({ id: 'unknown' }),
    ]);
    expect(coverage.keyContacts.map((k) => k.contactId)).toEqual(['user', 'ally', 'neutral', 'label', 'influencer']);
  });

  it('says why a contact is watched, and watches nobody nothing was recorded about', () => {
    expect(
      watchReasons({ taggedKeyContact: true, buyingRoles: ['END_USER'], decisionPower: 'influences', stance: 'ally' }),
    ).toEqual(['key_contact_label', 'buying_role', 'decision_power', 'stance']);
    expect(watchReasons({ taggedKeyContact: false, buyingRoles: [], decisionPower: null, stance: null })).toEqual([]);
  });

  it('does not take "No say" for a decision power: it records that the contact does not decide', () => {
    expect(watchReasons({ taggedKeyContact: false, buyingRoles: [], decisionPower: 'none', stance: 'ally' })).toEqual([
      'stance',
    ]);
    expect(watchReasons({ taggedKeyContact: false, buyingRoles: [], decisionPower: 'none', stance: null })).toEqual([]);
    const coverage = coverageOf([aContact({ id: 'no-say', decisionPower: 'none', leftCompany: true })]);
    expect(coverage.departedKeyContacts).toEqual([]);
  });

  it('flags an ally with no role who goes cold (Tom in seed 003)', () => {
    const coverage = coverageOf(
      [aContact({ id: 'tom', stance: 'ally' })],
      [anActivity({ contactIds: ['tom'], at: daysAgo(200) })],
    );
    expect(coverage.freshness.staleFriendlyContactIds).toEqual(['tom']);
  });
});

describe('relationshipCoverage: client-side depth', () => {
  it('warns single-threaded when only one contact was engaged within the window', () => {
    const coverage = coverageOf(
      [aContact({ id: 'a' }), aContact({ id: 'b' })],
      [anActivity({ contactIds: ['a'] }), anActivity({ contactIds: ['b'], at: daysAgo(200) })],
    );
    expect(coverage.depth).toEqual({ currentContacts: 2, engagedContacts: 1, singleThreaded: true });
  });

  it('is not single-threaded once two contacts are engaged', () => {
    const coverage = coverageOf(
      [aContact({ id: 'a' }), aContact({ id: 'b' })],
      [anActivity({ contactIds: ['a', 'b'] })],
    );
    expect(coverage.depth.singleThreaded).toBe(false);
  });

  it('ignores planned activities after now and contacts of other companies', () => {
    const coverage = coverageOf(
      [aContact({ id: 'a' })],
      [anActivity({ contactIds: ['a'], at: NOW + 1 }), anActivity({ contactIds: ['elsewhere'] })],
    );
    expect(coverage.depth.engagedContacts).toBe(0);
  });
});

describe('relationshipCoverage: our-side breadth', () => {
  it('lists our people per key contact, most touches first', () => {
    const coverage = coverageOf(
      [aKeyContact({ id: 'tom' })],
      [
        anActivity({ ownerId: 'ann', contactIds: ['tom'] }),
        anActivity({ ownerId: 'bob', contactIds: ['tom'] }),
        anActivity({ ownerId: 'bob', contactIds: ['tom'], kind: 'email' }),
      ],
    );
    expect(keyContact(coverage, 'tom').ourPeople).toEqual(['bob', 'ann']);
    expect(coverage.breadth.keyContactsWithSeveralOfOurPeople).toBe(1);
  });

  it('flags a single-person dependency when one owner alone holds most engaged contacts', () => {
    const coverage = coverageOf(
      [aContact({ id: 'a' }), aContact({ id: 'b' }), aContact({ id: 'c' })],
      [anActivity({ ownerId: 'ann', contactIds: ['a', 'b', 'c'] }), anActivity({ ownerId: 'bob', contactIds: ['c'] })],
    );
    expect(coverage.breadth.singlePersonDependency).toEqual({ ownerId: 'ann', soleHolderOf: 2, share: 2 / 3 });
    expect(coverage.breadth.ourPeople).toEqual([
      { ownerId: 'ann', contactsHeld: 3, soleHolderOf: 2, touches: 3 },
      { ownerId: 'bob', contactsHeld: 1, soleHolderOf: 0, touches: 1 },
    ]);
  });

  it('finds no dependency when relationships are shared between our people', () => {
    const coverage = coverageOf(
      [aContact({ id: 'a' }), aContact({ id: 'b' })],
      [anActivity({ ownerId: 'ann', contactIds: ['a', 'b'] }), anActivity({ ownerId: 'bob', contactIds: ['a', 'b'] })],
    );
    expect(coverage.breadth.singlePersonDependency).toBeNull();
  });
});

describe('relationshipCoverage: people around each key contact', () => {
  const org = [
    aContact({ id: 'boss' }),
    aKeyContact({ id: 'tom', reportsTo: 'boss' }),
    aContact({ id: 'peer-1', reportsTo: 'boss' }),
    aContact({ id: 'peer-2', reportsTo: 'boss' }),
    aContact({ id: 'report-1', reportsTo: 'tom' }),
    aContact({ id: 'report-2', reportsTo: 'tom', leftCompany: true }),
  ];

  it('knows the supervisor, subordinates and peers from reports-to, and which of them are in touch', () => {
    const coverage = coverageOf(org, [anActivity({ contactIds: ['boss', 'peer-1', 'report-1', 'tom'] })]);
    expect(keyContact(coverage, 'tom').org).toEqual({
      supervisor: { contactId: 'boss', known: true, left: false, inTouch: true },
      subordinates: { known: 1, inTouch: 1 },
      peers: { known: 2, inTouch: 1 },
    });
  });

  it('marks a supervisor who has left the client as left, and one not on record as unknown', () => {
    const coverage = coverageOf([
      aKeyContact({ id: 'tom', reportsTo: 'gone' }),
      aContact({ id: 'gone', leftCompany: true }),
      aKeyContact({ id: 'ann', reportsTo: 'not-on-record' }),
    ]);
    expect(keyContact(coverage, 'tom').org.supervisor).toEqual({
      contactId: 'gone',
      known: false,
      left: true,
      inTouch: false,
    });
    expect(keyContact(coverage, 'ann').org.supervisor).toEqual({
      contactId: 'not-on-record',
      known: false,
      left: false,
      inTouch: false,
    });
  });

  it('has no supervisor when nobody recorded whom the contact reports to', () => {
    expect(keyContact(coverageOf([aKeyContact({ id: 'tom' })]), 'tom').org).toEqual({
      supervisor: null,
      subordinates: { known: 0, inTouch: 0 },
      peers: { known: 0, inTouch: 0 },
    });
  });
});

describe('relationshipCoverage: freshness', () => {
  it('reports the last touch and marks an ally untouched for longer than the window as stale ("is Tom still an ally?")', () => {
    const coverage = coverageOf(
      [aKeyContact({ id: 'tom', stance: 'ally' }), aKeyContact({ id: 'dan', stance: 'protester' })],
      [anActivity({ contactIds: ['tom'], at: daysAgo(100) }), anActivity({ contactIds: ['tom'], at: daysAgo(150) })],
    );
    expect(keyContact(coverage, 'tom')).toMatchObject({
      lastTouchedAt: daysAgo(100),
      daysSinceLastTouch: 100,
      stale: true,
    });
    expect(keyContact(coverage, 'dan')).toMatchObject({ lastTouchedAt: null, daysSinceLastTouch: null, stale: true });
    expect(coverage.freshness).toEqual({ staleKeyContactIds: ['tom', 'dan'], staleFriendlyContactIds: ['tom'] });
  });

  it('keeps a contact fresh when touched exactly staleAfterDays ago', () => {
    const coverage = coverageOf(
      [aKeyContact({ id: 'tom' })],
      [anActivity({ contactIds: ['tom'], at: daysAgo(30) })],
      30,
    );
    expect(keyContact(coverage, 'tom').stale).toBe(false);
  });
});

describe('relationshipCoverage: departed key contacts', () => {
  it('lists a departed key contact with the replacement and whether we are in touch with them', () => {
    const coverage = coverageOf(
      [
        aContact({
          id: 'jan',
          decisionPower: 'final_say',
          leftCompany: true,
          leftAt: daysAgo(20),
          replacedBy: 'dan',
          title: 'Buyer',
        }),
        aKeyContact({ id: 'dan' }),
      ],
      [anActivity({ contactIds: ['dan'] })],
    );
    expect(coverage.departedKeyContacts).toEqual([
      {
        contactId: 'jan',
        name: 'Contact jan',
        title: 'Buyer',
        leftAt: daysAgo(20),
        replacedBy: 'dan',
        replacementInTouch: true,
      },
    ]);
    expect(coverage.keyContacts.map((k) => k.contactId)).toEqual(['dan']);
  });

  it('asks who took over only from departed key contacts nobody is recorded as replacing', () => {
    const coverage = coverageOf([
      aContact({ id: 'victoria', decisionPower: 'final_say', leftCompany: true, replacedBy: 'george' }),
      aContact({ id: 'emily', stance: 'ally', leftCompany: true, replacedBy: 'nathan' }),
      aContact({ id: 'jan', stance: 'enemy', leftCompany: true }),
      aContact({ id: 'george', stance: 'supporter' }),
      aContact({ id: 'nathan' }),
    ]);
    // Every departure stays on record: reviews are called for by each of them.
    expect(coverage.departedKeyContacts.map((d) => d.contactId)).toEqual(['victoria', 'emily', 'jan']);
    expect(coverage.warnings.find((w) => w.kind === 'departed_key_contacts')?.contactIds).toEqual(['jan']);
  });

  it('does not ask who took over when every departed key contact has a recorded successor', () => {
    const coverage = coverageOf([
      aContact({ id: 'victoria', decisionPower: 'final_say', leftCompany: true, replacedBy: 'george' }),
      aContact({ id: 'george', stance: 'supporter' }),
    ]);
    expect(coverage.warnings.map((w) => w.kind)).not.toContain('departed_key_contacts');
  });
});

describe('relationshipCoverage: bad input', () => {
  it('names the path of an unknown stance', () => {
    const result = relationshipCoverage(
      { contacts: [aContact(), { ...aContact(), stance: 'friend' as never }], activities: [] },
      { now: NOW, staleAfterDays: 90 },
    );
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors.map((e) => e.path)).toEqual(['contacts.1.stance']);
  });

  it('names the path of an activity without an owner', () => {
    const result = relationshipCoverage(
      { contacts: [], activities: [anActivity(), anActivity({ ownerId: '' })] },
      { now: NOW, staleAfterDays: 90 },
    );
    expect(!result.success && result.errors.map((e) => e.path)).toEqual(['activities.1.ownerId']);
  });

  it('rejects a contact listed twice and a contact reporting to themselves', () => {
    const result = relationshipCoverage(
      { contacts: [aContact({ id: 'a' }), aContact({ id: 'a', reportsTo: 'a' })], activities: [] },
      { now: NOW, staleAfterDays: 90 },
    );
    expect(!result.success && result.errors).toEqual([
      { path: 'contacts.1.id', message: 'Contact a appears twice' },
      { path: 'contacts.1.reportsTo', message: 'A contact cannot report to themselves' },
    ]);
  });

  it('rejects a staleness window that is not a positive whole number of days', () => {
    const result = relationshipCoverage({ contacts: [], activities: [] }, { now: NOW, staleAfterDays: 0 });
    expect(!result.success && result.errors.map((e) => e.path)).toEqual(['staleAfterDays']);
  });
});

describe('relationshipCoverage: who decides on what', () => {
  it('groups key contacts by the topics they decide on, ignoring case, and says whether anyone deciding on it is in touch', () => {
    const coverage = coverageOf(
      [
        aKeyContact({ id: 'cfo', decisionTopics: ['Budget', 'Suppliers'] }),
        aKeyContact({ id: 'buyer', decisionTopics: ['suppliers '] }),
      ],
      [anActivity({ contactIds: ['buyer'] })],
    );
    expect(coverage.decisionTopics).toEqual([
      { topic: 'Budget', contactIds: ['cfo'], covered: false },
      { topic: 'Suppliers', contactIds: ['cfo', 'buyer'], covered: true },
    ]);
  });
});

describe('relationshipCoverage: warnings', () => {
  it('warns of a single thread, a single-person dependency, an uncovered decision maker, a stale ally, a departure and unknown supervisors', () => {
    const coverage = coverageOf(
      [
        aKeyContact({ id: 'tom', stance: 'ally', reportsTo: 'cfo' }),
        aContact({ id: 'cfo', decisionPower: 'final_say', reportsTo: 'ceo-not-on-record' }),
        aContact({ id: 'buyer', reportsTo: 'cfo' }),
        aContact({ id: 'jan', taggedKeyContact: true, leftCompany: true }),
      ],
      [anActivity({ ownerId: 'ann', contactIds: ['buyer'] })],
    );
    expect(coverage.warnings).toEqual([
      { kind: 'single_threaded', contactIds: ['buyer'], ownerId: null },
      { kind: 'single_person_dependency', contactIds: ['buyer'], ownerId: 'ann' },
      { kind: 'uncovered_decision_makers', contactIds: ['cfo'], ownerId: null },
      { kind: 'stale_allies', contactIds: ['tom'], ownerId: null },
      { kind: 'departed_key_contacts', contactIds: ['jan'], ownerId: null },
      { kind: 'unknown_supervisors', contactIds: ['cfo'], ownerId: null },
    ]);
  });

  it('says nobody at the client hears from us, rather than that the account is single-threaded, when nobody was engaged', () => {
    const coverage = coverageOf(
      [aContact({ id: 'a' }), aContact({ id: 'b' })],
      [anActivity({ contactIds: ['a'], at: daysAgo(200) })],
    );
    expect(coverage.depth.singleThreaded).toBe(false);
    expect(coverage.warnings.map((w) => w.kind)).toEqual(['out_of_touch']);
  });

  const unknownSupervisors = (contacts: CoverageContact[]) =>
    coverageOf(contacts).warnings.find((w) => w.kind === 'unknown_supervisors')?.contactIds ?? [];

  it('does not ask whom the head of the organisation reports to when the title says so', () => {
    const heads = ['Chief Executive Officer', 'CEO', 'Managing Director', 'President', 'Co-founder'].map((title, i) =>
      aKeyContact({ id: `head-${i}`, title }),
    );
    expect(unknownSupervisors(heads)).toEqual([]);
  });

  it('asks whom a deputy, a vice president or an assistant to the chief executive reports to', () => {
    const titles = [
      'Deputy Managing Director',
      'Vice President, Sales',
      'SVP Operations',
      'Assistant to the CEO',
      'Head of Purchasing',
    ];
    const contacts = titles.map((title, i) => aKeyContact({ id: `not-head-${i}`, title }));
    expect(unknownSupervisors(contacts)).toEqual(contacts.map((c) => c.id));
  });

  it('does not ask whom the one root of the recorded org chart reports to', () => {
    const contacts = [
      aKeyContact({ id: 'boss', title: 'Chair' }),
      aKeyContact({ id: 'cfo', reportsTo: 'boss' }),
      aKeyContact({ id: 'buyer', reportsTo: 'cfo' }),
    ];
    expect(unknownSupervisors(contacts)).toEqual([]);
  });

  it('asks about both roots of a split org chart, as one of them must report to someone', () => {
    const contacts = [
      aKeyContact({ id: 'cfo' }),
      aKeyContact({ id: 'cto' }),
      aContact({ reportsTo: 'cfo' }),
      aContact({ reportsTo: 'cto' }),
    ];
    expect(unknownSupervisors(contacts)).toEqual(['cfo', 'cto']);
  });

  it('says that the supervisor of key contacts who reported to someone who left has left, rather than unknown', () => {
    const contacts = [
      aContact({ id: 'victoria', title: 'Managing Director', leftCompany: true, replacedBy: 'george' }),
      aKeyContact({ id: 'george', title: 'Managing Director' }),
      aKeyContact({ id: 'ann', reportsTo: 'victoria' }),
      aContact({ id: 'bob', reportsTo: 'victoria' }),
      aKeyContact({ id: 'loose' }),
    ];
    const warnings = coverageOf(contacts).warnings;
    expect(warnings.find((w) => w.kind === 'supervisors_left')?.contactIds).toEqual(['ann']);
    expect(unknownSupervisors(contacts)).toEqual(['loose']);
  });

  it('asks about a head of the organisation whose recorded supervisor is not on record', () => {
    const contacts = [
      aKeyContact({ id: 'regional', title: 'President, EMEA', reportsTo: 'group-ceo' }),
      aContact({ reportsTo: 'regional' }),
    ];
    expect(unknownSupervisors(contacts)).toEqual(['regional']);
  });

  it('has no warnings for a well-spread, fresh account', () => {
    const contacts = [
      aKeyContact({ id: 'boss', decisionPower: 'final_say', stance: 'ally', reportsTo: 'board' }),
      aContact({ id: 'board' }),
      aKeyContact({ id: 'tom', reportsTo: 'boss' }),
    ];
    const activities = ['ann', 'bob'].map((ownerId) => anActivity({ ownerId, contactIds: ['boss', 'board', 'tom'] }));
    expect(coverageOf(contacts, activities).warnings).toEqual([]);
  });
});

describe('relationshipCoverage: every contact', () => {
  it('gives every contact, departed ones included, its last touch and our people, and whether it is key', () => {
    const coverage = coverageOf(
      [
        aContact({ id: 'user' }),
        aKeyContact({ id: 'tom' }),
        aContact({ id: 'jan', decisionPower: 'decides', leftCompany: true }),
      ],
      [
        anActivity({ ownerId: 'ann', contactIds: ['user', 'jan'], at: daysAgo(5) }),
        anActivity({ ownerId: 'bob', contactIds: ['user'], at: daysAgo(200) }),
      ],
    );
    expect(coverage.contactTouches).toEqual([
      { contactId: 'user', keyContact: false, lastTouchedAt: daysAgo(5), ourPeople: ['ann'] },
      { contactId: 'tom', keyContact: true, lastTouchedAt: null, ourPeople: [] },
      { contactId: 'jan', keyContact: true, lastTouchedAt: daysAgo(5), ourPeople: ['ann'] },
    ]);
  });
});
