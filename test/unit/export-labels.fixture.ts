// The Vietnamese texts of the .xlsx export and the progress chart, read from locales/vi.ftl
// (their one home), so the tests see exactly what the bot shows.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LOCALES_DIR } from "../../src/i18n.js";
import { chartLabels, type ProgressChartLabels } from "../../src/chart/progress-chart.js";
import { workbookLabels, type WorkbookLabels } from "../../src/export/workbook.js";

/** The export and chart lines of locales/vi.ftl. */
export const VI_EXPORT_FTL = readFileSync(join(LOCALES_DIR, "vi.ftl"), "utf8")
  .split("\n")
  .filter((line) => /^(export|chart)-/.test(line))
  .join("\n");


/** key -> text, for the simple one-line messages above; { $var } placeables are filled from `args`. */
export const VI_EXPORT_MESSAGES: ReadonlyMap<string, string> = new Map(
  VI_EXPORT_FTL.split("\n")
    .map((line) => line.match(/^([a-zA-Z][\w-]*) = (.+)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => [m[1]!, m[2]!]),
);

/** A stand-in for ctx.t over the lines above; throws on a missing key so a typo fails the test. */
export function viT(key: string, args: Record<string, string | number> = {}): string {
  const text = VI_EXPORT_MESSAGES.get(key);
  if (text === undefined) throw new Error(`no message ${key}`);
  return text.replace(/\{ \$(\w+) \}/g, (_, name: string) => String(args[name] ?? `{$${name}}`));
}

export const VI_WORKBOOK_LABELS: WorkbookLabels = workbookLabels(viT);
export const VI_CHART_LABELS: ProgressChartLabels = chartLabels(viT);

