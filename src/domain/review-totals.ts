// What a committee's totals count: by default only the figures someone above the branch
// approved; a committee may choose to count every submitted report instead (issue 5).
import type { ReviewLabel } from "./review.js";
import { withoutMarks } from "./text.js";

export const TotalsMode = { APPROVED: "approved", ALL: "all" } as const;
export type TotalsMode = (typeof TotalsMode)[keyof typeof TotalsMode];

export const DEFAULT_TOTALS_MODE: TotalsMode = TotalsMode.APPROVED;

export function isTotalsMode(s: string): s is TotalsMode {
  return s === TotalsMode.APPROVED || s === TotalsMode.ALL;
}

/** Every label, in the order digests and exports show them. */
export const REVIEW_LABELS = ["approved", "pending", "returned", "late-correction"] as const satisfies readonly ReviewLabel[];

export type ReviewCounts = Record<ReviewLabel, number>;

export const zeroReviewCounts = (): ReviewCounts => ({ approved: 0, pending: 0, returned: 0, "late-correction": 0 });

/** The words of /tinhtong. People type them with or without diacritics and spaces ("tất cả", "tatca"). */
const WORDS: Record<string, TotalsMode> = { daduyet: TotalsMode.APPROVED, tatca: TotalsMode.ALL };

export function parseTotalsWord(raw: string): TotalsMode | null {
  const word = withoutMarks(raw).replace(/\s+/g, "").toLowerCase();
  return WORDS[word] ?? null;
}

export interface TotalsChoice {
  mode: TotalsMode;
  /** The unit whose setting applies: the unit itself or the nearest one above; null for the default. */
  setAt: number | null;
}

/**
 * The choice in force for a unit: its own setting, else the nearest one up the tree, else the
 * default. A committee's digest and export use the choice of the unit they are for, for every
 * branch under it, so one digest never mixes two ways of counting.
 */
export function totalsChoiceAt(
  unitId: number,
  units: ReadonlyArray<{ id: number; parentId: number | null }>,
  chosen: ReadonlyMap<number, TotalsMode>,
): TotalsChoice {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const seen = new Set<number>();
  for (let id: number | null | undefined = unitId; id !== null && id !== undefined && !seen.has(id); id = parentOf.get(id)) {
    seen.add(id);
    const mode = chosen.get(id);
    if (mode) return { mode, setAt: id };
  }
  return { mode: DEFAULT_TOTALS_MODE, setAt: null };
}
