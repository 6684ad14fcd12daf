import type { CompanyScore } from './score.ts';

// Where the tags on the CRM and the criteria disagree: the admin's to-do list after a recalculation.
export interface SelectionDrift {
  /** Scored as key but not tagged key (none, candidate or former), highest score first. */
  qualifiesButNotTagged: CompanyScore[];
  /** Tagged key but scored below the key threshold, lowest score first. */
  taggedButNoLongerQualifies: CompanyScore[];
  /** Tagged key with too little data to say either way: fill in the missing criteria first. */
  taggedWithoutEnoughData: CompanyScore[];
}

export function selectionDrift(scores: readonly CompanyScore[]): SelectionDrift {
  const drift: SelectionDrift = { qualifiesButNotTagged: [], taggedButNoLongerQualifies: [], taggedWithoutEnoughData: [] };
  for (const s of scores) {
    if (s.status === 'key') {
      if (!s.enoughData) drift.taggedWithoutEnoughData.push(s);
      else if (s.suggestedStatus !== 'key') drift.taggedButNoLongerQualifies.push(s);
    } else if (s.suggestedStatus === 'key') {
      drift.qualifiesButNotTagged.push(s);
    }
  }
  // Scores are non-null in the first two lists: both require enough data.
  drift.qualifiesButNotTagged.sort((a, b) => b.score! - a.score!);
  drift.taggedButNoLongerQualifies.sort((a, b) => a.score! - b.score!);
  return drift;
}
