// A PNG of recruitment against quota: one horizontal bar per branch or per cohort.
//
// The picture is an SVG written here and rasterised by @resvg/resvg-js (resvg, Rust, shipped as a
// prebuilt binary inside per-platform npm packages: nothing is downloaded at install or run time).
// Text uses Roboto from @expo-google-fonts/roboto (TTF files inside the npm package, full
// Vietnamese coverage), with system fonts switched off, so a server without any fonts draws the
// same picture as a laptop. Every word on it comes from the caller (locales/vi.ftl in the bot).
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import type { Digest } from "../domain/digest.js";
import type { BranchAggregate } from "../domain/branch-aggregates.js";
import { formatPercent } from "../domain/percent.js";
import { COHORTS, type CohortField } from "../domain/report.js";
import { LEGEND_ROW_H, legendRows, legendSvg } from "./legend.js";
import { escapeXml, fitText } from "./svg-text.js";

export { fitText, textWidth } from "./svg-text.js";

const require = createRequire(import.meta.url);

/** The TTF files the chart is drawn with; resolved inside node_modules, never from the system. */
export const CHART_FONT_FILES: readonly string[] = [
  require.resolve("@expo-google-fonts/roboto/400Regular/Roboto_400Regular.ttf"),
  require.resolve("@expo-google-fonts/roboto/700Bold/Roboto_700Bold.ttf"),
];
const FONT_FAMILY = "Roboto";

export interface ChartBar {
  label: string;
  admitted: number;
  /** null: no quota set; the row shows the count and labels.noQuota instead of a bar. */
  quota: number | null;
  /** Drawn in bold with a separator below (e.g. the committee's total above its cohorts). */
  emphasis?: boolean;
}

export interface ProgressChartLabels {
  /** Legend: the filled part of a bar, on a chart without a pace. */
  admitted: string;
  /** Legend: a bar filled in green, at or past the pace. */
  ahead: string;
  /** Legend: a bar filled in orange, short of the pace. */
  behind: string;
  /** Legend: the whole track of a bar. */
  quota: string;
  /** Shown on a row without a quota. */
  noQuota: string;
  /** Legend for the dashed line at `pace`. */
  pace: string;
  /** Footer when rows were left out: "… và 12 chi bộ khác". */
  more: (count: number) => string;
}

export interface ProgressChartInput {
  title: string;
  subtitle?: string;
  bars: ChartBar[];
  labels: ProgressChartLabels;
  /**
   * Where the year should be by now, as a fraction of the quota (e.g. 10/12 at the end of October).
   * Drawn as a dashed line; bars short of it are drawn in orange, the others in green.
   */
  pace?: number;
  /** Rows beyond this are left out and counted in the footer. Default 25. */
  maxBars?: number;
  /** Width in CSS pixels (default 800); the PNG is `scale` times that (default 2, sharp on phones). */
  width?: number;
  scale?: number;
}

const COLORS = {
  text: "#1f2933",
  muted: "#616e7c",
  track: "#e4e7eb",
  ahead: "#2f9e44",
  behind: "#e8590c",
  neutral: "#1971c2",
  pace: "#364fc7",
  rule: "#cbd2d9",
} as const;

/** The fills a bar may have, and the legend's words for each, in the legend's order. */
const LEGEND_FILLS = [
  { color: COLORS.neutral, label: "admitted" },
  { color: COLORS.ahead, label: "ahead" },
  { color: COLORS.behind, label: "behind" },
] as const satisfies readonly { color: string; label: keyof ProgressChartLabels }[];

const formatCount = (n: number) => n.toLocaleString("vi-VN");

