// Issue 12, point 14: one rounding for every percentage a committee reads, in the digest's text, its
// chart and the workbook (3/7 was 42% in the bar, 43% nowhere, 42.9% in Excel), and a chart whose
// legend explains every colour it draws (orange bars had no word).
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { Harness } from "../support/harness.js";
import { chartColours } from "../support/png.js";
import { Reviewer } from "../support/review-setup.js";
import { branchWithSecretary, buildTree, fillReport, TYPICAL_ANSWERS } from "../support/scenario.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  const admin = await buildTree(h, [{ code: "CB-QT", name: "Chi bộ Trường THPT Quang Trung" }]);
  // 7 for the year, of whom 3 pupils and 1 teacher; October admits 1 teacher and 2 pupils.
  await admin.say("/chitieu CB-QT 2026 7");
  await admin.say("/chitieu CB-QT 2026 3 hocsinh");
  await admin.say("/chitieu CB-QT 2026 1 giaovien");
  const reviewer = await Reviewer.invite(h, "DU-SGD");
  const s = await branchWithSecretary(h, 7401, "Lan", "CB-QT");
  await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
  expect((await s.press("✅ Gửi báo cáo")).last.text).toContain("✅ Đã nhận báo cáo");
  await reviewer.approve("CB-QT", { year: 2026, month: 10 });
});
afterAll(async () => h?.stop());

test("3/7 is 43% and 2/3 is 67% in the digest's bar and list, on its chart and in the workbook; the chart's legend names every colour", async () => {
  const admin = h.admin();
  const r = await admin.say("/tonghop DU-SGD 10/2026");
  const text = r.texts.join("\n");
  expect(text).toContain("Lũy kế từ đầu năm 3/7, đạt 43% chỉ tiêu ▓▓▓▓░░░░░░");
  expect(text).toContain("· Học sinh: 2/3, đạt 67% chỉ tiêu ▓▓▓▓▓▓░░░░");
  expect(text).toContain("1. CB-QT: Chi bộ Trường THPT Quang Trung: 3/7 (43%)");

  // The chart: the teacher bar (1/1) is on pace, the total and the pupils behind it; each colour
  // the picture draws has its swatch in the legend.
  const photo = r.messages.find((m) => m.method === "sendPhoto")!;
  const png = h.fake.uploads.get(String(photo.photo).replace(/^upload:/, ""))!;
  const { drawn, legend } = chartColours(png);
  expect(drawn).toEqual(expect.arrayContaining(["#2f9e44", "#e8590c", "#364fc7"]));
  for (const colour of drawn) expect(legend.get(colour) ?? 0, `${colour} in the legend`).toBeGreaterThan(20);

  // The workbook keeps the same whole percents, as numbers Excel can sort.
  const x = await admin.say("/xuat DU-SGD 2026");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(h.fake.uploads.get(String(x.last.document).replace(/^upload:/, ""))! as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet("Tiến độ chỉ tiêu")!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const row = sheet.getRow(2);
  const cell = (name: string) => row.getCell(header.indexOf(name) + 1);
  expect(cell("Tỷ lệ").value).toBe(0.43);
  expect(cell("Tỷ lệ").numFmt).toBe("0%");
  expect(cell("Tỷ lệ: học sinh").value).toBe(0.67);
  expect(cell("Tỷ lệ: giáo viên, giảng viên").value).toBe(1);
});
