// One term for each thing, the one of the party documents (the reference plans and directives, issue 12
// point 16): each replaced wording is looked for in every text a user can read (locales/, the
// strings and comments of src/, the sample of tryout/, the README's user guide) and the test fails,
// naming the file and line, when one comes back. Each pattern is also checked against the old
// wording it replaced and the new one, so that a pattern that no longer matches anything fails too.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

interface Replaced {
  /** What came before, as it read. */
  old: string;
  /** The party documents' word, which the pattern must let through. */
  now: string;
  pattern: RegExp;
}

const TERMS: Replaced[] = [
  { old: "Học lớp cảm tình Đảng", now: "Học lớp bồi dưỡng nhận thức về Đảng", pattern: /cảm tình Đảng/i },
  { old: "2. Học lớp nhận thức về Đảng: 3", now: "2. Học lớp bồi dưỡng nhận thức về Đảng: 3", pattern: /(?<!bồi dưỡng )lớp nhận thức về Đảng/i },
  { old: "Hồ sơ đang thẩm định", now: "Hồ sơ đề nghị kết nạp đang xét", pattern: /hồ sơ đang (thẩm định|xét|xem xét)/i },
  { old: "Số hồ sơ đề nghị kết nạp đang xem xét?", now: "Số hồ sơ đề nghị kết nạp đang xét?", pattern: /kết nạp đang xem xét/i },
  { old: "5. Chuyển chính thức: 1", now: "5. Chuyển đảng chính thức: 1", pattern: /(?<!đảng )chuyển chính thức/i },
  { old: "được công nhận chính thức trong tháng", now: "được công nhận đảng viên chính thức trong tháng", pattern: /công nhận chính thức/i },
  { old: "(nguồn phát triển đảng) hiện có", now: "(nguồn phát triển đảng viên) hiện có", pattern: /nguồn phát triển đảng(?! viên)/i },
  { old: "Quần chúng ưu tú (nguồn)", now: "Quần chúng ưu tú (nguồn phát triển đảng viên)", pattern: /\(nguồn\)/i },
  { old: "🌱 Nguồn: quần chúng ưu tú 20", now: "🌱 Nguồn phát triển đảng viên: quần chúng ưu tú 20", pattern: /Nguồn: /i },
  // A person is a "cấp ủy viên"; "cấp ủy" alone is the committee (nhóm cấp ủy, cấp ủy duyệt lại).
  { old: "được ghi nhận là cấp ủy của Đảng ủy Sở", now: "được ghi nhận là cấp ủy viên của Đảng ủy Sở", pattern: /là cấp ủy(?! viên)/i },
  { old: "Link mời cấp ủy Đảng ủy Sở", now: "Link mời cấp ủy viên Đảng ủy Sở", pattern: /mời (một )?cấp ủy(?! viên)/i },
  { old: "uyvien (cấp ủy, mặc định)", now: "uyvien (cấp ủy viên, mặc định)", pattern: /uyvien[`*]* \(cấp ủy[,)]/i },
  { old: "dành cho cấp ủy và quản trị viên", now: "dành cho cấp ủy viên và quản trị viên", pattern: /(dành cho|bí thư chi bộ và) cấp ủy(?! viên)/i },
  { old: "role-COMMITTEE = cấp ủy", now: "role-COMMITTEE = cấp ủy viên", pattern: /^role-COMMITTEE = cấp ủy$/im },
  // "giáo viên" alone names half of a cohort; "giáo viên hoặc giảng viên" is how /chitieu is typed.
  { old: "Kết nạp: giáo viên", now: "Kết nạp: giáo viên, giảng viên", pattern: /giáo viên(?!, giảng viên| hoặc giảng viên|, nhân viên)/i },
  { old: "giáo viên/giảng viên", now: "giáo viên, giảng viên", pattern: /giáo viên\s*\/\s*giảng viên/i },
  { old: "1 sửa muộn", now: "1 đính chính sau khóa sổ", pattern: /sửa muộn/i },
  { old: "⚠️ Sửa sau khi tháng đã khóa sổ", now: "⚠️ Đính chính sau khóa sổ", pattern: /sửa sau khi tháng đã khóa sổ/i },
  { old: "Từ đầu năm: 7/15 ▓▓▓▓░░░░░░ 46%", now: "Lũy kế từ đầu năm 7/15, đạt 47% chỉ tiêu ▓▓▓▓░░░░░░", pattern: /(?<!(lũy kế|kết nạp) )từ đầu năm:/i },
  { old: "Tổng kết nạp từ đầu năm", now: "Lũy kế kết nạp từ đầu năm", pattern: /tổng kết nạp từ đầu năm/i },
  { old: "5/7 ▓▓▓▓▓▓▓░░░ 71%", now: "5/7, đạt 71% chỉ tiêu ▓▓▓▓▓▓▓░░░", pattern: /\d+\/\d+ [▓░]+ \d+%/ },
  { old: "📨 Báo cáo: 2/3 chi bộ đã gửi (0 muộn)", now: "📨 Báo cáo: 2/3 chi bộ đã gửi", pattern: /\(0 muộn\)/ },
  // The four kinds of removal replaced the one count "xóa tên, khai trừ".
  { old: "6. Xóa tên, khai trừ: 0", now: "6. Đảng viên giảm: 0 (xóa tên 0, khai trừ 0, xin ra khỏi Đảng 0, từ trần 0)", pattern: /xóa tên(,| hoặc|\/| và) ?khai trừ(?!, xin ra khỏi Đảng)/i },
];

/** Months are written "tháng 11/2026" wherever a person reads them: "2026-11" is for file names and code. */
const MONTH = { old: "📎 Số liệu của Đảng ủy Sở, 2026-11:", now: "📎 Số liệu của Đảng ủy Sở, tháng 11/2026:", pattern: /(?<![\w./-])20\d\d-(0[1-9]|1[0-2])(?![\w.-])/ };

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" || name === "generated-pg" ? [] : filesUnder(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

/** The README's user guide: from "Hướng dẫn sử dụng" to the testing part, with its line numbers. */
function userGuide(): { file: string; lines: [number, string][] } {
  const lines = readFileSync(join(ROOT, "README.md"), "utf8").split("\n");
  const from = lines.findIndex((l) => l.startsWith("## Hướng dẫn sử dụng"));
  const to = lines.findIndex((l, i) => i > from && /^## /.test(l) && !l.startsWith("## Hướng dẫn"));
  expect(from).toBeGreaterThan(0);
  return { file: "README.md", lines: lines.slice(from, to === -1 ? undefined : to).map((l, i) => [from + i + 1, l]) };
}

function texts(): { file: string; lines: [number, string][] }[] {
  const sources = [
    ...filesUnder(join(ROOT, "locales"), /\.ftl$/),
    ...filesUnder(join(ROOT, "src"), /\.ts$/),
    ...filesUnder(join(ROOT, "tryout"), /\.(ts|html|js)$/),
  ].map((path) => ({ file: relative(ROOT, path), lines: readFileSync(path, "utf8").split("\n").map((l, i): [number, string] => [i + 1, l]) }));
  return [...sources, userGuide()];
}

const TEXTS = texts();

function hits(pattern: RegExp, where = TEXTS): string[] {
  return where.flatMap(({ file, lines }) => lines.filter(([, l]) => pattern.test(l)).map(([n, l]) => `${file}:${n}: ${l.trim().slice(0, 160)}`));
}

describe("the words of the party documents", () => {
  it("reads enough text to mean something", () => {
    expect(TEXTS.some((t) => t.file === "locales/vi.ftl")).toBe(true);
    expect(TEXTS.filter((t) => t.file.startsWith("src/")).length).toBeGreaterThan(50);
    expect(userGuide().lines.length).toBeGreaterThan(100);
  });

  it.each(TERMS.map((t) => [t.old, t] as const))("each pattern catches what it replaced and lets the new word through: %s", (_, t) => {
    expect(t.pattern.test(t.old), t.old).toBe(true);
    expect(t.pattern.test(t.now), t.now).toBe(false);
  });

  it.each(TERMS.map((t) => [t.old, t] as const))("no text says %s any more", (_, t) => {
    expect(hits(t.pattern)).toEqual([]);
  });

  it("months read tháng 11/2026 in every message and in the user guide, never 2026-11", () => {
    expect(MONTH.pattern.test(MONTH.old)).toBe(true);
    expect(MONTH.pattern.test(MONTH.now)).toBe(false);
    // A file name (tong-hop-…-2026-11.xlsx), a callback (p:2026-10) and a start link (baocao-2026-11) keep the sortable form.
    expect(MONTH.pattern.test("tong-hop-du-sgd-2026-11.xlsx")).toBe(false);
    expect(MONTH.pattern.test("?start=baocao-2026-11")).toBe(false);
    expect(hits(MONTH.pattern, [...TEXTS.filter((t) => t.file.endsWith(".ftl")), userGuide()])).toEqual([]);
  });
});