/** The SVG the PNG is drawn from (exported for tests and for debugging a layout). */
export function progressChartSvg(input: ProgressChartInput): string {
  const width = input.width ?? 800;
  const maxBars = Math.max(1, input.maxBars ?? 25);
  const shown = input.bars.slice(0, maxBars);
  const hidden = input.bars.length - shown.length;

  const pad = 24;
  const rowH = 30;
  const labelW = Math.round(width * 0.34);
  const valueW = 150;
  const trackX = pad + labelW + 12;
  const trackW = width - trackX - valueW - pad;
  const top = input.subtitle ? 96 : 72;
  const pace = input.pace === undefined ? undefined : Math.min(1, Math.max(0, input.pace));
  const fillOf = (fraction: number) => (pace === undefined ? COLORS.neutral : fraction + 1e-9 >= pace ? COLORS.ahead : COLORS.behind);
  const withQuota = shown.filter((b) => b.quota !== null && b.quota > 0);
  // The pace line crosses the tracks: without a track there is nothing to measure against.
  const paceLine = pace !== undefined && withQuota.length > 0;
  const fills = new Set(withQuota.filter((b) => b.admitted > 0).map((b) => fillOf(b.admitted / b.quota!)));
  const legend = legendRows(
    [
      ...LEGEND_FILLS.filter((f) => fills.has(f.color)).map((f) => ({ kind: "fill" as const, color: f.color, label: input.labels[f.label] })),
      ...(withQuota.length > 0 ? [{ kind: "fill" as const, color: COLORS.track, label: input.labels.quota }] : []),
      ...(paceLine ? [{ kind: "line" as const, color: COLORS.pace, label: input.labels.pace }] : []),
    ],
    pad,
    width - 2 * pad,
  );
  const legendY = top + shown.length * rowH + 28;
  const lastLegendY = legendY + (legend.length - 1) * LEGEND_ROW_H;
  const footerY = lastLegendY + 32;
  const height = hidden > 0 ? footerY + 26 : lastLegendY + 34;

  const parts: string[] = [];
  const text = (x: number, y: number, s: string, attrs = "") =>
    parts.push(`<text x="${x}" y="${y}" ${attrs}>${escapeXml(s)}</text>`);

  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  text(pad, 38, fitText(input.title, width - 2 * pad, 22), `font-size="22" font-weight="700" fill="${COLORS.text}"`);
  if (input.subtitle) text(pad, 66, fitText(input.subtitle, width - 2 * pad, 15), `font-size="15" fill="${COLORS.muted}"`);

  shown.forEach((bar, i) => {
    const y = top + i * rowH;
    const mid = y + rowH / 2;
    const weight = bar.emphasis ? ` font-weight="700"` : "";
    text(pad + labelW, mid + 5, fitText(bar.label, labelW, 14), `font-size="14" text-anchor="end" fill="${COLORS.text}"${weight}`);
    if (bar.quota === null || bar.quota <= 0) {
      text(trackX, mid + 5, `${formatCount(bar.admitted)} · ${input.labels.noQuota}`, `font-size="13" fill="${COLORS.muted}"`);
    } else {
      const fraction = bar.admitted / bar.quota;
      const fillW = Math.min(1, Math.max(0, fraction)) * trackW;
      const color = fillOf(fraction);
      parts.push(`<rect x="${trackX}" y="${y + 6}" width="${trackW}" height="${rowH - 12}" rx="3" fill="${COLORS.track}"/>`);
      if (fillW > 0) {
        parts.push(`<rect x="${trackX}" y="${y + 6}" width="${fillW.toFixed(1)}" height="${rowH - 12}" rx="3" fill="${color}"/>`);
      }
      text(
        trackX + trackW + 10,
        mid + 5,
        `${formatCount(bar.admitted)}/${formatCount(bar.quota)} · ${formatPercent(fraction)}`,
        `font-size="13" fill="${COLORS.text}"${weight}`,
      );
    }
    if (bar.emphasis && i < shown.length - 1) {
      parts.push(`<line x1="${pad}" y1="${y + rowH}" x2="${width - pad}" y2="${y + rowH}" stroke="${COLORS.rule}"/>`);
    }
  });
  if (paceLine && pace !== undefined) {
    const x = (trackX + pace * trackW).toFixed(1);
    parts.push(
      `<line x1="${x}" y1="${top}" x2="${x}" y2="${top + shown.length * rowH}" stroke="${COLORS.pace}" stroke-width="2" stroke-dasharray="5 4"/>`,
    );
  }

  // Legend: one entry for each colour drawn above.
  parts.push(...legendSvg(legend, legendY, COLORS.muted));
  if (hidden > 0) text(pad, footerY, input.labels.more(hidden), `font-size="13" fill="${COLORS.muted}"`);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` font-family="${FONT_FAMILY}">`,
    ...parts,
    `</svg>`,
  ].join("\n");
}

