import { describe, expect, it } from 'vitest';
import { failure, portalSeed, seedRecord, useSandbox } from './helpers.ts';

// HubSpot's survey responses (object 0-19): read like any CRM object, never written through the API
// ("This API is read-only"), so the sandbox refuses every write and changes nothing.

const response = seedRecord(
  {
    hs_survey_type: 'NPS',
    hs_survey_name: 'Client loyalty',
    hs_value: '9',
    hs_response_group: 'PROMOTER',
    hs_submission_timestamp: '2026-05-04T10:00:00.000Z',
  },
  { id: '700' },
);
const h = useSandbox(() =>
  portalSeed({
    objects: { contacts: [seedRecord({ email: 'ada@acme.test' }, { id: '10' })], feedback_submissions: [response] },
    associations: [{ fromType: 'feedback_submissions', fromId: '700', toType: 'contacts', toId: '10' }],
  }),
);

describe('survey responses (feedback submissions)', () => {
  it("are read by name or by object type id, with HubSpot's default properties when none are named", async () => {
    const read = await h.client.crm.objects.basicApi.getById('feedback_submissions', '700', [
      'hs_survey_type',
      'hs_value',
      'hs_submission_timestamp',
    ]);
    expect(read.properties).toMatchObject({ hs_survey_type: 'NPS', hs_value: '9' });
    const plain = await h.client.crm.objects.basicApi.getById('0-19', '700');
    expect(Object.keys(plain.properties).sort()).toEqual(['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id']);
  });

  it('are found from a contact through the v4 association read', async () => {
    const answer = await h.client.crm.associations.v4.batchApi.getPage('contacts', 'feedback_submissions', {
      inputs: [{ id: '10' }],
    });
    expect(answer.results.map((r) => r.to.map((t) => String(t.toObjectId)))).toEqual([['700']]);
  });

  it('refuse every write with a 403 and change nothing', async () => {
    const writes = [
      h.client.crm.objects.basicApi.create('feedback_submissions', {
        properties: { hs_value: '10' },
        associations: [],
      }),
      h.client.crm.objects.basicApi.update('feedback_submissions', '700', { properties: { hs_value: '0' } }),
      h.client.crm.objects.basicApi.archive('feedback_submissions', '700'),
      h.client.crm.objects.batchApi.update('0-19', { inputs: [{ id: '700', properties: { hs_value: '0' } }] }),
      h.client.crm.objects.batchApi.archive('0-19', { inputs: [{ id: '700' }] }),
    ];
    for (const write of writes) {
      const error = await failure(write);
      expect(error.code).toBe(403);
      expect(error.body).toMatchObject({
        category: 'MISSING_SCOPES',
        context: { requiredGranularScopes: ['crm.objects.feedback_submissions.write'] },
      });
    }
    const after = await h.client.crm.objects.basicApi.getById('feedback_submissions', '700', ['hs_value']);
    expect(after.properties.hs_value).toBe('9');
    expect(after.archived).toBe(false);
  });
});
