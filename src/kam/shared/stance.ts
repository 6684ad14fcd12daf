import { z } from 'zod';

// The five stances of seed 003's review example, most positive first.
export const STANCES = ['ally', 'supporter', 'neutral', 'protester', 'enemy'] as const;
export const stanceSchema = z.enum(STANCES);
export type Stance = z.infer<typeof stanceSchema>;

/** "Friends and allies" in the 003 metric table. */
export const FRIENDLY_STANCES: readonly Stance[] = ['ally', 'supporter'];
/** "Enemies and protestors" in the 003 metric table. */
export const HOSTILE_STANCES: readonly Stance[] = ['protester', 'enemy'];

export function isFriendly(stance: Stance | null | undefined): boolean {
  return stance != null && FRIENDLY_STANCES.includes(stance);
}

export function isHostile(stance: Stance | null | undefined): boolean {
  return stance != null && HOSTILE_STANCES.includes(stance);
}
