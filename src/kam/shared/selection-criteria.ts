// The seeds' selection criteria (000, 002 step 2), in the order the score card lists them.
// Settings weigh them; selection scores them. Explicitly not just size.
export const SELECTION_CRITERIA = [
  'historicPurchases',
  'potentialPurchases',
  'shareOfWallet',
  'profitability',
  'prestige',
  'advocacy',
  'strategicFit',
] as const;
export type SelectionCriterion = (typeof SELECTION_CRITERIA)[number];

export const SELECTION_CRITERION_LABELS: Record<SelectionCriterion, string> = {
  historicPurchases: 'Historic purchases',
  potentialPurchases: 'Potential purchases',
  shareOfWallet: 'Room in share of wallet',
  profitability: 'Profitability',
  prestige: 'Prestige',
  advocacy: 'Advocacy and referrals',
  strategicFit: 'Strategic fit',
};
