import { companyScoreAt, type CompanyScore, type PortfolioScores } from './score.ts';

// Where the tags on the CRM and the criteria disagree: the admin's to-do list after a recalculation.
interface SelectionDrift {
  /** Scored as key but not tagged key (none, candidate or former), highest score first. */
  qualifiesButNotTagged: CompanyScore[];
  /** Tagged key but scored below the key threshold, lowest score first. */
  taggedButNoLongerQualifies: CompanyScore[];
  /** Tagged key with too little data to say either way: fill in the missing criteria first. */
  taggedWithoutEnoughData: CompanyScore[];
}

export function selectionDrift(scores: PortfolioScores): SelectionDrift {
  const drift: SelectionDrift = {
    qualifiesButNotTagged: [],
    taggedButNoLongerQualifies: [],
    taggedWithoutEnoughData: [],
  };
  for (let i = 0; i < scores.count; i++) {
    if (scores.statuses[i] === 'key') {
      if (!scores.enoughData[i]) drift.taggedWithoutEnoughData.push(companyScoreAt(scores, i));
      else if (scores.suggestedStatuses[i] !== 'key') drift.taggedButNoLongerQualifies.push(companyScoreAt(scores, i));
    } else if (scores.suggestedStatuses[i] === 'key') {
      drift.qualifiesButNotTagged.push(companyScoreAt(scores, i));
    }
  }
  // Both lists need enough data, so their scores are numbers.
  drift.qualifiesButNotTagged.sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  drift.taggedButNoLongerQualifies.sort((a, b) => (a.score ?? 0) - (b.score ?? 0));
  return drift;
}
