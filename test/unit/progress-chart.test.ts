import { Resvg } from "@resvg/resvg-js";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  barsFromBranches,
  barsFromDigest,
  CHART_FONT_FILES,
  chartBarNames,
  fitText,
  progressChartSvg,
  renderProgressChart,
  textWidth,
  type ChartBar,
  type ProgressChartInput,
} from "../../src/chart/progress-chart.js";
import { buildDigest } from "../../src/domain/digest.js";
import { chartColours } from "../support/png.js";
import { VI_CHART_LABELS, VI_EXPORT_MESSAGES, viT } from "./export-labels.fixture.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

const labels = VI_CHART_LABELS;
const noCohorts = { admittedTeachers: null, admittedPupils: null, admittedStudents: null, admittedOther: null };
const zeroCohorts = { admittedTeachers: 0, admittedPupils: 0, admittedStudents: 0, admittedOther: 0 };
const branch = (code: string, admitted: number, quota: number | null) => ({
  code,
  name: `Chi bộ ${code}`,
  quota: quota === null ? null : { total: quota, byCohort: noCohorts },
  admittedYearToDate: { total: admitted, byCohort: zeroCohorts },
});

const input = (bars: ChartBar[], more: Partial<ProgressChartInput> = {}): ProgressChartInput => ({
  title: viT("chart-title", { year: 2026 }),
  subtitle: viT("chart-subtitle", { unit: "Đảng ủy Sở Giáo dục và Đào tạo", period: "10/2026" }),
  bars,
  labels,
  ...more,
});

