// One rounding for every percentage: the digest's bar, its lists, the chart and the workbook show the
// same number for the same fraction (issue 12, point 14: 3/7 was 42% in the bar, 4/6 67% in a list and
// 42.9% in the workbook).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { progressChartSvg } from "../../src/chart/progress-chart.js";
import { progressBar } from "../../src/domain/digest.js";
import { formatPercent, percentCell, wholePercent } from "../../src/domain/percent.js";
import { buildWorkbook, FORMATS } from "../../src/export/workbook.js";
import { VI_CHART_LABELS, VI_WORKBOOK_LABELS } from "./export-labels.fixture.js";

describe("wholePercent", () => {
  it.each([
    [3 / 7, 43],
    [4 / 6, 67],
    [1 / 8, 13],
    [0.285, 29],
    [0.29, 29],
    [0.5, 50],
    [0, 0],
    [1, 100],
    [1.3, 130],
    // Short of the whole is never shown as 100%: the quota is not met yet.
    [0.996, 99],
    [199 / 200, 99],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])("%d → %i", (fraction, percent) => {
    expect(wholePercent(fraction)).toBe(percent);
  });
});

describe("the same fraction everywhere", () => {
  const workbook = async (admitted: number, quota: number) => {
    const buffer = await buildWorkbook({
      labels: VI_WORKBOOK_LABELS,
      timeZone: "Asia/Ho_Chi_Minh",
      reports: [],
      meetings: [],
      progress: [
        {
          code: "CB-A",
          name: "Chi bộ A",
          quota: { total: quota, byCohort: { admittedTeachers: null, admittedPupils: null, admittedStudents: null, admittedOther: null } },
          admittedYearToDate: { total: admitted, byCohort: { admittedTeachers: 0, admittedPupils: 0, admittedStudents: 0, admittedOther: 0 } },
        },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    return wb.getWorksheet(VI_WORKBOOK_LABELS.sheets.progress)!.getRow(2).getCell(5);
  };

  it.each([
    [3, 7, "43%"],
    [4, 6, "67%"],
    [8, 19, "42%"],
    [199, 200, "99%"],
  ])("%i/%i reads %s in the message, on the chart and in the workbook", async (admitted, quota, shown) => {
    expect(formatPercent(admitted / quota)).toBe(shown);
    expect(progressBar(admitted / quota).endsWith(` ${shown}`)).toBe(true);
    expect(progressChartSvg({ title: "T", bars: [{ label: "A", admitted, quota }], labels: VI_CHART_LABELS })).toContain(`${admitted}/${quota} · ${shown}`);
    const cell = await workbook(admitted, quota);
    // The cell holds the rounded value, shown as a whole percent: Excel reads what the message says.
    expect(cell.value).toBe(Number(shown.replace("%", "")) / 100);
    expect(cell.numFmt).toBe(FORMATS.percent);
    expect(FORMATS.percent).toBe("0%");
  });

  it("keeps an empty cell empty", () => {
    expect(percentCell(null)).toBeNull();
  });
});
