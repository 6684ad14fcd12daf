// What makes a client worth a key account programme, in the order the score card lists them: what it
// buys and could buy, the room left in its wallet, margin, prestige, advocacy and fit, not its size alone.
// Settings weigh them; selection scores them.
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
