import { describe, expect, it } from 'vitest';
import { connectionFromEnvironment, createHubSpotClient, HUBSPOT_API_DEFAULT_BASE_URL } from '../../src/crm/client.ts';

describe('connectionFromEnvironment', () => {
  it('targets the real HubSpot when HUBSPOT_API_BASE_URL is unset', () => {
    expect(connectionFromEnvironment({ PRIVATE_APP_ACCESS_TOKEN: 'pat-1' })).toEqual({
      accessToken: 'pat-1',
      baseUrl: HUBSPOT_API_DEFAULT_BASE_URL,
      attempts: 3,
    });
  });

  it('targets the sandbox named by HUBSPOT_API_BASE_URL, without a trailing slash', () => {
    const connection = connectionFromEnvironment({ HUBSPOT_ACCESS_TOKEN: 'local', HUBSPOT_API_BASE_URL: 'http://127.0.0.1:3900/' });
    expect(connection.baseUrl).toBe('http://127.0.0.1:3900');
  });

  it("prefers HubSpot's PRIVATE_APP_ACCESS_TOKEN over HUBSPOT_ACCESS_TOKEN", () => {
    expect(connectionFromEnvironment({ PRIVATE_APP_ACCESS_TOKEN: 'app', HUBSPOT_ACCESS_TOKEN: 'cli' }).accessToken).toBe('app');
  });

  it('says what is missing when there is no token', () => {
    expect(() => connectionFromEnvironment({})).toThrow('A HubSpot access token is required');
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() => connectionFromEnvironment({ HUBSPOT_ACCESS_TOKEN: 't', HUBSPOT_API_BASE_URL: 'ftp://example.test' })).toThrow('HUBSPOT_API_BASE_URL must be an http(s) URL');
  });
});

describe('createHubSpotClient', () => {
  it('rejects more attempts than the client supports', () => {
    expect(() => createHubSpotClient({ accessToken: 't', attempts: 7 })).toThrow();
  });
});
