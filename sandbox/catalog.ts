// HubSpot's standard object types and the built-in properties the sandbox knows about: those Keystone
// reads and the common ones a portal's integrations name beside them (address, phone, website, lifecycle
// stage, activity dates, owner assigned date…), so a read naming one gets null back as from HubSpot
// rather than losing it. Anything else must be created through the properties API (or declared in a
// seed), as in a real portal.

export interface PropertyDefinition {
  name: string;
  label: string;
  type: 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';
  fieldType:
    | 'text'
    | 'textarea'
    | 'number'
    | 'date'
    | 'select'
    | 'radio'
    | 'checkbox'
    | 'booleancheckbox'
    | 'calculation_equation'
    | 'phonenumber'
    | 'html';
  groupName: string;
  description?: string;
  options?: Array<{ label: string; value: string; displayOrder?: number; hidden?: boolean }>;
  hasUniqueValue?: boolean;
  hidden?: boolean;
  formField?: boolean;
}

export interface StandardObjectType {
  /** Path name used in /crm/v3/objects/{name}. */
  name: string;
  objectTypeId: string;
  singular: string;
  properties: PropertyDefinition[];
}

const text = (
  name: string,
  label: string,
  groupName: string,
  extra: Partial<PropertyDefinition> = {},
): PropertyDefinition => ({
  name,
  label,
  type: 'string',
  fieldType: 'text',
  groupName,
  ...extra,
});
const num = (name: string, label: string, groupName: string): PropertyDefinition => ({
  name,
  label,
  type: 'number',
  fieldType: 'number',
  groupName,
});
const datetime = (name: string, label: string, groupName: string): PropertyDefinition => ({
  name,
  label,
  type: 'datetime',
  fieldType: 'date',
  groupName,
});
const select = (
  name: string,
  label: string,
  groupName: string,
  values: string[],
  fieldType: PropertyDefinition['fieldType'] = 'select',
): PropertyDefinition => ({
  name,
  label,
  type: 'enumeration',
  fieldType,
  groupName,
  options: values.map((value, displayOrder) => ({ label: value, value, displayOrder })),
});

const owner = text('hubspot_owner_id', 'Owner', 'sales_properties', { type: 'enumeration', fieldType: 'select' });
const ownerAssignedDate = datetime('hubspot_owner_assigneddate', 'Owner assigned date', 'sales_properties');
const address = (group: string) => [
  text('address', 'Street address', group),
  text('address2', 'Street address 2', group),
  text('city', 'City', group),
  text('state', 'State/Region', group),
  text('zip', 'Postal code', group),
  text('country', 'Country/Region', group),
];
const lifecycleStage = (group: string) =>
  select('lifecyclestage', 'Lifecycle stage', group, [
    'subscriber',
    'lead',
    'marketingqualifiedlead',
    'salesqualifiedlead',
    'opportunity',
    'customer',
    'evangelist',
    'other',
  ]);
const leadStatus = (group: string) =>
  select('hs_lead_status', 'Lead status', group, [
    'NEW',
    'OPEN',
    'IN_PROGRESS',
    'OPEN_DEAL',
    'UNQUALIFIED',
    'ATTEMPTED_TO_CONTACT',
    'CONNECTED',
    'BAD_TIMING',
  ]);
const activityDates = [
  datetime('notes_last_contacted', 'Last contacted', 'sales_properties'),
  datetime('notes_last_updated', 'Last activity date', 'sales_properties'),
  datetime('notes_next_activity_date', 'Next activity date', 'sales_properties'),
  num('num_contacted_notes', 'Number of times contacted', 'sales_properties'),
  datetime('hs_last_sales_activity_timestamp', 'Last engagement date', 'sales_properties'),
];
const timestamps = [
  datetime('hs_createdate', 'Create date', 'system'),
  datetime('hs_lastmodifieddate', 'Last modified date', 'system'),
  num('hs_object_id', 'Record ID', 'system'),
];
const engagementBase = [datetime('hs_timestamp', 'Activity date', 'engagement'), owner, ...timestamps];

export const BUYING_ROLE_VALUES = [
  'BLOCKER',
  'BUDGET_HOLDER',
  'CHAMPION',
  'DECISION_MAKER',
  'END_USER',
  'EXECUTIVE_SPONSOR',
  'INFLUENCER',
  'LEGAL_AND_COMPLIANCE',
  'OTHER',
];

