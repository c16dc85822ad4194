// The chart's legend: one entry for each colour the picture draws, a swatch (a filled square or
// a dashed line) and its words, in rows that fit the width of the picture.
import { escapeXml, textWidth } from "./svg-text.js";

export interface LegendEntry {
  kind: "fill" | "line";
  color: string;
  label: string;
}

export type LegendRow = { entry: LegendEntry; x: number }[];

const SWATCH = 16;
const FONT_SIZE = 13;
/** From one row of the legend to the next. */
export const LEGEND_ROW_H = 22;

/** The entries in rows from `left`, none wider than `width`, each entry with its x. */
export function legendRows(entries: LegendEntry[], left: number, width: number): LegendRow[] {
  const rows: LegendRow[] = [[]];
  let used = 0;
  for (const entry of entries) {
    const w = SWATCH + 6 + textWidth(entry.label, FONT_SIZE);
    if (used > 0 && used + w > width) {
      rows.push([]);
      used = 0;
    }
    rows.at(-1)!.push({ entry, x: left + used });
    used += w + 24;
  }
  return rows;
}

/** The SVG of the rows, the first one's text on the baseline `top + 4`; `textColor` for the words. */
export function legendSvg(rows: LegendRow[], top: number, textColor: string): string[] {
  const parts: string[] = [];
  rows.forEach((row, r) => {
    const y = top + r * LEGEND_ROW_H;
    for (const { entry, x } of row) {
      parts.push(
        entry.kind === "fill"
          ? `<rect x="${x}" y="${y - 8}" width="${SWATCH}" height="14" rx="2" fill="${entry.color}"/>`
          : `<line x1="${x}" y1="${y - 1}" x2="${x + SWATCH}" y2="${y - 1}" stroke="${entry.color}" stroke-width="2" stroke-dasharray="5 4"/>`,
        `<text x="${x + SWATCH + 6}" y="${y + 4}" font-size="${FONT_SIZE}" fill="${textColor}">${escapeXml(entry.label)}</text>`,
      );
    }
  });
  return parts;
}
