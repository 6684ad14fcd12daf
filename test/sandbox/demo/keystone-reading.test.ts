import { describe, expect, it } from 'vitest';
import { COMPANY_PROPERTY } from '../../../src/crm/model/company-properties.ts';
import { CONTACT_PROPERTY } from '../../../src/crm/model/contact-properties.ts';
import { relationshipCoverage, type CoverageInput, type CoverageWarningKind } from '../../../src/kam/coverage/index.ts';
import { paretoAnalysis } from '../../../src/kam/portfolio/pareto.ts';
import {
  parsePortfolioFacts,
  scorePortfolio,
  selectionDrift,
  type CompanyFactsInput,
} from '../../../src/kam/selection/index.ts';
import { changeEventsFromHistory, reviewTriggers, type PropertyHistory } from '../../../src/kam/reviews/index.ts';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import { ACTIVITY_TYPES, DAY, DEMO_NOW, demoPortal, indexPortal } from './portal-index.ts';

// Keystone's own domain, fed from the demo portal, should see the stories the demo means to tell.
describe("Keystone's reading of the demo portal", () => {
  const { seed, stories } = demoPortal();
  const index = indexPortal(seed);
  const lastYear = index.closedWonFees(DEMO_NOW - 365 * DAY);
  const pipeline = new Map<string, number>();
  for (const deal of seed.objects.deals.filter((d) => d.properties.hs_is_closed === 'false')) {
    for (const id of index.linked('deals', deal.id, 'companies'))
      pipeline.set(id, (pipeline.get(id) ?? 0) + Number(deal.properties.amount));
  }
  const known = (value: string | undefined): number | null => (value === undefined ? null : Number(value));
  const facts = seed.objects.companies.map(
    (c): CompanyFactsInput => ({
      companyId: c.id,
      status: (c.properties[COMPANY_PROPERTY.status] ?? 'none') as CompanyFactsInput['status'],
      revenueLast12Months: lastYear.get(c.id) ?? 0,
      openPipeline: pipeline.get(c.id) ?? 0,
      annualRevenue: known(c.properties.annualrevenue),
      referralCount: known(c.properties[COMPANY_PROPERTY.referralCount]),
      potentialRevenue: known(c.properties[COMPANY_PROPERTY.potentialRevenue]),
      totalSpendInOurArea: known(c.properties[COMPANY_PROPERTY.totalSpendInOurArea]),
      marginPercent: known(c.properties[COMPANY_PROPERTY.marginPercent]),
      prestige: known(c.properties[COMPANY_PROPERTY.prestige]),
      strategicFit: known(c.properties[COMPANY_PROPERTY.strategicFit]),
    }),
  );
  const parsed = parsePortfolioFacts(facts);
  if (!parsed.success) throw new Error(`Demo facts do not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const drift = selectionDrift(scorePortfolio(parsed.data, defaultSettings().selection));
  const ids = (list: Array<{ companyId: string }>) => list.map((s) => s.companyId);

  it('puts the accounts that should be key at the top of "qualifies but not tagged"', () => {
    expect(new Set(ids(drift.qualifiesButNotTagged).slice(0, stories.shouldBeKey.length))).toEqual(
      new Set(stories.shouldBeKey),
    );
  });

  it('lists the accounts that no longer qualify as "tagged but does not qualify"', () => {
    expect(ids(drift.taggedButNoLongerQualifies)).toEqual(expect.arrayContaining(stories.noLongerQualifies));
  });

  it('finds no drift on the clearly key accounts', () => {
    const drifting = new Set([...ids(drift.taggedButNoLongerQualifies), ...ids(drift.taggedWithoutEnoughData)]);
    for (const id of stories.clearlyKey) expect(drifting.has(id)).toBe(false);
  });

  // The coverage card's input for one company, read from the portal as the backend reads HubSpot.
  const [keyContactType] = seed.associationDefinitions;
  const coverageInput = (companyId: string): CoverageInput => {
    const tagged = new Set(
      seed.associations
        .filter((a) => a.fromId === companyId && a.associationTypeId === keyContactType?.typeId)
        .map((a) => a.toId),
    );
    const contacts = index.contactsOf(companyId).map(({ id, properties: p }) => ({
      id,
      name: `${p.firstname} ${p.lastname}`,
      title: p.jobtitle ?? null,
      taggedKeyContact: tagged.has(id),
      buyingRoles: (p.hs_buying_role?.split(';') ?? []) as CoverageInput['contacts'][number]['buyingRoles'],
      stance: (p[CONTACT_PROPERTY.stance] ?? null) as CoverageInput['contacts'][number]['stance'],
      decisionPower: (p[CONTACT_PROPERTY.decisionPower] ?? null) as CoverageInput['contacts'][number]['decisionPower'],
      decisionTopics: p[CONTACT_PROPERTY.decisionTopics]?.split(';').map((t) => t.trim()) ?? [],
      reportsTo: p[CONTACT_PROPERTY.reportsTo] ?? null,
      leftCompany: p[CONTACT_PROPERTY.leftCompany] === 'true',
      leftAt: p[CONTACT_PROPERTY.leftAt] === undefined ? null : Date.parse(p[CONTACT_PROPERTY.leftAt] ?? ''),
      replacedBy: p[CONTACT_PROPERTY.replacedBy] ?? null,
    }));
    const activities = ACTIVITY_TYPES.flatMap((type) =>
      index.linked('companies', companyId, type).map((id) => ({
        kind: ({ meetings: 'meeting', calls: 'call', emails: 'email' } as const)[type],
        ownerId: index.record(type, id).properties.hubspot_owner_id ?? '',
        contactIds: index.linked(type, id, 'contacts'),
        at: Date.parse(index.record(type, id).properties.hs_timestamp ?? ''),
      })),
    );
    return { contacts, activities };
  };
  const warningsOn = (companyId: string): CoverageWarningKind[] => {
    const result = relationshipCoverage(coverageInput(companyId), {
      now: DEMO_NOW,
      staleAfterDays: defaultSettings().coverage.staleAfterDays,
    });
    if (!result.success) throw new Error(`Coverage input does not parse: ${JSON.stringify(result.errors.slice(0, 3))}`);
    return result.data.warnings.map((w) => w.kind);
  };

  it('warns that the single-threaded accounts are single-threaded', () => {
    for (const { companyId } of stories.singleThreaded) expect(warningsOn(companyId)).toContain('single_threaded');
  });

  it('warns of the single-person dependency on our side', () => {
    expect(warningsOn(stories.singlePersonDependency.companyId)).toContain('single_person_dependency');
  });

  it('warns that the ally has gone quiet', () => {
    const result = relationshipCoverage(coverageInput(stories.allyGoneQuiet.companyId), {
      now: DEMO_NOW,
      staleAfterDays: defaultSettings().coverage.staleAfterDays,
    });
    expect(result.success && result.data.warnings.find((w) => w.kind === 'stale_allies')?.contactIds).toContain(
      stories.allyGoneQuiet.contactId,
    );
  });

  it('does not ask who took over from the director who left, as the one promoted into the role is recorded', () => {
    const { companyId, leftContactId, replacedById } = stories.keyContactLeft;
    const result = relationshipCoverage(coverageInput(companyId), {
      now: DEMO_NOW,
      staleAfterDays: defaultSettings().coverage.staleAfterDays,
    });
    expect(result.success && result.data.departedKeyContacts).toEqual([
      expect.objectContaining({ contactId: leftContactId, replacedBy: replacedById }),
    ]);
    expect(warningsOn(companyId)).not.toContain('departed_key_contacts');
  });

  it('finds the clearly key accounts multi-threaded and held by several of our people', () => {
    for (const id of stories.clearlyKey) {
      const warnings = warningsOn(id);
      for (const kind of [
        'single_threaded',
        'single_person_dependency',
        'stale_allies',
        'uncovered_decision_makers',
        'departed_key_contacts',
      ] as const)
        expect(warnings).not.toContain(kind);
    }
  });

  // Review triggers since a review six weeks ago, from the property history of the company and its contacts.
  const openTriggersOn = (companyId: string) => {
    const watched = {
      [CONTACT_PROPERTY.leftCompany]: 'leftCompany',
      jobtitle: 'title',
      [CONTACT_PROPERTY.stance]: 'stance',
    } as const;
    const histories: PropertyHistory[] = [
      ...index.contactsOf(companyId).flatMap((c) =>
        Object.entries(watched).flatMap(([name, property]) => {
          const history = c.propertyHistory?.[name];
          return history
            ? [
                {
                  kind: 'contact' as const,
                  recordId: c.id,
                  property,
                  history: history.map((h) => ({ value: h.value, timestamp: h.timestamp })),
                },
              ]
            : [];
        }),
      ),
      ...Object.entries({
        hs_parent_company_id: 'parentCompany',
        hubspot_owner_id: 'owner',
        [COMPANY_PROPERTY.clientStrategy]: 'strategy',
      } as const).flatMap(([name, property]) => {
        const history = index.record('companies', companyId).propertyHistory?.[name];
        return history
          ? [
              {
                kind: 'company' as const,
                recordId: companyId,
                property,
                history: history.map((h) => ({ value: h.value, timestamp: h.timestamp })),
              },
            ]
          : [];
      }),
    ];
    const events = changeEventsFromHistory(histories);
    if (!events.success) throw new Error(`History does not parse: ${JSON.stringify(events.errors.slice(0, 3))}`);
    const coverage = relationshipCoverage(coverageInput(companyId), { now: DEMO_NOW, staleAfterDays: 90 });
    if (!coverage.success) throw new Error('Coverage input does not parse');
    const keyContactIds = [
      ...coverage.data.keyContacts.map((k) => k.contactId),
      ...coverage.data.departedKeyContacts.map((d) => d.contactId),
    ];
    const triggers = reviewTriggers({
      events: events.data,
      keyContactIds,
      lastReviewedAt: DEMO_NOW - 45 * DAY,
      planStartedAt: DEMO_NOW - 365 * DAY,
    });
    if (!triggers.success) throw new Error('Triggers input does not parse');
    return triggers.data.filter((t) => t.open);
  };

  it('raises review triggers for the key contact who left and the successor promoted and won over', () => {
    const { companyId, leftContactId, replacedById } = stories.keyContactLeft;
    const open = openTriggersOn(companyId).map((t) => `${t.kind} ${t.evidence.recordId}`);
    expect(open).toEqual(
      expect.arrayContaining([
        `key_contact_left ${leftContactId}`,
        `key_contact_title_changed ${replacedById}`,
        `stance_improved ${replacedById}`,
      ]),
    );
  });

  it('raises review triggers for the new parent company and the client strategy the team rewrote after it', () => {
    const { companyId, parentCompanyId } = stories.newParentCompany;
    const open = openTriggersOn(companyId);
    expect(open).toContainEqual(
      expect.objectContaining({
        kind: 'new_parent_company',
        evidence: expect.objectContaining({ to: parentCompanyId }),
      }),
    );
    expect(open).toContainEqual(
      expect.objectContaining({
        kind: 'client_strategy_changed',
        evidence: expect.objectContaining({ to: expect.stringContaining('new parent') }),
      }),
    );
  });

  it('raises a review trigger for the new account manager on our side', () => {
    const { companyId, ownerId, previousOwnerId } = stories.newAccountManager;
    expect(openTriggersOn(companyId)).toContainEqual(
      expect.objectContaining({
        kind: 'our_owner_changed',
        evidence: expect.objectContaining({ from: previousOwnerId, to: ownerId }),
      }),
    );
  });

  it('sees about 80 % of revenue coming from the top fifth of clients', () => {
    const share = paretoAnalysis([...index.closedWonFees().values()]).revenueShareOfTopTwentyPercent;
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.85);
  });
});
