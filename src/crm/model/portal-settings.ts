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
    settingsKey: { ...textProperty('settings_key', 'Settings key', '"portal" for the settings in force; "revision:7" for the record of the 7th save.'), hasUniqueValue: true },
    settings: textProperty('settings_json', 'Settings', "The admin's settings as versioned JSON.", true),
    revision: numberProperty('revision', 'Revision', 'Increases by one on every save of the settings.'),
    savedBy: textProperty('saved_by', 'Last saved by (user ID)', 'The HubSpot user who last saved the settings.'),
    savedAt: datetimeProperty('saved_at', 'Last saved at', 'When the settings were last saved.'),
    setupVersion: numberProperty('setup_version', 'Setup version', 'The version of Keystone setup last applied to this portal.'),
    setupAppliedAt: datetimeProperty('setup_applied_at', 'Setup applied at', 'When setup last completed.'),
    // Copied from HubSpot's account details by setup (and refreshed when settings are saved), so the
    // cards format amounts and dates without a call of their own.
    portalCurrency: textProperty('portal_currency', 'Portal currency', "The portal's company currency (ISO code), as HubSpot's account details last gave it."),
    portalTimeZone: textProperty('portal_time_zone', 'Portal time zone', "The portal's time zone (IANA name), as HubSpot's account details last gave it."),
    // The portfolio's revenue distribution as the last complete recalculation left it (versioned JSON),
    // so the portfolio pages never scan every company.
    portfolioSnapshot: textProperty('portfolio_snapshot_json', 'Portfolio snapshot', 'The revenue distribution of the whole portfolio at the last complete recalculation (JSON, versioned).', true),
  },
});

export const PORTAL_SETTINGS_KEY = 'portal';

/** The key of the record claiming (then recording) a save of the settings as `revision`. */
export function settingsRevisionKey(revision: number): string {
  return `revision:${revision}`;
}
