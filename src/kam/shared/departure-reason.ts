import { z } from 'zod';

/** Why a contact left their role at the client: retired, moved to another role there, or left the client. */
export const DEPARTURE_REASONS = ['retired', 'moved_role', 'left'] as const;
export const departureReasonSchema = z.enum(DEPARTURE_REASONS);
export type DepartureReason = z.infer<typeof departureReasonSchema>;
