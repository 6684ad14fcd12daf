import type { IcpTier, KeyAccountStatus } from '../shared/key-account-status.ts';
import type { SelectionSettings } from '../settings/schema.ts';
import type { CompanyFacts } from './company-facts.ts';
import { CRITERION_RULES, CRITERION_SOURCES, type CriterionRule, type CriterionSource } from './criterion-rules.ts';
import { SELECTION_CRITERIA, type SelectionCriterion } from '../shared/selection-criteria.ts';
import { SCORE_TOLERANCE } from './earned-points.ts';

// How a company's facts become a 0–100 score.
//
// Each criterion reads a raw value from the first of its sources that is known and normalises it to
// 0..1 (criterion-rules.ts). A criterion with no known source is MISSING: it is listed, and the
// weights renormalise over the criteria that are present, so a blank field neither drags the score
// down nor props it up:
//
//   score = 100 × Σ(weight × normalised over present) / Σ(weight over present)
//   completeness = Σ(weight over present) / Σ(all weights)
//
// A score built on less than `thresholds.minimumCompleteness` of the weight suggests no status and
// no ICP tier (`enoughData: false`), so one glowing rating alone never makes a key account.
// Criteria weighted 0 are switched off: they never count as missing.

export type SuggestedStatus = Extract<KeyAccountStatus, 'none' | 'candidate' | 'key'>;

/** One company's verdict: what the card shows above the breakdown and the recalculation writes back. */
export interface CompanyScore {
  companyId: string;
  status: KeyAccountStatus;
  /** 0–100, or null when no weighted criterion is known. */
  score: number | null;
  /** Share (0–1) of the total weight whose criteria are known. */
  completeness: number;
  enoughData: boolean;
  suggestedStatus: SuggestedStatus;
  icpTier: IcpTier | null;
}

export type CriterionScore =
  | {
      criterion: SelectionCriterion;
      missing: false;
      /** Raw value in the criterion's own unit: currency, share 0–1, margin %, rating 0–10, referrals. */
      value: number;
      source: CriterionSource;
      /** 0–1. */
      normalised: number;
      /** The weight the admin set. */
      weight: number;
      /** This criterion's share of the weight actually used (present criteria only), 0–1. */
      weightShare: number;
      /** Points of the 0–100 score; the contributions add up to the score. */
      contribution: number;
    }
  | {
      criterion: SelectionCriterion;
      missing: true;
      value: null;
      source: null;
      normalised: null;
      weight: number;
      weightShare: 0;
      contribution: 0;
    };

/** The explainable result for one company card. */
export interface SelectionScore extends CompanyScore {
  criteria: CriterionScore[];
  /** Weighted criteria with no data, in criterion order: what the account team should fill in. */
  missing: SelectionCriterion[];
}

// One evaluation's working memory, reused across a batch so scoring a million companies allocates
// no per-company objects.
interface Evaluation {
  readonly raw: Float64Array;
  readonly normalised: Float64Array;
  readonly sourceIndex: Int8Array;
  presentWeight: number;
  /** NaN when no weighted criterion is known. */
  score: number;
  completeness: number;
  enoughData: boolean;
  suggestedStatus: SuggestedStatus;
  icpTier: IcpTier | null;
}

// The rules resolved to plain arrays in criterion order once per call, so the hot loop does no lookups by name.
interface ScoringPlan {
  readonly settings: SelectionSettings;
  readonly weights: Float64Array;
  readonly totalWeight: number;
  readonly readers: ReadonlyArray<ReadonlyArray<(facts: CompanyFacts, settings: SelectionSettings) => number | null>>;
  readonly normalisers: ReadonlyArray<CriterionRule['normalise']>;
}

function planFor(settings: SelectionSettings): ScoringPlan {
  const weights = Float64Array.from(SELECTION_CRITERIA, (criterion) => settings.weights[criterion]);
  return {
    settings,
    weights,
    totalWeight: weights.reduce((sum, w) => sum + w, 0),
    readers: SELECTION_CRITERIA.map((criterion) =>
      CRITERION_RULES[criterion].sources.map((source) => CRITERION_SOURCES[source]),
    ),
    normalisers: SELECTION_CRITERIA.map((criterion) => CRITERION_RULES[criterion].normalise),
  };
}

function newEvaluation(): Evaluation {
  const n = SELECTION_CRITERIA.length;
  return {
    raw: new Float64Array(n),
    normalised: new Float64Array(n),
    sourceIndex: new Int8Array(n),
    presentWeight: 0,
    score: NaN,
    completeness: 0,
    enoughData: false,
    suggestedStatus: 'none',
    icpTier: null,
  };
}

