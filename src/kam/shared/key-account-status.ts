import { z } from 'zod';

export const KEY_ACCOUNT_STATUSES = ['none', 'candidate', 'key', 'former'] as const;
export const keyAccountStatusSchema = z.enum(KEY_ACCOUNT_STATUSES);
export type KeyAccountStatus = z.infer<typeof keyAccountStatusSchema>;

/** A status as HubSpot stores it: none where the value is empty or not one Keystone knows. */
export function storedKeyAccountStatus(value: string | null | undefined): KeyAccountStatus {
  const parsed = keyAccountStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : 'none';
}

const ICP_TIERS = ['tier_1', 'tier_2', 'tier_3'] as const;
export const icpTierSchema = z.enum(ICP_TIERS);
export type IcpTier = z.infer<typeof icpTierSchema>;