/** The chart as a PNG. Synchronous: a few milliseconds for 25 rows. */
export function renderProgressChart(input: ProgressChartInput): Buffer {
  const scale = input.scale ?? 2;
  const resvg = new Resvg(progressChartSvg(input), {
    font: { loadSystemFonts: false, fontFiles: [...CHART_FONT_FILES], defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}

/** The committee's total, then one bar per cohort, from a digest. */
export function barsFromDigest(digest: Digest, names: { total: string; cohorts: Record<CohortField, string> }): ChartBar[] {
  return [
    { label: names.total, admitted: digest.admitted.yearToDate.total, quota: digest.quota.total || null, emphasis: true },
    ...COHORTS.map((c) => ({
      label: names.cohorts[c],
      admitted: digest.admitted.yearToDate.byCohort[c],
      quota: digest.quota.byCohort[c],
    })),
  ];
}

/**
 * One bar per branch, furthest behind first (lowest fraction, then larger shortfall, then code);
 * branches without a quota come last, by code. With maxBars the chart then shows those that need
 * attention and counts the rest.
 */
export function barsFromBranches(
  branches: ReadonlyArray<Pick<BranchAggregate, "code" | "name" | "quota" | "admittedYearToDate">>,
): ChartBar[] {
  const rows = branches.map((b) => {
    const quota = b.quota?.total ?? null;
    const admitted = b.admittedYearToDate.total;
    return { b, quota, admitted, fraction: quota ? admitted / quota : Number.POSITIVE_INFINITY };
  });
  const shortfall = (r: (typeof rows)[number]) => (r.quota ?? 0) - r.admitted;
  rows.sort(
    (x, y) =>
      (x.fraction === y.fraction ? 0 : x.fraction < y.fraction ? -1 : 1) ||
      shortfall(y) - shortfall(x) ||
      (x.b.code < y.b.code ? -1 : x.b.code > y.b.code ? 1 : 0),
  );
  return rows.map(({ b, quota, admitted }) => ({ label: `${b.code} · ${b.name}`, admitted, quota }));
}


type Translate = (key: string, args?: Record<string, string | number>) => string;

/**
 * The legend and footer texts from a translator such as the bot's ctx.t (lines in
 * test/unit/export-labels.fixture.ts, to be moved into locales/vi.ftl).
 */
export function chartLabels(t: Translate): ProgressChartLabels {
  return {
    admitted: t("chart-legend-admitted"),
    ahead: t("chart-legend-ahead"),
    behind: t("chart-legend-behind"),
    quota: t("chart-legend-quota"),
    pace: t("chart-legend-pace"),
    noQuota: t("chart-no-quota"),
    more: (count) => t("chart-more", { count }),
  };
}

/** The row names barsFromDigest takes; "chart-cohort-*" needs COHORTS in locale.test.ts TEMPLATES. */
export function chartBarNames(t: Translate): { total: string; cohorts: Record<CohortField, string> } {
  const cohorts = Object.fromEntries(COHORTS.map((c) => [c, t(`chart-cohort-${c}`)])) as Record<CohortField, string>;
  return { total: t("chart-total"), cohorts };
}
