import { describe, expect, it } from 'vitest';
import { KEY_ACCOUNT_PLAN } from '../../src/crm/model/index.ts';
import {
  fromHubSpotDateTime,
  fromHubSpotNumber,
  readFields,
  toCrmRecord,
  toProperties,
} from '../../src/crm/records.ts';

describe('record conversions', () => {
  it("reads a record's properties by Keystone field name, unset ones as null", () => {
    const fields = readFields({ plan_title: 'Acme plan', revision: '3' }, KEY_ACCOUNT_PLAN.property);
    expect(fields.title).toBe('Acme plan');
    expect(fields.revision).toBe('3');
    expect(fields.businessObjective).toBeNull();
  });

  it('reads a value HubSpot answers as "" (as it may a cleared one) as unset, like one never set', () => {
    // HubSpot clears with "" and may read a cleared value back as "" (HubSpot/hubspot-api-nodejs#324).
    expect(toCrmRecord({ id: 12, properties: { name: 'Acme', industry: '', city: null } })).toEqual({
      id: '12',
      properties: { name: 'Acme', industry: null, city: null },
    });
  });

  it('writes field values as HubSpot strings, clears with null and leaves out undefined', () => {
    expect(toProperties({ revision: 4, businessObjective: null, title: undefined }, KEY_ACCOUNT_PLAN.property)).toEqual(
      { revision: '4', business_objective: '' },
    );
  });

  it('reads datetimes HubSpot sends as ISO text or epoch milliseconds', () => {
    expect(fromHubSpotDateTime('2026-01-02T00:00:00.000Z')).toBe(Date.UTC(2026, 0, 2));
    expect(fromHubSpotDateTime('1767312000000')).toBe(1767312000000);
    expect(fromHubSpotDateTime('')).toBeNull();
    expect(fromHubSpotDateTime('not a date')).toBeNull();
  });

  it('reads numbers, and blanks or junk as unknown rather than 0', () => {
    expect(fromHubSpotNumber('12.5')).toBe(12.5);
    expect(fromHubSpotNumber('')).toBeNull();
    expect(fromHubSpotNumber(null)).toBeNull();
    expect(fromHubSpotNumber('abc')).toBeNull();
  });
});
