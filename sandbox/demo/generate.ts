import { KEY_ACCOUNT_PLAN, OBJECTIVE, PLAN_REVISION, PORTAL_SETTINGS, REVIEW } from '../../src/crm/model/index.ts';
import { nextReviewProperties } from '../../src/keystone/account/next-review-fields.ts';
import type { SandboxSeedInput, SeedRecord } from '../seed.ts';
import { buildAccountPlans } from './account-plans.ts';
import { planPortfolio } from './accounts.ts';
import { buildActivities } from './activities.ts';
import { buildCompanies } from './companies.ts';
import { buildContacts } from './contacts.ts';
import { buildDeals } from './deals.ts';
import { firmPeople } from './firm.ts';
import { KEY_CONTACT_DEFINITION, tagKeyContacts } from './key-contacts.ts';
import { demoSettings, keystoneSchemas, settingsRecord } from './keystone-objects.ts';
import { KEYSTONE_SEED_PROPERTIES, KEYSTONE_SEED_PROPERTY_GROUPS } from './keystone-properties.ts';
import { parseDemoOptions, type DemoOptionsInput } from './options.ts';
import { createRandom } from './random.ts';
import { idSequence } from './records.ts';
import { describeStories, type DemoStories } from './stories.ts';
import { buildSurveyResponses } from './surveys.ts';

// The demo portal: a consultancy's HubSpot with ~2,000 clients, three years of deals and activity,
// Keystone's properties filled in by its account teams, key account plans with their objectives,
// targets and past reviews, and a handful of deliberate stories.

export const DEMO_PORTAL_ID = 146_230_001;
/** The demo firm's company currency and time zone, as HubSpot's account details give them. */
const DEMO_PORTAL_DETAILS = { currency: 'GBP', timeZone: 'Europe/London' };

export interface Demo {
  portal: SandboxSeedInput;
  stories: DemoStories;
}

/** Same options → byte-identical portal. `now` is the portal's today; nothing is dated after it except open deals' expected close and open tasks' due dates. */
export function generateDemo(options: DemoOptionsInput): Demo {
  const { seed, companies: companyCount, people: headcount, keyAccountSize, now } = parseDemoOptions(options);
  const random = createRandom(seed);
  const people = firmPeople(headcount);
  const plans = planPortfolio(random.fork('portfolio'), companyCount, now, keyAccountSize);
  const companies = buildCompanies(random.fork('companies'), plans, people, now);
  const contacts = buildContacts(random.fork('contacts'), companies.companies, people, now, idSequence(2_000_001));
  const deals = buildDeals(random.fork('deals'), contacts.people, people, now);
  const activities = buildActivities(random.fork('activities'), contacts.people, people, now);
  const settings = demoSettings(people);
  const surveys = buildSurveyResponses(random.fork('surveys'), contacts.people, now);
  const keystone = buildAccountPlans(random.fork('keystone'), contacts.people, people, settings, now);
  // Logging a review moves the company's next-review date on, with the grace the sidebar judges it by.
  const withNextReview = (c: { id: string; record: SeedRecord }): SeedRecord => {
    const due = keystone.nextReviewDue.get(c.id);
    return due === undefined
      ? c.record
      : { ...c.record, properties: { ...c.record.properties, ...nextReviewProperties(due, settings) } };
  };

  const portal: SandboxSeedInput = {
    portalId: DEMO_PORTAL_ID,
    ...DEMO_PORTAL_DETAILS,
    owners: people.map((p) => p.owner),
    propertyGroups: KEYSTONE_SEED_PROPERTY_GROUPS,
    properties: KEYSTONE_SEED_PROPERTIES,
    schemas: keystoneSchemas(),
    objects: {
      companies: companies.companies.map(withNextReview),
      contacts: contacts.records,
      deals: deals.records,
      meetings: activities.meetings,
      calls: activities.calls,
      emails: activities.emails,
      notes: [],
      tasks: keystone.tasks,
      feedback_submissions: surveys.records,
      [PORTAL_SETTINGS.name]: [
        settingsRecord(settings, { portal: DEMO_PORTAL_DETAILS, owners: people.map((p) => p.owner) }, now),
      ],
      [KEY_ACCOUNT_PLAN.name]: keystone.plans,
      [PLAN_REVISION.name]: keystone.planRevisions,
      [OBJECTIVE.name]: keystone.objectives,
      [REVIEW.name]: keystone.reviews,
    },
    associationDefinitions: [KEY_CONTACT_DEFINITION],
    associations: [
      ...companies.associations,
      ...contacts.associations,
      ...tagKeyContacts(contacts.people),
      ...deals.associations,
      ...activities.associations,
      ...surveys.associations,
      ...keystone.associations,
    ],
  };
  return { portal, stories: describeStories(contacts.people) };
}

export function generateDemoPortal(options: DemoOptionsInput): SandboxSeedInput {
  return generateDemo(options).portal;
}
