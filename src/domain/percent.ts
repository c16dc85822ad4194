// One rounding for every percentage the bot shows: in messages (/tonghop, /tiendo, receipts),
// on the chart and in the workbook. A committee comparing the three sees the same number.

/**
 * The fraction as a whole percent, rounded half up (3/7 → 43, 4/6 → 67, 1/8 → 13), with one
 * exception: short of the whole stays short of 100 (199/200 → 99), so "đạt 100% chỉ tiêu" is
 * said only once the quota is met. Not clamped: 13/10 is 130. Not a finite number: 0.
 */
export function wholePercent(fraction: number): number {
  if (!Number.isFinite(fraction)) return 0;
  // The epsilon keeps 0.285 * 100 = 28.499999999999996 at 29, as the decimal reads.
  const rounded = Math.floor(fraction * 100 + 0.5 + 1e-9);
  return fraction < 1 && rounded >= 100 ? 99 : rounded;
}

/** 3/7 → "43%" */
export function formatPercent(fraction: number): string {
  return `${wholePercent(fraction)}%`;
}

/** The value of a workbook's percent cell (formatted "0%"): the same whole percent, so Excel shows what the messages say. */
export function percentCell(fraction: number | null): number | null {
  return fraction === null ? null : wholePercent(fraction) / 100;
}
