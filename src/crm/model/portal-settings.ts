import { defineCustomObject } from './custom-object.ts';
import { datetimeProperty, numberProperty, textProperty } from './property.ts';

// Keystone's settings live in the portal as one record of this object (`settings_key` = "portal",
// unique, so two first saves cannot create two records). The settings themselves are versioned JSON
// (the domain's settings schema migrates older versions); `revision` counts saves. Setup records the
// version it applied here too, as its last step. Each save first claims its revision with a record of
// its own (`settings_key` = "revision:<n>", src/crm/revision-claim.ts), holding who saved that revision,
// when, and its settings: two admins saving at once cannot both win, and the records are the history.
export const PORTAL_SETTINGS = defineCustomObject({
  name: 'keystone_settings',
  labels: { singular: 'Keystone settings', plural: 'Keystone settings' },
  description: "Keystone: the portal's Keystone configuration, and a record of each save of it.",
  primaryField: 'settingsKey',
  searchableFields: ['settingsKey'],
  associatedWith: [],
  properties: {
    settingsKey: {
      ...textProperty({
        name: 'settings_key',
        label: 'Settings key',
        description: '"portal" for the settings in force; "revision:7" for the record of the 7th save.',
      }),
      hasUniqueValue: true,
    },
    settings: textProperty({
      name: 'settings_json',
      label: 'Settings',
      description: "The admin's settings as versioned JSON.",
      long: true,
    }),
    revision: numberProperty({
      name: 'revision',
      label: 'Revision',
      description: 'Increases by one on every save of the settings.',
    }),
    savedBy: textProperty({
      name: 'saved_by',
      label: 'Last saved by (user ID)',
      description: 'The HubSpot user who last saved the settings.',
    }),
    savedAt: datetimeProperty({
      name: 'saved_at',
      label: 'Last saved at',
      description: 'When the settings were last saved.',
    }),
    actionId: textProperty({
      name: 'action_id',
      label: 'Saved by action',
      description: "The settings page's ID of the save: its retry finds the save done, or takes over its claim.",
    }),
    setupVersion: numberProperty({
      name: 'setup_version',
      label: 'Setup version',
      description: 'The version of Keystone setup last applied to this portal.',
    }),
    setupAppliedAt: datetimeProperty({
      name: 'setup_applied_at',
      label: 'Setup applied at',
      description: 'When setup last completed.',
    }),
    // Copied from HubSpot's account details by setup (and refreshed when settings are saved), so the
    // cards format amounts and dates without a call of their own.
    portalCurrency: textProperty({
      name: 'portal_currency',
      label: 'Portal currency',
      description: "The portal's company currency (ISO code), as HubSpot's account details last gave it.",
    }),
    portalTimeZone: textProperty({
      name: 'portal_time_zone',
      label: 'Portal time zone',
      description: "The portal's time zone (IANA name), as HubSpot's account details last gave it.",
    }),
    // The portfolio's revenue distribution as the last complete recalculation left it (versioned JSON),
    // so the portfolio pages never scan every company.
    portfolioSnapshot: textProperty({
      name: 'portfolio_snapshot_json',
      label: 'Portfolio snapshot',
      description:
        'The revenue distribution of the whole portfolio at the last complete recalculation (JSON, versioned).',
      long: true,
    }),
    // The portal's active owners as HubSpot's owners API last gave them (versioned JSON with when they
    // were read), so a card section names people and knows its user without reading the owners itself.
    portalPeople: textProperty({
      name: 'portal_people_json',
      label: "Portal's people",
      description:
        "The portal's active HubSpot owners (names, emails, teams) as Keystone last read them (JSON, versioned).",
      long: true,
    }),
  },
});

export const PORTAL_SETTINGS_KEY = 'portal';

/** The key of the record claiming (then recording) a save of the settings as `revision`. */
export function settingsRevisionKey(revision: number): string {
  return `revision:${revision}`;
}
