import type { OBJECTIVE_STATUSES } from './schema.ts';

// An objective's status in the words people read, on Keystone's screens and as the options of HubSpot's
// property that holds it. Type imports only, so the card folders, which do not install zod, can bundle it.

export const OBJECTIVE_STATUS_LABELS: Record<(typeof OBJECTIVE_STATUSES)[number], string> = {
  open: 'Open',
  achieved: 'Achieved',
  dropped: 'Dropped',
};