// The one implementation of the maths; both the explainable and the batch path call it.
function evaluate(facts: CompanyFacts, plan: ScoringPlan, into: Evaluation): void {
  let presentWeight = 0;
  let weightedSum = 0;
  for (let i = 0; i < plan.readers.length; i++) {
    const readers = plan.readers[i]!;
    let raw: number | null = null;
    let used = -1;
    for (let s = 0; s < readers.length && raw === null; s++) {
      raw = readers[s]!(facts, plan.settings);
      used = s;
    }
    if (raw === null) {
      into.sourceIndex[i] = -1;
      into.raw[i] = NaN;
      into.normalised[i] = NaN;
      continue;
    }
    const normalised = plan.normalisers[i]!(raw, plan.settings);
    const weight = plan.weights[i]!;
    into.sourceIndex[i] = used;
    into.raw[i] = raw;
    into.normalised[i] = normalised;
    presentWeight += weight;
    weightedSum += weight * normalised;
  }

  const { thresholds, icpTierCutoffs } = plan.settings;
  const score = presentWeight > 0 ? (100 * weightedSum) / presentWeight : NaN;
  const completeness = presentWeight / plan.totalWeight;
  const enoughData = presentWeight > 0 && completeness + SCORE_TOLERANCE >= thresholds.minimumCompleteness;
  // Without enough data nothing is suggested; -1 sits below every threshold.
  const comparable = enoughData ? score + SCORE_TOLERANCE : -1;
  into.presentWeight = presentWeight;
  into.score = score;
  into.completeness = completeness;
  into.enoughData = enoughData;
  into.suggestedStatus =
    comparable >= thresholds.key ? 'key' : comparable >= thresholds.candidate ? 'candidate' : 'none';
  into.icpTier =
    comparable >= icpTierCutoffs.tier_1
      ? 'tier_1'
      : comparable >= icpTierCutoffs.tier_2
        ? 'tier_2'
        : comparable >= icpTierCutoffs.tier_3
          ? 'tier_3'
          : null;
}

/** Scores one company with every criterion's value, weight and contribution. `facts` must be parsed. */
export function scoreCompany(facts: CompanyFacts, settings: SelectionSettings): SelectionScore {
  const plan = planFor(settings);
  const e = newEvaluation();
  evaluate(facts, plan, e);
  const criteria = SELECTION_CRITERIA.map((criterion, i): CriterionScore => {
    const weight = plan.weights[i]!;
    const sourceIndex = e.sourceIndex[i]!;
    if (sourceIndex < 0)
      return {
        criterion,
        missing: true,
        value: null,
        source: null,
        normalised: null,
        weight,
        weightShare: 0,
        contribution: 0,
      };
    const normalised = e.normalised[i]!;
    // Present criteria may all weigh 0; then nothing is used and nothing contributes.
    const weightShare = e.presentWeight > 0 ? weight / e.presentWeight : 0;
    return {
      criterion,
      missing: false,
      value: e.raw[i]!,
      source: CRITERION_RULES[criterion].sources[sourceIndex]!,
      normalised,
      weight,
      weightShare,
      contribution: 100 * weightShare * normalised,
    };
  });
  return {
    companyId: facts.companyId,
    status: facts.status,
    score: Number.isNaN(e.score) ? null : e.score,
    completeness: e.completeness,
    enoughData: e.enoughData,
    suggestedStatus: e.suggestedStatus,
    icpTier: e.icpTier,
    criteria,
    missing: criteria.filter((c) => c.missing && c.weight > 0).map((c) => c.criterion),
  };
}

/**
 * The batch result, one column per field, row i being `facts[i]`: a million companies without a
 * million objects. Read a row as a `CompanyScore` with `companyScoreAt`.
 */
export interface PortfolioScores {
  readonly count: number;
  readonly companyIds: readonly string[];
  readonly statuses: readonly KeyAccountStatus[];
  /** NaN where no weighted criterion is known. */
  readonly scores: Float64Array;
  readonly completeness: Float64Array;
  readonly enoughData: readonly boolean[];
  readonly suggestedStatuses: readonly SuggestedStatus[];
  readonly icpTiers: ReadonlyArray<IcpTier | null>;
}

/** Scores a whole portfolio with the same maths as `scoreCompany`, without the breakdown. `facts` must be parsed. */
export function scorePortfolio(facts: readonly CompanyFacts[], settings: SelectionSettings): PortfolioScores {
  const plan = planFor(settings);
  const e = newEvaluation();
  const count = facts.length;
  const result = {
    count,
    companyIds: new Array<string>(count),
    statuses: new Array<KeyAccountStatus>(count),
    scores: new Float64Array(count),
    completeness: new Float64Array(count),
    enoughData: new Array<boolean>(count),
    suggestedStatuses: new Array<SuggestedStatus>(count),
    icpTiers: new Array<IcpTier | null>(count),
  };
  for (let i = 0; i < count; i++) {
    const company = facts[i]!;
    evaluate(company, plan, e);
    result.companyIds[i] = company.companyId;
    result.statuses[i] = company.status;
    result.scores[i] = e.score;
    result.completeness[i] = e.completeness;
    result.enoughData[i] = e.enoughData;
    result.suggestedStatuses[i] = e.suggestedStatus;
    result.icpTiers[i] = e.icpTier;
  }
  return result;
}

export function companyScoreAt(scores: PortfolioScores, index: number): CompanyScore {
  const score = scores.scores[index]!;
  return {
    companyId: scores.companyIds[index]!,
    status: scores.statuses[index]!,
    score: Number.isNaN(score) ? null : score,
    completeness: scores.completeness[index]!,
    enoughData: scores.enoughData[index]!,
    suggestedStatus: scores.suggestedStatuses[index]!,
    icpTier: scores.icpTiers[index]!,
  };
}
