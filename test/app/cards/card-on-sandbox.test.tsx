import {
  Button,
  DateInput,
  ErrorState,
  hubspot,
  Input,
  LoadingSpinner,
  Select,
  StatusTag,
  TableCell,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KeyAccountCard } from '../../../src/app/cards/KeyAccountCard.tsx';
import { main as cardSectionMain } from '../../../src/app/functions/card_section.ts';
import { main as logReviewMain } from '../../../src/app/functions/log_review.ts';
import { main as recordContactStanceMain } from '../../../src/app/functions/record_contact_stance.ts';
import { main as saveAccountPlanMain } from '../../../src/app/functions/save_account_plan.ts';
import { main as tagKeyAccountMain } from '../../../src/app/functions/tag_key_account.ts';
import { COMPANY_PROPERTY, CONTACT_PROPERTY } from '../../../src/crm/model/index.ts';
import {
  anOwner,
  configureAccess,
  loadAccount,
  startSandboxPortal,
  type SandboxPortal,
} from '../functions/account-portal.ts';
import { openEverySection, renderer, withText } from '../ui/test-utils.ts';
import { onTestClock } from '../../clock.ts';

const cardSection = onTestClock(cardSectionMain);
const logReview = onTestClock(logReviewMain);
const recordContactStance = onTestClock(recordContactStanceMain);
const saveAccountPlan = onTestClock(saveAccountPlanMain);
const tagKeyAccount = onTestClock(tagKeyAccountMain);

// The tab card against the real app functions on the local HubSpot sandbox: what the card sends is
// what the functions accept, and what they answer is what the card shows.

const admin = anOwner({ firstName: 'Ada', lastName: 'Admin' });
const manager = anOwner({ firstName: 'Max', lastName: 'Manager' });
const salesperson = anOwner({ firstName: 'Sal', lastName: 'Seller' });

const FUNCTIONS: Record<string, (context: { parameters: unknown }) => Promise<unknown>> = {
  card_section: cardSection,
  tag_key_account: tagKeyAccount,
  record_contact_stance: recordContactStance,
  save_account_plan: saveAccountPlan,
  log_review: logReview,
};

async function openCard(companyId: string, userId: number) {
  vi.spyOn(hubspot, 'serverless').mockImplementation(async (uid: string, options?: { parameters?: unknown }) =>
    FUNCTIONS[uid]!({ parameters: options?.parameters }),
  );
  const card = renderer('crm.record.tab');
  card.mocks.context.user.id = userId;
  card.mocks.context.crm.objectId = Number(companyId);
  card.render(<KeyAccountCard />);
  await card.waitFor(() => expect(card.maybeFind(LoadingSpinner)).toBeNull());
  await openEverySection(card);
  return card;
}