/**
 * Survey responses (NPS, CSAT, customer effort, custom): HubSpot's object 0-19, which its API only reads
 * ("This API is read-only, so you cannot use it to create, update, or delete survey response data").
 * The properties are those HubSpot's survey-response guide and its example answer name.
 */
export const FEEDBACK_SUBMISSIONS: StandardObjectType = {
  name: 'feedback_submissions',
  objectTypeId: '0-19',
  singular: 'feedback_submission',
  properties: [
    select('hs_survey_type', 'Survey type', 'feedback_submission_information', [
      'NPS',
      'CSAT',
      'CES',
      'CUSTOM',
      'KNOWLEDGE',
    ]),
    text('hs_survey_id', 'Survey ID', 'feedback_submission_information'),
    text('hs_survey_name', 'Survey name', 'feedback_submission_information'),
    text('hs_survey_channel', 'Survey channel', 'feedback_submission_information'),
    text('hs_submission_name', 'Submission name', 'feedback_submission_information'),
    text('hs_value', 'Response value', 'feedback_submission_information', { type: 'number', fieldType: 'number' }),
    select('hs_response_group', 'Response group', 'feedback_submission_information', [
      'PROMOTER',
      'PASSIVE',
      'DETRACTOR',
    ]),
    text('hs_content', 'Response content', 'feedback_submission_information', { fieldType: 'textarea' }),
    select('hs_sentiment', 'Sentiment', 'feedback_submission_information', ['POSITIVE', 'NEUTRAL', 'NEGATIVE']),
    datetime('hs_submission_timestamp', 'Submitted at', 'feedback_submission_information'),
    datetime('hs_createdate', 'Create date', 'system'),
    datetime('hs_lastmodifieddate', 'Object last modified date/time', 'system'),
    num('hs_object_id', 'Record ID', 'system'),
  ],
};

/** Objects HubSpot's API reads but never writes: a create, update or archive is refused. */
export const READ_ONLY_OBJECT_TYPES: ReadonlySet<string> = new Set([FEEDBACK_SUBMISSIONS.objectTypeId]);

