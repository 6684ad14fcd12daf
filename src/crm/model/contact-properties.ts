import { DECISION_POWERS } from '../../kam/shared/decision-power.ts';
import { STANCES } from '../../kam/shared/stance.ts';
import { boolProperty, choiceProperty, datetimeProperty, textProperty, type PropertySpec } from './property.ts';

// Keystone's own contact properties. Job title (`jobtitle`) and buying roles (`hs_buying_role`) are
// HubSpot's; stance and title history come from HubSpot's property history, not a parallel log.
export const CONTACT_PROPERTY = {
  stance: 'keystone_stance',
  decisionPower: 'keystone_decision_power',
  decisionTopics: 'keystone_decision_topics',
  reportsTo: 'keystone_reports_to',
  leftCompany: 'keystone_left_company',
  leftAt: 'keystone_left_at',
  replacedBy: 'keystone_replaced_by',
} as const;
type ContactPropertyKey = keyof typeof CONTACT_PROPERTY;

const DECISION_POWER_LABELS = { final_say: 'Has the final say', decides: 'Decides', influences: 'Influences', none: 'No say' };
const STANCE_LABELS = { ally: 'Ally', supporter: 'Supporter', neutral: 'Neutral', protester: 'Protester', enemy: 'Enemy' };

export const CONTACT_PROPERTIES: Record<ContactPropertyKey, PropertySpec> = {
  stance: choiceProperty(CONTACT_PROPERTY.stance, 'Stance towards us', 'Ally, supporter, neutral, protester or enemy; its history is the stance history.', STANCES, STANCE_LABELS),
  decisionPower: choiceProperty(CONTACT_PROPERTY.decisionPower, 'Decision power', 'How much say this contact has in buying decisions.', DECISION_POWERS, DECISION_POWER_LABELS),
  decisionTopics: textProperty(CONTACT_PROPERTY.decisionTopics, 'Decides on', 'The issues this contact decides or influences, separated by semicolons.'),
  reportsTo: textProperty(CONTACT_PROPERTY.reportsTo, 'Reports to (contact ID)', "The record ID of this contact's supervisor at the client."),
  leftCompany: boolProperty(CONTACT_PROPERTY.leftCompany, 'Has left the company', 'Set when the contact leaves the client.'),
  leftAt: datetimeProperty(CONTACT_PROPERTY.leftAt, 'Left the company on', 'When the contact left the client.'),
  replacedBy: textProperty(CONTACT_PROPERTY.replacedBy, 'Replaced by (contact ID)', 'The record ID of the contact who took over from this one.'),
};
