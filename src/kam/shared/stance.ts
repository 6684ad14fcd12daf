import { z } from 'zod';

// How a client contact stands towards us, most positive first.
export const STANCES = ['ally', 'supporter', 'neutral', 'protester', 'enemy'] as const;
export const stanceSchema = z.enum(STANCES);
export type Stance = z.infer<typeof stanceSchema>;

/** "Friends and allies", the row a plan counts them in. */
const FRIENDLY_STANCES: readonly Stance[] = ['ally', 'supporter'];
/** "Enemies and protesters", the row a plan counts them in. */
const HOSTILE_STANCES: readonly Stance[] = ['protester', 'enemy'];

export function isFriendly(stance: Stance | null | undefined): boolean {
  return stance != null && FRIENDLY_STANCES.includes(stance);
}

export function isHostile(stance: Stance | null | undefined): boolean {
  return stance != null && HOSTILE_STANCES.includes(stance);
}