export const STANDARD_OBJECT_TYPES: StandardObjectType[] = [
  {
    name: 'contacts',
    objectTypeId: '0-1',
    singular: 'contact',
    properties: [
      text('firstname', 'First name', 'contactinformation'),
      text('lastname', 'Last name', 'contactinformation'),
      text('email', 'Email', 'contactinformation', { hasUniqueValue: true }),
      text('jobtitle', 'Job title', 'contactinformation'),
      text('phone', 'Phone number', 'contactinformation', { fieldType: 'phonenumber' }),
      text('mobilephone', 'Mobile phone number', 'contactinformation', { fieldType: 'phonenumber' }),
      text('company', 'Company name', 'contactinformation'),
      text('website', 'Website URL', 'contactinformation'),
      ...address('contactinformation'),
      text('associatedcompanyid', 'Primary associated company ID', 'contactinformation', {
        type: 'number',
        fieldType: 'number',
      }),
      select('hs_buying_role', 'Buying role', 'contactinformation', BUYING_ROLE_VALUES, 'checkbox'),
      lifecycleStage('contactinformation'),
      leadStatus('sales_properties'),
      ...activityDates,
      datetime('createdate', 'Create date', 'contactinformation'),
      datetime('lastmodifieddate', 'Last modified date', 'contactinformation'),
      datetime('hs_lastmodifieddate', 'Object last modified date/time', 'system'),
      owner,
      ownerAssignedDate,
      num('hs_object_id', 'Record ID', 'system'),
    ],
  },
  {
    name: 'companies',
    objectTypeId: '0-2',
    singular: 'company',
    properties: [
      text('name', 'Company name', 'companyinformation'),
      text('domain', 'Company domain name', 'companyinformation'),
      text('website', 'Website URL', 'companyinformation'),
      text('industry', 'Industry', 'companyinformation'),
      text('phone', 'Phone number', 'companyinformation', { fieldType: 'phonenumber' }),
      ...address('companyinformation'),
      num('annualrevenue', 'Annual revenue', 'companyinformation'),
      num('numberofemployees', 'Number of employees', 'companyinformation'),
      text('description', 'Description', 'companyinformation', { fieldType: 'textarea' }),
      text('about_us', 'About us', 'companyinformation', { fieldType: 'textarea' }),
      text('founded_year', 'Year founded', 'companyinformation'),
      text('timezone', 'Time zone', 'companyinformation'),
      text('linkedin_company_page', 'LinkedIn company page', 'social_media_information'),
      select('type', 'Type', 'companyinformation', ['PROSPECT', 'PARTNER', 'RESELLER', 'VENDOR', 'OTHER']),
      lifecycleStage('companyinformation'),
      leadStatus('sales_properties'),
      {
        name: 'hs_is_target_account',
        label: 'Target account',
        type: 'bool',
        fieldType: 'booleancheckbox',
        groupName: 'target_accounts',
        options: [
          { label: 'Yes', value: 'true', displayOrder: 0 },
          { label: 'No', value: 'false', displayOrder: 1 },
        ],
      },
      select('hs_ideal_customer_profile', 'Ideal customer profile tier', 'target_accounts', [
        'tier_1',
        'tier_2',
        'tier_3',
      ]),
      num('hs_num_decision_makers', 'Number of decision makers', 'target_accounts'),
      num('hs_num_blockers', 'Number of blockers', 'target_accounts'),
      num('hs_parent_company_id', 'Parent company', 'companyinformation'),
      num('hs_num_child_companies', 'Number of child companies', 'companyinformation'),
      num('total_revenue', 'Total revenue', 'companyinformation'),
      num('num_associated_contacts', 'Number of associated contacts', 'companyinformation'),
      num('num_associated_deals', 'Number of associated deals', 'companyinformation'),
      ...activityDates,
      datetime('createdate', 'Create date', 'companyinformation'),
      owner,
      ownerAssignedDate,
      text('hubspot_team_id', 'HubSpot team', 'sales_properties', { type: 'enumeration', fieldType: 'select' }),
      ...timestamps,
    ],
  },
  {
    name: 'deals',
    objectTypeId: '0-3',
    singular: 'deal',
    properties: [
      text('dealname', 'Deal name', 'dealinformation'),
      num('amount', 'Amount', 'dealinformation'),
      select('dealstage', 'Deal stage', 'dealinformation', [
        'appointmentscheduled',
        'qualifiedtobuy',
        'presentationscheduled',
        'decisionmakerboughtin',
        'contractsent',
        'closedwon',
        'closedlost',
      ]),
      text('pipeline', 'Pipeline', 'dealinformation', { type: 'enumeration', fieldType: 'select' }),
      datetime('closedate', 'Close date', 'dealinformation'),
      {
        name: 'hs_is_closed_won',
        label: 'Is closed won',
        type: 'bool',
        fieldType: 'booleancheckbox',
        groupName: 'dealinformation',
      },
      {
        name: 'hs_is_closed',
        label: 'Is closed',
        type: 'bool',
        fieldType: 'booleancheckbox',
        groupName: 'dealinformation',
      },
      text('dealtype', 'Deal type', 'dealinformation', { type: 'enumeration', fieldType: 'select' }),
      text('description', 'Deal description', 'dealinformation', { fieldType: 'textarea' }),
      select('hs_priority', 'Priority', 'dealinformation', ['low', 'medium', 'high']),
      num('hs_deal_stage_probability', 'Deal probability', 'dealinformation'),
      num('hs_forecast_amount', 'Forecast amount', 'dealinformation'),
      num('hs_closed_amount', 'Closed amount', 'dealinformation'),
      num('num_associated_contacts', 'Number of associated contacts', 'dealinformation'),
      text('deal_currency_code', 'Currency', 'dealinformation', { type: 'enumeration', fieldType: 'select' }),
      ...activityDates,
      datetime('createdate', 'Create date', 'dealinformation'),
      owner,
      ownerAssignedDate,
      ...timestamps,
    ],
  },
  {
    name: 'meetings',
    objectTypeId: '0-47',
    singular: 'meeting',
    properties: [
      text('hs_meeting_title', 'Meeting name', 'meeting'),
      text('hs_meeting_body', 'Meeting description', 'meeting', { fieldType: 'textarea' }),
      datetime('hs_meeting_start_time', 'Start time', 'meeting'),
      datetime('hs_meeting_end_time', 'End time', 'meeting'),
      select('hs_meeting_outcome', 'Meeting outcome', 'meeting', [
        'SCHEDULED',
        'COMPLETED',
        'RESCHEDULED',
        'NO_SHOW',
        'CANCELED',
      ]),
      ...engagementBase,
    ],
  },
  {
    name: 'calls',
    objectTypeId: '0-48',
    singular: 'call',
    properties: [
      text('hs_call_title', 'Call title', 'call'),
      text('hs_call_body', 'Call notes', 'call', { fieldType: 'textarea' }),
      num('hs_call_duration', 'Call duration', 'call'),
      text('hs_call_direction', 'Call direction', 'call', { type: 'enumeration', fieldType: 'select' }),
      text('hs_call_status', 'Call status', 'call', { type: 'enumeration', fieldType: 'select' }),
      ...engagementBase,
    ],
  },
  {
    name: 'emails',
    objectTypeId: '0-49',
    singular: 'email',
    properties: [
      text('hs_email_subject', 'Email subject', 'email'),
      text('hs_email_text', 'Email body', 'email', { fieldType: 'textarea' }),
      text('hs_email_direction', 'Email direction', 'email', { type: 'enumeration', fieldType: 'select' }),
      ...engagementBase,
    ],
  },
  {
    name: 'notes',
    objectTypeId: '0-46',
    singular: 'note',
    properties: [text('hs_note_body', 'Note body', 'note', { fieldType: 'html' }), ...engagementBase],
  },
  {
    name: 'tasks',
    objectTypeId: '0-27',
    singular: 'task',
    properties: [
      text('hs_task_subject', 'Task title', 'task'),
      text('hs_task_body', 'Task notes', 'task', { fieldType: 'textarea' }),
      select('hs_task_status', 'Task status', 'task', [
        'NOT_STARTED',
        'IN_PROGRESS',
        'WAITING',
        'COMPLETED',
        'DEFERRED',
      ]),
      select('hs_task_priority', 'Priority', 'task', ['LOW', 'MEDIUM', 'HIGH']),
      select('hs_task_type', 'Task type', 'task', ['TODO', 'CALL', 'EMAIL']),
      ...engagementBase,
    ],
  },
  FEEDBACK_SUBMISSIONS,
];

