import { isFriendly, isHostile, type Stance } from '../shared/index.ts';

/** The most each part of the coverage score can earn; they add up to 100. */
export const COVERAGE_SCORE_POINTS = {
  decisionMakersCovered: 30,
  clientDepth: 15,
  ourPeoplePerKeyContact: 15,
  noSinglePersonDependency: 10,
  freshKeyContacts: 15,
  friendlyKeyContacts: 10,
  peopleAroundKeyContacts: 5,
} as const;
type CoverageScorePart = keyof typeof COVERAGE_SCORE_POINTS;

/** Engaged contacts at which client-side depth earns full points. */
const FULL_DEPTH_CONTACTS = 5;

interface CoverageScoreReason {
  part: CoverageScorePart;
  reason: string;
  /** Points earned, to one decimal. */
  points: number;
  maxPoints: number;
}

export interface CoverageScore {
  /** 0–100, the rounded sum of the reasons' points. */
  value: number;
  reasons: CoverageScoreReason[];
}

/** The figures of an account's relationship coverage the score weighs (relationshipCoverage works them out). */
interface ScoredCoverage {
  staleAfterDays: number;
  decisionMakers: { total: number; covered: number };
  depth: { engagedContacts: number; singleThreaded: boolean };
  breadth: { keyContactsWithSeveralOfOurPeople: number; singlePersonDependency: { soleHolderOf: number } | null };
  keyContacts: ReadonlyArray<{
    stale: boolean;
    stance: Stance | null;
    org: { supervisor: { inTouch: boolean } | null; subordinates: { inTouch: number }; peers: { inTouch: number } };
  }>;
}

/** Explainable coverage score: every part says what it measured and what it earned. */
export function coverageScore(coverage: ScoredCoverage): CoverageScore {
  const { decisionMakers, depth, breadth, keyContacts, staleAfterDays } = coverage;
  const keyCount = keyContacts.length;
  const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
  const fresh = keyContacts.filter((k) => !k.stale).length;
  const friendly = keyContacts.filter((k) => isFriendly(k.stance)).length;
  const hostile = keyContacts.filter((k) => isHostile(k.stance)).length;
  const surrounded = keyContacts.filter(
    (k) => k.org.supervisor?.inTouch || k.org.subordinates.inTouch > 0 || k.org.peers.inTouch > 0,
  ).length;
  const dependency = breadth.singlePersonDependency;
  // The contacts weighed are those the programme watches (see `watchReasons`): said as "watched", the
  // card's word for them, since "key contacts" reads as only those with HubSpot's "Key contact" label.
  const watched = `${keyCount} watched contacts`;

  const parts: Array<[CoverageScorePart, number, string]> = [
    [
      'decisionMakersCovered',
      share(decisionMakers.covered, decisionMakers.total),
      decisionMakers.total === 0
        ? 'No decision maker identified'
        : `${decisionMakers.covered} of ${decisionMakers.total} decision makers touched in the last ${staleAfterDays} days`,
    ],
    [
      'clientDepth',
      Math.min(depth.engagedContacts, FULL_DEPTH_CONTACTS) / FULL_DEPTH_CONTACTS,
      `${depth.engagedContacts} ${depth.engagedContacts === 1 ? 'contact' : 'contacts'} engaged in the last ${staleAfterDays} days${depth.singleThreaded ? ' (single-threaded)' : ''}; ${FULL_DEPTH_CONTACTS} or more earn full points`,
    ],
    [
      'ourPeoplePerKeyContact',
      share(breadth.keyContactsWithSeveralOfOurPeople, keyCount),
      `${breadth.keyContactsWithSeveralOfOurPeople} of ${watched} know two or more of our people`,
    ],
    [
      'noSinglePersonDependency',
      depth.engagedContacts > 0 && !dependency ? 1 : 0,
      dependency
        ? `One of our people alone holds ${dependency.soleHolderOf} of ${depth.engagedContacts} engaged contacts`
        : depth.engagedContacts > 0
          ? 'No single person of ours holds most relationships alone'
          : 'No relationships to spread across our people',
    ],
    ['freshKeyContacts', share(fresh, keyCount), `${fresh} of ${watched} touched in the last ${staleAfterDays} days`],
    [
      'friendlyKeyContacts',
      share(Math.max(0, friendly - hostile), keyCount),
      `${friendly} of ${watched} are allies or supporters, ${hostile} ${hostile === 1 ? 'protester or enemy' : 'protesters or enemies'}`,
    ],
    [
      'peopleAroundKeyContacts',
      share(surrounded, keyCount),
      `${surrounded} of ${watched} have their supervisor, a subordinate or a peer in touch with us`,
    ],
  ];

  const earned = parts.map(([part, fraction, reason]) => ({
    part,
    reason,
    exact: fraction * COVERAGE_SCORE_POINTS[part],
    maxPoints: COVERAGE_SCORE_POINTS[part],
  }));
  return {
    value: Math.round(earned.reduce((sum, r) => sum + r.exact, 0)),
    reasons: earned.map(({ exact, ...r }) => ({ ...r, points: Math.round(exact * 10) / 10 })),
  };
}