describe('the key account tab on the sandbox portal', () => {
  let portal: SandboxPortal;
  let companyId: string;
  beforeAll(async () => {
    portal = await startSandboxPortal();
    portal.useForFunctions();
    ({ companyId } = await loadAccount(portal, {
      owners: [admin, manager, salesperson],
      company: { [COMPANY_PROPERTY.prestige]: '8' },
      contacts: [
        {
          firstname: 'Ann',
          properties: {
            jobtitle: 'CFO',
            [CONTACT_PROPERTY.stance]: 'neutral',
            [CONTACT_PROPERTY.decisionPower]: 'decides',
          },
        },
      ],
    }));
    await configureAccess(admin, { managerUserIds: [String(manager.userId)] });
  });
  afterAll(() => portal.close());
  afterEach(() => vi.restoreAllMocks());

  it('reads the people and settings once for the whole tab: the later sections take what Status sealed', async () => {
    await portal.control.resetStats();
    const card = await openCard(companyId, manager.userId);
    const { byRoute } = await portal.control.stats();
    const reads = (pattern: RegExp) =>
      Object.entries(byRoute)
        .filter(([route]) => pattern.test(route))
        .reduce((n, [, count]) => n + count, 0);
    expect({ settings: reads(/^GET .*keystone_settings/), owners: reads(/^GET \/crm\/v3\/owners/) }).toEqual({
      settings: 1,
      owners: 0,
    });
    // Every section answered: Status, then the three opened after it.
    expect(card.maybeFind(LoadingSpinner)).toBeNull();
    expect(card.maybeFind(ErrorState)).toBeNull();
  });

  it('lets a manager tag the company and shows the new status, who set it and why', async () => {
    const card = await openCard(companyId, manager.userId);
    expect(card.findAll(StatusTag).map((t) => t.text)).toContain('Not a key account');
    card.find(Button, withText('Tag as key account…')).trigger('onClick');
    card.find(Input, { name: 'reason' }).trigger('onChange', 'Strategic client in our home market' as never);
    card.find(Button, withText('Set to key account')).trigger('onClick');
    await card.waitFor(() =>
      expect(card.findByTestId(Text, 'status-change').text).toContain(
        'set by Max Manager: “Strategic client in our home market”',
      ),
    );
    expect(card.findAll(StatusTag).map((t) => t.text)).toContain('Key account');
  });

  it("records a contact's stance from the card, and reads it back from HubSpot", async () => {
    const card = await openCard(companyId, manager.userId);
    card.findAll(Button, withText('Edit'))[0]!.trigger('onClick');
    const [contactSelect] = card.findAll(Select, (node) => String(node.props.name).startsWith('stance-'));
    contactSelect!.trigger('onChange', 'ally' as never);
    await card.waitFor(() => expect(card.find(Select, { name: contactSelect!.props.name }).props.value).toBe('ally'));
  });

  it('starts a plan with an objective from the card, then logs a review of it', async () => {
    const card = await openCard(companyId, manager.userId);
    card.find(Button, withText('Start the plan')).trigger('onClick');
    card.find(TextArea, { name: 'businessObjective' }).trigger('onChange', 'Become their only audit adviser' as never);
    card.find(Button, withText('Add an objective')).trigger('onClick');
    card.find(Input, { name: 'objective-0-title' }).trigger('onChange', 'Win the audit tender' as never);
    card.find(Select, { name: 'objective-0-owner' }).trigger('onChange', manager.id as never);
    card.find(DateInput, { name: 'objective-0-due' }).trigger('onChange', { year: 2027, month: 5, date: 30 } as never);
    card.find(Button, withText('Save the plan')).trigger('onClick');
    await card.waitFor(() =>
      expect(card.findAll(Text).map((t) => t.text)).toEqual(
        expect.arrayContaining(['Become their only audit adviser', 'Win the audit tender']),
      ),
    );
    expect(card.findAll(TableCell).map((c) => c.text)).toEqual(expect.arrayContaining(['Max Manager', '30 Jun 2027']));

    card.find(Button, withText('Log a review…')).trigger('onClick');
    card.find(TextArea, { name: 'summary' }).trigger('onChange', 'Plan agreed with the partner' as never);
    card.find(Button, withText('Log the review')).trigger('onClick');
    await card.waitFor(() => expect(card.findAll(Text).map((t) => t.text)).toContain('Plan agreed with the partner'));
  });

  it('shows a salesperson who is not a manager the account read-only, with the reason the function gives', async () => {
    const card = await openCard(companyId, salesperson.userId);
    expect(card.findAll(Button)).toHaveLength(0);
    expect(card.maybeFind(Select, (node) => String(node.props.name).startsWith('stance-'))).toBeNull();
    const answer = (await cardSection({
      parameters: { companyId, userId: salesperson.userId, section: 'status' },
    })) as {
      permissions: { readOnlyReason: string };
    };
    expect(answer.permissions.readOnlyReason).toBeTruthy();
    expect(card.findAll(Text).filter((t) => t.text === answer.permissions.readOnlyReason)).toHaveLength(4);
  });
});