/** HubSpot-defined association type ids between standard objects (category HUBSPOT_DEFINED). */
export interface DefinedAssociationType {
  from: string;
  to: string;
  typeId: number;
  label: string | null;
  /** The type id of the same association seen from the other side. */
  inverseTypeId: number;
}

export const HUBSPOT_DEFINED_ASSOCIATIONS: DefinedAssociationType[] = [
  { from: 'contacts', to: 'companies', typeId: 279, label: null, inverseTypeId: 280 },
  { from: 'contacts', to: 'companies', typeId: 1, label: 'Primary', inverseTypeId: 2 },
  { from: 'companies', to: 'contacts', typeId: 280, label: null, inverseTypeId: 279 },
  { from: 'companies', to: 'contacts', typeId: 2, label: 'Primary', inverseTypeId: 1 },
  { from: 'deals', to: 'companies', typeId: 341, label: null, inverseTypeId: 342 },
  { from: 'deals', to: 'companies', typeId: 5, label: 'Primary', inverseTypeId: 6 },
  { from: 'companies', to: 'deals', typeId: 342, label: null, inverseTypeId: 341 },
  { from: 'companies', to: 'deals', typeId: 6, label: 'Primary', inverseTypeId: 5 },
  { from: 'deals', to: 'contacts', typeId: 3, label: null, inverseTypeId: 4 },
  { from: 'contacts', to: 'deals', typeId: 4, label: null, inverseTypeId: 3 },
  // Company hierarchy: 13 points from a parent to its child, 14 from a child to its parent.
  { from: 'companies', to: 'companies', typeId: 13, label: 'Child Company', inverseTypeId: 14 },
  { from: 'companies', to: 'companies', typeId: 14, label: 'Parent Company', inverseTypeId: 13 },
  { from: 'companies', to: 'companies', typeId: 450, label: null, inverseTypeId: 450 },
  { from: 'contacts', to: 'contacts', typeId: 449, label: null, inverseTypeId: 449 },
  { from: 'meetings', to: 'contacts', typeId: 200, label: null, inverseTypeId: 199 },
  { from: 'contacts', to: 'meetings', typeId: 199, label: null, inverseTypeId: 200 },
  { from: 'meetings', to: 'companies', typeId: 188, label: null, inverseTypeId: 187 },
  { from: 'companies', to: 'meetings', typeId: 187, label: null, inverseTypeId: 188 },
  { from: 'calls', to: 'contacts', typeId: 194, label: null, inverseTypeId: 193 },
  { from: 'contacts', to: 'calls', typeId: 193, label: null, inverseTypeId: 194 },
  { from: 'calls', to: 'companies', typeId: 182, label: null, inverseTypeId: 181 },
  { from: 'companies', to: 'calls', typeId: 181, label: null, inverseTypeId: 182 },
  { from: 'emails', to: 'contacts', typeId: 198, label: null, inverseTypeId: 197 },
  { from: 'contacts', to: 'emails', typeId: 197, label: null, inverseTypeId: 198 },
  { from: 'emails', to: 'companies', typeId: 186, label: null, inverseTypeId: 185 },
  { from: 'companies', to: 'emails', typeId: 185, label: null, inverseTypeId: 186 },
  // HubSpot does not publish the type ids between contacts and survey responses; these are the sandbox's own.
  { from: 'feedback_submissions', to: 'contacts', typeId: 1190, label: null, inverseTypeId: 1191 },
  { from: 'contacts', to: 'feedback_submissions', typeId: 1191, label: null, inverseTypeId: 1190 },
  { from: 'notes', to: 'contacts', typeId: 202, label: null, inverseTypeId: 201 },
  { from: 'contacts', to: 'notes', typeId: 201, label: null, inverseTypeId: 202 },
  { from: 'notes', to: 'companies', typeId: 190, label: null, inverseTypeId: 189 },
  { from: 'companies', to: 'notes', typeId: 189, label: null, inverseTypeId: 190 },
  { from: 'tasks', to: 'contacts', typeId: 204, label: null, inverseTypeId: 203 },
  { from: 'contacts', to: 'tasks', typeId: 203, label: null, inverseTypeId: 204 },
  { from: 'tasks', to: 'companies', typeId: 192, label: null, inverseTypeId: 191 },
  { from: 'companies', to: 'tasks', typeId: 191, label: null, inverseTypeId: 192 },
];

