// The picture that goes with a digest: admissions so far against the year's quota.
import { barsFromDigest, chartBarNames, chartLabels, renderProgressChart } from "../chart/progress-chart.js";
import type { Digest } from "../domain/digest.js";
import { formatPeriod } from "../domain/period.js";
import type { Translate } from "../i18n.js";
import { totalsBasis } from "./digest.js";

/** Null when no quota is set: a chart against nothing says nothing. */
export function digestChart(t: Translate, unitName: string, digest: Digest): { png: Buffer; caption: string } | null {
  if (!digest.quota.total) return null;
  const png = renderProgressChart({
    title: t("chart-title", { year: String(digest.period.year) }),
    subtitle: t("chart-subtitle", { unit: unitName, period: formatPeriod(digest.period) }),
    bars: barsFromDigest(digest, chartBarNames(t)),
    labels: chartLabels(t),
    // Where an even pace through the year would stand at the end of the period's month.
    pace: digest.period.month / 12,
  });
  // The picture may be forwarded without the digest: it says itself what its bars count.
  const caption = `${t("digest-chart-caption", { unit: unitName })}\n${t("digest-totals", { basis: totalsBasis(t, digest.totals) })}`;
  return { png, caption };
}
