export * from './property.ts';
export * from './custom-object.ts';
export * from './company-properties.ts';
export * from './contact-properties.ts';
export * from './plan.ts';
export * from './objective.ts';
export * from './review.ts';
export * from './portal-settings.ts';
export * from './associations.ts';

import { OBJECTIVE } from './objective.ts';
import { KEY_ACCOUNT_PLAN, PLAN_REVISION } from './plan.ts';
import { PORTAL_SETTINGS } from './portal-settings.ts';
import { REVIEW } from './review.ts';

/** Every custom object Keystone keeps in the portal, in the order setup creates them. */
export const KEYSTONE_OBJECTS = {
  settings: PORTAL_SETTINGS,
  plan: KEY_ACCOUNT_PLAN,
  planRevision: PLAN_REVISION,
  objective: OBJECTIVE,
  review: REVIEW,
} as const;
export type KeystoneObjectKey = keyof typeof KEYSTONE_OBJECTS;