export interface StandardTypeRules {
  /** What a read returns when no properties are asked for. */
  defaultProperties: string[];
  /** What a search's free-text `query` looks in. */
  searchableProperties: string[];
  /** What a create must carry (HubSpot refuses engagements without a timestamp). */
  requiredProperties: string[];
}

const engagementRules = (...searchable: string[]): StandardTypeRules => ({
  defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  searchableProperties: searchable,
  requiredProperties: ['hs_timestamp'],
});

export const STANDARD_TYPE_RULES: Record<string, StandardTypeRules> = {
  // "By default, the following properties are returned for each submission: hs_createdate, hs_lastmodifieddate, and hs_object_id."
  feedback_submissions: {
    defaultProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    searchableProperties: [],
    requiredProperties: [],
  },
  contacts: {
    defaultProperties: ['firstname', 'lastname', 'email', 'lastmodifieddate', 'createdate', 'hs_object_id'],
    searchableProperties: ['firstname', 'lastname', 'email', 'phone'],
    requiredProperties: [],
  },
  companies: {
    defaultProperties: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    searchableProperties: ['name', 'domain'],
    requiredProperties: [],
  },
  deals: {
    defaultProperties: [
      'dealname',
      'amount',
      'closedate',
      'pipeline',
      'dealstage',
      'createdate',
      'hs_lastmodifieddate',
      'hs_object_id',
    ],
    searchableProperties: ['dealname'],
    requiredProperties: [],
  },
  meetings: engagementRules('hs_meeting_title', 'hs_meeting_body'),
  calls: engagementRules('hs_call_title', 'hs_call_body'),
  emails: engagementRules('hs_email_subject', 'hs_email_text'),
  notes: engagementRules('hs_note_body'),
  tasks: engagementRules('hs_task_subject', 'hs_task_body'),
};

/** Schemas name the objects they associate with as `COMPANY`, `CONTACT`…; this gives the path name (others pass through). */
export const associatedObjectName = (token: string) =>
  STANDARD_OBJECT_TYPES.find((t) => t.singular.toUpperCase() === token)?.name ?? token;
