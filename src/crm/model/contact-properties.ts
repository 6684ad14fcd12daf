import { DECISION_POWERS } from '../../kam/shared/decision-power.ts';
import { DEPARTURE_REASONS } from '../../kam/shared/departure-reason.ts';
import { STANCES } from '../../kam/shared/stance.ts';
import { DECISION_POWER_LABELS, DEPARTURE_REASON_LABELS, STANCE_LABELS } from '../../kam/shared/labels.ts';
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
  leftReason: 'keystone_left_reason',
  replacedBy: 'keystone_replaced_by',
  lastActionId: 'keystone_last_action_id',
} as const;
type ContactPropertyKey = keyof typeof CONTACT_PROPERTY;

export const CONTACT_PROPERTIES: Record<ContactPropertyKey, PropertySpec> = {
  stance: choiceProperty({
    name: CONTACT_PROPERTY.stance,
    label: 'Stance towards us',
    description: 'Ally, supporter, neutral, protester or enemy; its history is the stance history.',
    values: STANCES,
    labels: STANCE_LABELS,
  }),
  decisionPower: choiceProperty({
    name: CONTACT_PROPERTY.decisionPower,
    label: 'Decision power',
    description: 'How much say this contact has in buying decisions.',
    values: DECISION_POWERS,
    labels: DECISION_POWER_LABELS,
  }),
  decisionTopics: textProperty({
    name: CONTACT_PROPERTY.decisionTopics,
    label: 'Decides on',
    description: 'The issues this contact decides or influences, separated by semicolons.',
  }),
  reportsTo: textProperty({
    name: CONTACT_PROPERTY.reportsTo,
    label: 'Reports to (contact ID)',
    description: "The record ID of this contact's supervisor at the client.",
  }),
  leftCompany: boolProperty({
    name: CONTACT_PROPERTY.leftCompany,
    label: 'Has left the company',
    description: 'Set when the contact leaves the client.',
  }),
  leftAt: datetimeProperty({
    name: CONTACT_PROPERTY.leftAt,
    label: 'Left the company on',
    description: 'When the contact left the client.',
  }),
  leftReason: choiceProperty({
    name: CONTACT_PROPERTY.leftReason,
    label: 'Why they left',
    description: 'Retired, moved to another role, or left the client.',
    values: DEPARTURE_REASONS,
    labels: DEPARTURE_REASON_LABELS,
  }),
  replacedBy: textProperty({
    name: CONTACT_PROPERTY.replacedBy,
    label: 'Replaced by (contact ID)',
    description: 'The record ID of the contact who took over from this one.',
  }),
  lastActionId: textProperty({
    name: CONTACT_PROPERTY.lastActionId,
    label: 'Last Keystone change (action ID)',
    description:
      "The card's ID for the last stance or departure Keystone recorded on this contact: pressed again, it is not written twice.",
  }),
};
