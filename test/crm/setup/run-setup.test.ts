import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  COMPANY_PROPERTIES,
  CONTACT_PROPERTIES,
  KEYSTONE_OBJECTS,
  PORTAL_SETTINGS,
} from '../../../src/crm/model/index.ts';
import { ObjectTypeResolver } from '../../../src/crm/object-types.ts';
import { readSettingsRecord, writeSettingsRecord } from '../../../src/crm/settings-record.ts';
import { readSetupStatus, runSetup, SETUP_VERSION } from '../../../src/crm/setup/index.ts';
import { startSandboxPortal, type SandboxPortal } from '../sandbox-portal.ts';

const now = Date.UTC(2026, 10, 24);

describe('setup', () => {
  let portal: SandboxPortal;
  beforeEach(async () => {
    portal = await startSandboxPortal({ currency: 'EUR', timeZone: 'America/New_York' });
  });
  const settingsRecord = async () =>
    readSettingsRecord(portal.client, await new ObjectTypeResolver(portal.client).objectTypeId('settings'));
  afterEach(() => portal.close());

  it("creates Keystone's properties, custom objects and association label, and records its version last", async () => {
    const report = await runSetup(portal.client, { now });

    const companyProperties = (await portal.client.crm.properties.coreApi.getAll('companies')).results;
    for (const spec of Object.values(COMPANY_PROPERTIES))
      expect(companyProperties).toContainEqual(
        expect.objectContaining({ name: spec.name, groupName: 'keystone', type: spec.type }),
      );
    const contactProperties = (await portal.client.crm.properties.coreApi.getAll('contacts')).results.map(
      (p) => p.name,
    );
    expect(contactProperties).toEqual(expect.arrayContaining(Object.values(CONTACT_PROPERTIES).map((p) => p.name)));
    const schemas = (await portal.client.crm.schemas.coreApi.getAll()).results.map((s) => s.fullyQualifiedName);
    expect(schemas).toEqual(
      expect.arrayContaining(Object.values(KEYSTONE_OBJECTS).map((o) => `p${portal.sandbox.portalId}_${o.name}`)),
    );
    const labels = (
      await portal.client.crm.associations.v4.schema.definitionsApi.getAll('companies', 'contacts')
    ).results.map((d) => d.label);
    expect(labels).toContain('Key contact');

    expect(report).toMatchObject({ version: SETUP_VERSION, previousVersion: 0 });
    expect(report.steps.at(-1)).toEqual({ target: `setup version ${SETUP_VERSION}`, action: 'created' });
    expect(await readSetupStatus(portal.client)).toEqual({
      appliedVersion: SETUP_VERSION,
      currentVersion: SETUP_VERSION,
      upToDate: true,
    });
  });

  it("copies the portal's currency and time zone from HubSpot's account details onto the settings record", async () => {
    const report = await runSetup(portal.client, { now });

    expect(report.steps).toContainEqual({ target: 'portal currency and time zone', action: 'created' });
    expect(await settingsRecord()).toMatchObject({ portalCurrency: 'EUR', portalTimeZone: 'America/New_York' });
  });

  it("brings the portal's details up to date without touching the settings or their revision", async () => {
    await runSetup(portal.client, { now });
    const settingsTypeId = await new ObjectTypeResolver(portal.client).objectTypeId('settings');
    const saved = {
      [PORTAL_SETTINGS.property.settings]: '{"version":2}',
      [PORTAL_SETTINGS.property.revision]: '4',
      [PORTAL_SETTINGS.property.portalCurrency]: 'USD',
    };
    await writeSettingsRecord(portal.client, settingsTypeId, saved);

    const rerun = await runSetup(portal.client, { now });

    expect(rerun.steps).toContainEqual({ target: 'portal currency and time zone', action: 'updated' });
    expect(await settingsRecord()).toMatchObject({
      settings: '{"version":2}',
      revision: '4',
      portalCurrency: 'EUR',
      portalTimeZone: 'America/New_York',
      setupVersion: String(SETUP_VERSION),
    });
  });

  it("keeps the portal's details it has when HubSpot's account details cannot be read", async () => {
    await runSetup(portal.client, { now });
    await portal.control.injectFault({ kind: 'serverError', status: 503, path: '/account-info/v3/details' });

    const rerun = await runSetup(portal.client, { now });

    expect(rerun.steps).toContainEqual({ target: 'portal currency and time zone', action: 'unchanged' });
    expect(await settingsRecord()).toMatchObject({ portalCurrency: 'EUR', portalTimeZone: 'America/New_York' });
  });

  it('changes nothing and writes nothing when run a second time', async () => {
    await runSetup(portal.client, { now });
    await portal.control.resetStats();

    const second = await runSetup(portal.client, { now: now + 60_000 });

    expect(second.changed).toBe(0);
    expect(second.steps.every((s) => s.action === 'unchanged')).toBe(true);
    expect(await portal.writes()).toEqual([]);
  });

  it('stops on a HubSpot failure without recording its version, and a second run completes it', async () => {
    await portal.control.injectFault({
      kind: 'serverError',
      status: 503,
      method: 'POST',
      path: '/crm-object-schemas/v3/schemas',
    });

    await expect(runSetup(portal.client, { now })).rejects.toMatchObject({ code: 'KAM.HUBSPOT_UNAVAILABLE' });
    expect((await readSetupStatus(portal.client)).upToDate).toBe(false);

    await portal.control.clearFaults();
    const rerun = await runSetup(portal.client, { now });

    // Properties made before the failure are kept; the objects come now.
    expect(rerun.steps).toContainEqual({
      target: `companies property ${COMPANY_PROPERTIES.score.name}`,
      action: 'unchanged',
    });
    expect(rerun.steps).toContainEqual({ target: `custom object ${KEYSTONE_OBJECTS.plan.name}`, action: 'created' });
    expect(await readSetupStatus(portal.client)).toMatchObject({ upToDate: true });
  });

  it('completes an object whose properties a failed run left half made', async () => {
    await runSetup(portal.client, { now });
    const objectTypeId = (await portal.client.crm.schemas.coreApi.getAll()).results.find(
      (s) => s.name === KEYSTONE_OBJECTS.review.name,
    )!.objectTypeId!;
    await portal.client.crm.properties.coreApi.archive(objectTypeId, KEYSTONE_OBJECTS.review.property.summary);

    const rerun = await runSetup(portal.client, { now });

    expect(rerun.steps).toContainEqual({
      target: `${objectTypeId} property ${KEYSTONE_OBJECTS.review.property.summary}`,
      action: 'created',
    });
    expect(rerun.changed).toBe(1);
  });

  it("brings a Keystone property a portal admin relabelled back to Keystone's definition", async () => {
    await runSetup(portal.client, { now });
    await portal.client.crm.properties.coreApi.update('companies', COMPANY_PROPERTIES.score.name, {
      label: 'Our own label',
    });

    const rerun = await runSetup(portal.client, { now });

    expect(rerun.steps).toContainEqual({
      target: `companies property ${COMPANY_PROPERTIES.score.name}`,
      action: 'updated',
    });
    expect(
      (await portal.client.crm.properties.coreApi.getByName('companies', COMPANY_PROPERTIES.score.name)).label,
    ).toBe(COMPANY_PROPERTIES.score.label);
  });
});