/** Rows and columns of the rendered picture that have any non-white pixel. */
function ink(svgText: string, size: number, fontFiles: string[]) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><text x="20" y="120" font-family="Roboto" font-size="${size}">${svgText}</text></svg>`;
  const image = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "Roboto" }, background: "#fff" }).render();
  const pixels = image.pixels; // a getter that copies: read it once
  const rows: number[] = [];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (pixels[i]! < 200) {
        rows.push(y);
        break;
      }
    }
  }
  return { top: rows.length ? Math.min(...rows) : null, bottom: rows.length ? Math.max(...rows) : null, rows: rows.length, pixels };
}

describe("the shipped font", () => {
  it("comes from node_modules, not from the system", () => {
    expect(CHART_FONT_FILES).toHaveLength(2);
    for (const f of CHART_FONT_FILES) {
      expect(f).toMatch(/node_modules[\\/]@expo-google-fonts[\\/]roboto[\\/].+\.ttf$/);
      expect(existsSync(f)).toBe(true);
    }
  });

  it("draws Vietnamese letters with their marks, and nothing without it", () => {
    const fonts = [...CHART_FONT_FILES];
    const plain = ink("e", 80, fonts);
    const marked = ink("ệ", 80, fonts);
    expect(plain.rows).toBeGreaterThan(0);
    // The circumflex reaches above the plain letter and the dot goes below the baseline (y = 120).
    expect(marked.top!).toBeLessThan(plain.top! - 10);
    expect(marked.bottom!).toBeGreaterThan(plain.bottom! + 5);
    expect(plain.bottom!).toBeLessThanOrEqual(121);
    // Đ is a glyph of its own: not D, and not the box drawn for a character the font lacks (U+E000).
    const d = ink("Đ", 80, fonts).pixels;
    expect(d.equals(ink("D", 80, fonts).pixels)).toBe(false);
    expect(d.equals(ink("\uE000", 80, fonts).pixels)).toBe(false);
    expect(ink("\uE000", 80, fonts).pixels.equals(ink("\uE001", 80, fonts).pixels)).toBe(true);
    // Control: with system fonts off and no font file, no text is drawn at all.
    expect(ink("ệ", 80, []).rows).toBe(0);
  });
});

describe("renderProgressChart", () => {
  it("returns a PNG twice the CSS size, growing with the rows", () => {
    const few = renderProgressChart(input(barsFromBranches([branch("CB-A", 2, 8), branch("CB-B", 5, 5)])));
    expect(few.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const size = pngSize(few);
    expect(size.width).toBe(1600);
    expect(size.height).toBeGreaterThan(300);
    expect(size.height).toBeLessThan(800);

    const many = renderProgressChart(input(barsFromBranches(Array.from({ length: 20 }, (_, i) => branch(`CB-${i}`, i, 20))), { scale: 1 }));
    expect(pngSize(many).width).toBe(800);
    // 20 rows of 30 px plus title and legend.
    expect(pngSize(many).height).toBeGreaterThan(20 * 30);
    expect(pngSize(many).height).toBeLessThan(20 * 30 + 250);
  });

  it("caps the rows and counts those left out", () => {
    const bars = barsFromBranches(Array.from({ length: 500 }, (_, i) => branch(`CB${String(i).padStart(3, "0")}`, i % 10, 10)));
    const svg = progressChartSvg(input(bars, { maxBars: 25 }));
    expect(svg.match(/<rect [^>]*fill="#e4e7eb"/g)).toHaveLength(25 + 1); // 25 tracks and the legend swatch
    expect(svg).toContain("… và 475 chi bộ khác");
    const png = renderProgressChart(input(bars, { maxBars: 25 }));
    expect(pngSize(png).height).toBeLessThan(2 * (25 * 30 + 250));
  });
});

describe("progressChartSvg", () => {
  it("writes each bar's count, quota and percentage, and the no-quota rows", () => {
    const svg = progressChartSvg(input([
      { label: "Toàn đơn vị", admitted: 1234, quota: 2000, emphasis: true },
      { label: "Học sinh", admitted: 5, quota: 4 },
      { label: "Đối tượng khác", admitted: 2, quota: null },
    ]));
    // 61.7%: whole percents, rounded half up, as in the messages and the workbook.
    expect(svg).toContain("1.234/2.000 · 62%");
    expect(svg).toContain("5/4 · 125%");
    expect(svg).toContain("2 · chưa có chỉ tiêu");
    expect(svg).toContain('font-weight="700">Toàn đơn vị</text>');
    // The over-quota bar is drawn no wider than its track.
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="18"/g)].map((m) => Number(m[1]));
    expect(Math.max(...widths)).toBe(widths[0]);
  });

  it("escapes names for XML", () => {
    const svg = progressChartSvg(input([{ label: `Chi bộ "A" & <B>`, admitted: 1, quota: 2 }]));
    expect(svg).toContain("Chi bộ &quot;A&quot; &amp; &lt;B&gt;");
    expect(() => new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [...CHART_FONT_FILES] } })).not.toThrow();
  });

  it("draws the pace line and colours bars behind it orange, the others green", () => {
    const svg = progressChartSvg(input([{ label: "A", admitted: 1, quota: 10 }, { label: "B", admitted: 9, quota: 10 }], { pace: 10 / 12 }));
    expect(svg).toContain('stroke-dasharray="5 4"');
    expect(svg).toContain("Mức cần đạt đến nay");
    const fills = [...svg.matchAll(/height="18" rx="3" fill="(#[0-9a-f]+)"/g)].map((m) => m[1]);
    expect(fills).toEqual(["#e4e7eb", "#e8590c", "#e4e7eb", "#2f9e44"]);
  });
});

describe("the legend", () => {
  function coloursOf(chart: ProgressChartInput) {
    return { svg: progressChartSvg(chart), ...chartColours(renderProgressChart(chart)) };
  }

  it("explains every colour of the picture, read back from the PNG: bars on pace, behind it, and the pace line", () => {
    const chart = input(
      [
        { label: "Toàn đơn vị", admitted: 8, quota: 19, emphasis: true },
        { label: "Giáo viên, giảng viên", admitted: 3, quota: 7 },
        { label: "Học sinh", admitted: 4, quota: 4 },
        { label: "Sinh viên", admitted: 1, quota: null },
      ],
      { pace: 10 / 12 },
    );
    const { svg, drawn, legend } = coloursOf(chart);
    // Green (on pace), orange (behind) and the blue of the pace line are all in the picture…
    expect(drawn).toEqual(expect.arrayContaining(["#2f9e44", "#e8590c", "#364fc7"]));
    // …and each has its swatch in the legend, with the words for it.
    for (const colour of drawn) expect(legend.get(colour) ?? 0, colour).toBeGreaterThan(20);
    for (const words of ["Đã kết nạp, kịp tiến độ", "Đã kết nạp, chậm tiến độ", "Chỉ tiêu", "Mức cần đạt đến nay"]) expect(svg).toContain(`>${words}</text>`);
    // The grey track (not a colour the check above counts) has its swatch too.
    expect(svg).toMatch(/<rect x="[\d.]+" y="[\d.]+" width="16" height="14" rx="2" fill="#e4e7eb"\/>/);
  });

  it("names only the colours drawn: without a pace, one fill; with every bar behind, no green", () => {
    const plain = coloursOf(input([{ label: "A", admitted: 3, quota: 7 }]));
    expect(plain.drawn).toEqual(["#1971c2"]);
    expect(plain.legend.get("#1971c2") ?? 0).toBeGreaterThan(20);
    expect(plain.svg).toContain(">Đã kết nạp</text>");
    expect(plain.svg).not.toContain("tiến độ");

    const behind = coloursOf(input([{ label: "A", admitted: 1, quota: 7 }, { label: "B", admitted: 2, quota: 9 }], { pace: 10 / 12 }));
    expect(behind.drawn.sort()).toEqual(["#364fc7", "#e8590c"]);
    expect(behind.svg).not.toContain("kịp tiến độ");
    for (const colour of behind.drawn) expect(behind.legend.get(colour) ?? 0, colour).toBeGreaterThan(20);
  });

  it("wraps onto a second row rather than running off a narrow picture", () => {
    const svg = progressChartSvg(input([{ label: "A", admitted: 1, quota: 7 }, { label: "B", admitted: 9, quota: 9 }], { pace: 10 / 12, width: 420 }));
    const entries = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="13" fill="#616e7c">([^<]+)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      words: m[3]!,
    }));
    const legend = entries.filter((e) => ["Đã kết nạp, kịp tiến độ", "Đã kết nạp, chậm tiến độ", "Chỉ tiêu", "Mức cần đạt đến nay"].includes(e.words));
    expect(legend).toHaveLength(4);
    expect(new Set(legend.map((e) => e.y)).size).toBe(2);
    for (const e of legend) expect(e.x + textWidth(e.words, 13)).toBeLessThanOrEqual(420 - 24);
    const height = Number(svg.match(/height="(\d+)"/)![1]);
    expect(Math.max(...legend.map((e) => e.y))).toBeLessThan(height - 10);
  });
});

describe("percentages on the chart", () => {
  it("are the one rounding of the bot: whole percents, half up, and 100% only once met", () => {
    const svg = progressChartSvg(input([
      { label: "A", admitted: 3, quota: 7 },
      { label: "B", admitted: 4, quota: 6 },
      { label: "C", admitted: 1, quota: 8 },
      { label: "D", admitted: 199, quota: 200 },
    ]));
    expect(svg).toContain("3/7 · 43%");
    expect(svg).toContain("4/6 · 67%");
    expect(svg).toContain("1/8 · 13%");
    expect(svg).toContain("199/200 · 99%");
  });
});

describe("bars", () => {
  it("orders branches furthest behind first, those without a quota last", () => {
    const bars = barsFromBranches([
      branch("CB-E", 3, null),
      branch("CB-A", 5, 10),
      branch("CB-B", 1, 2),
      branch("CB-C", 0, 4),
      branch("CB-D", 6, 5),
      branch("CB-F", 0, 2),
    ]);
    // 0/4 and 0/2 tie on fraction: larger shortfall first. 5/10 and 1/2 tie: shortfall 5 before 1.
    expect(bars.map((b) => b.label.split(" · ")[0])).toEqual(["CB-C", "CB-F", "CB-A", "CB-B", "CB-D", "CB-E"]);
    expect(bars[0]).toEqual({ label: "CB-C · Chi bộ CB-C", admitted: 0, quota: 4 });
    expect(bars.at(-1)?.quota).toBeNull();
  });

  it("takes the total and the cohorts from a digest", () => {
    const digest = buildDigest({
      period: { year: 2026, month: 10 },
      totals: "approved",
      units: [{ id: 1, code: "CB-A", name: "Chi bộ A", kind: "BRANCH", parentId: null }],
      reports: [],
      meetings: [],
      quotas: [{ unitId: 1, year: 2026, cohort: "admittedPupils", value: 6 }],
    });
    const names = chartBarNames(viT);
    expect(barsFromDigest(digest, names)).toEqual([
      { label: "Toàn đơn vị", admitted: 0, quota: 6, emphasis: true },
      { label: "Giáo viên, giảng viên", admitted: 0, quota: null },
      { label: "Học sinh", admitted: 0, quota: 6 },
      { label: "Sinh viên", admitted: 0, quota: null },
      { label: "Đối tượng khác", admitted: 0, quota: null },
    ]);
  });
});

describe("chart texts", () => {
  it("uses every chart message of the fixture", () => {
    const used = [
      ...Object.values(VI_CHART_LABELS).filter((v): v is string => typeof v === "string"),
      VI_CHART_LABELS.more(3),
      chartBarNames(viT).total,
      ...Object.values(chartBarNames(viT).cohorts),
    ];
    expect(used).toContain("… và 3 chi bộ khác");
    const keys = [...VI_EXPORT_MESSAGES.keys()].filter((k) => k.startsWith("chart-") && k !== "chart-title" && k !== "chart-subtitle");
    for (const key of keys) {
      const text = VI_EXPORT_MESSAGES.get(key)!;
      expect(used.some((u) => u === text || (text.includes("{ $") && u.startsWith(text.split("{")[0]!))), key).toBe(true);
    }
    expect(viT("chart-title", { year: 2026 })).toBe("Kết nạp đảng viên năm 2026 so với chỉ tiêu");
  });
});

describe("fitText", () => {
  it("keeps text that fits and cuts longer text with an ellipsis within the width", () => {
    expect(fitText("Chi bộ A", 200, 14)).toBe("Chi bộ A");
    const long = "Chi bộ Trường THPT chuyên Nguyễn Tất Thành, tỉnh Kon Tum (cơ sở 2)";
    const cut = fitText(long, 200, 14);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThan(long.length);
    expect(textWidth(cut, 14)).toBeLessThanOrEqual(200);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });

  it("counts a letter with marks as wide as its base letter, and capitals wider", () => {
    expect(textWidth("ệ", 10)).toBeCloseTo(textWidth("e", 10));
    // Decomposed input (some phone keyboards) measures like the composed form.
    expect(textWidth("e\u0323\u0302", 10)).toBeCloseTo(textWidth("ệ", 10));
    expect(textWidth("MW", 10)).toBeGreaterThan(textWidth("ab", 10));
    expect(textWidth("il", 10)).toBeLessThan(textWidth("ab", 10));
  });
});
