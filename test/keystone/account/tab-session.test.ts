import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/kam/settings/index.ts';
import {
  TAB_SESSION_LIFETIME_MS,
  openTabSession,
  sealTabSession,
  tabSessionKey,
  type TabFacts,
} from '../../../src/keystone/account/tab-session.ts';

const NOW = Date.UTC(2026, 2, 10, 9);
const key = tabSessionKey('pat-na1-our-app');
const facts: TabFacts = {
  owners: [
    {
      ownerId: '71',
      userId: 7,
      firstName: 'Ada',
      lastName: 'Admin',
      email: 'ada@example.com',
      teamIds: ['5'],
      teams: [{ teamId: '5', name: 'Key accounts' }],
    },
  ],
  settings: { ...defaultSettings(), access: { ...defaultSettings().access, adminUserIds: ['7'] } },
  portal: { currency: 'EUR', timeZone: 'Europe/Berlin' },
};
const sealed = sealTabSession(key, { userId: 7, issuedAt: NOW, facts });

/** What the tab sends back: only what Keystone sealed, for the same user, while fresh. */
describe('the tab session', () => {
  it('gives back the people, settings and portal it was sealed with', () => {
    expect(openTabSession(key, sealed, { userId: 7, now: NOW + 60_000 })).toEqual(facts);
  });

  it('cannot be read by the card that holds it: the admins it names are not in the text', () => {
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('ada@example.com');
  });

  it('is refused for another user, once expired, or from a clock ahead of this one', () => {
    expect(openTabSession(key, sealed, { userId: 8, now: NOW })).toBeNull();
    expect(openTabSession(key, sealed, { userId: 7, now: NOW + TAB_SESSION_LIFETIME_MS - 1 })).not.toBeNull();
    expect(openTabSession(key, sealed, { userId: 7, now: NOW + TAB_SESSION_LIFETIME_MS })).toBeNull();
    expect(openTabSession(key, sealed, { userId: 7, now: NOW - 1 })).toBeNull();
  });

  it('is refused when changed, cut short, sealed by another app, or not a session at all', () => {
    const bytes = Buffer.from(sealed, 'base64url');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    expect(openTabSession(key, bytes.toString('base64url'), { userId: 7, now: NOW })).toBeNull();
    expect(openTabSession(key, sealed.slice(0, 20), { userId: 7, now: NOW })).toBeNull();
    expect(openTabSession(tabSessionKey('pat-na1-another-app'), sealed, { userId: 7, now: NOW })).toBeNull();
    for (const token of ['', 'x', '{"userId":7}', '....'])
      expect(openTabSession(key, token, { userId: 7, now: NOW }), token).toBeNull();
  });

  it('is refused when its settings no longer parse, so a section reads them afresh', () => {
    const broken = sealTabSession(key, {
      userId: 7,
      issuedAt: NOW,
      facts: { ...facts, settings: { version: 99 } as unknown as TabFacts['settings'] },
    });
    expect(openTabSession(key, broken, { userId: 7, now: NOW })).toBeNull();
  });
});
