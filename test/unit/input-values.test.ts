// The domain rules that hold values arriving from outside: a button's data (which the client can
// forge), a file's name and type, a unit's name, free text that ends up in an Excel export.
import { describe, expect, it } from "vitest";
import { checkAbsence } from "../../src/domain/delegation.js";
import { checkAttachment, checkIsoDate, checkMeetingDate } from "../../src/domain/meeting.js";
import { ID_MAX, parseId } from "../../src/domain/numbers.js";
import { checkReason } from "../../src/domain/review.js";
import { cleanTypedText, visibleLength, xmlSafe } from "../../src/domain/text.js";
import { checkUnitName, normaliseUnitName } from "../../src/domain/units.js";

const TZ = "Asia/Ho_Chi_Minh";
const NOW = new Date("2026-11-03T09:00:00+07:00");

describe("checkIsoDate: a date carried as YYYY-MM-DD is a real day", () => {
  it.each([["2026-11-03"], ["2028-02-29"], ["2026-12-31"], ["2026-01-01"]])("accepts %j", (d) => {
    expect(checkIsoDate(d)).toBeUndefined();
  });

  it.each([["2026-02-31"], ["2026-02-29"], ["2026-13-01"], ["2026-00-10"], ["2026-11-00"], ["2027-99-99"], ["0000-01-01"], ["2026-04-31"]])(
    "refuses %j as no such day",
    (d) => {
      expect(checkIsoDate(d)).toBe("invalid");
    },
  );

  it.each([["2026-1-3"], ["26-11-03"], ["2026-11-03T00:00"], [""], ["03/11/2026"], ["2026-11-3x"]])("refuses %j as unreadable", (d) => {
    expect(checkIsoDate(d)).toBe("format");
  });

  it("is asked first by the meeting date rule, which compared strings only", () => {
    // "2026-02-31" is before today as a string: it used to pass as a meeting date.
    expect(checkMeetingDate("2026-02-31", NOW, TZ)).toBe("invalid");
    expect(checkMeetingDate("2025-13-01", NOW, TZ)).toBe("invalid");
    expect(checkMeetingDate("2026-11-02", NOW, TZ)).toBeUndefined();
  });

  it("is asked first by the absence rule, where a NaN day count passed the 92-day limit", () => {
    expect(checkAbsence("2027-99-99", "2027-99-99", "2026-11-03")).toBe("invalid");
    expect(checkAbsence("2026-12-01", "2027-02-30", "2026-11-03")).toBe("invalid");
    expect(checkAbsence("2026-11-31", "2026-12-05", "2026-11-03")).toBe("invalid");
    expect(checkAbsence("2026-12-01", "2026-12-10", "2026-11-03")).toBeUndefined();
  });
});

describe("parseId: an id from a button's data", () => {
  it("accepts ids a row can have", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("17")).toBe(17);
    expect(parseId(String(ID_MAX))).toBe(ID_MAX);
  });

  it.each([["0"], [""], ["-1"], ["1.5"], ["1e3"], [String(ID_MAX + 1)], ["99999999999999999999"], [" 1"], ["0x10"]])("refuses %j", (raw) => {
    expect(parseId(raw)).toBeUndefined();
  });
});

describe("checkAttachment: a PDF or a Word file by its type and its name alike", () => {
  const doc = (fileName: string | undefined, mimeType: string | undefined) => ({
    isPhoto: false,
    size: 1000,
    ...(fileName === undefined ? {} : { fileName }),
    ...(mimeType === undefined ? {} : { mimeType }),
  });
  const problem = (f: Parameters<typeof checkAttachment>[0]) => {
    const r = checkAttachment(f, 0);
    return r.ok ? undefined : r.problem;
  };
  const kind = (f: Parameters<typeof checkAttachment>[0]) => {
    const r = checkAttachment(f, 0);
    return r.ok ? r.kind : undefined;
  };
  const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  it("refuses a file named as a program but sent with PDF's or Word's type, and says which type it claimed", () => {
    expect(problem(doc("virus.exe", "application/pdf"))).toBe("name");
    expect(problem(doc("bien-ban.pdf.exe", "application/pdf"))).toBe("name");
    // U+202E shows "virus\u202Efdp.exe" as "virusexe.pdf"; its characters end in .exe.
    expect(problem(doc("virus\u202Efdp.exe", "application/pdf"))).toBe("name");
    expect(checkAttachment(doc("virus.exe", DOCX), 0)).toEqual({ ok: false, problem: "name", claimed: "DOCX" });
    expect(checkAttachment(doc("bien-ban.docx.exe", DOCX), 0)).toEqual({ ok: false, problem: "name", claimed: "DOCX" });
    // A type and a name of two different kinds: the name contradicts the type.
    expect(checkAttachment(doc("bien-ban.docx", "application/pdf"), 0)).toEqual({ ok: false, problem: "name", claimed: "PDF" });
  });

  it("refuses a file named .pdf or .docx whose type says something else than a PDF or Word", () => {
    expect(problem(doc("bien-ban.pdf", "application/x-msdownload"))).toBe("type");
    expect(problem(doc("bien-ban.docx", "application/x-msdownload"))).toBe("type");
    expect(problem(doc("bang.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))).toBe("type");
  });

  it("takes a PDF named .pdf and a Word file named .docx, whatever the case of the extension", () => {
    expect(kind(doc("bien-ban.pdf", "application/pdf"))).toBe("PDF");
    expect(kind(doc("BIEN-BAN.PDF", "application/pdf"))).toBe("PDF");
    expect(kind(doc("bien-ban.docx", DOCX))).toBe("DOCX");
    expect(kind(doc("Bien Ban.DOCX", "application/msword"))).toBe("DOCX");
  });

  it("lets the name decide when the type is missing or unknown", () => {
    expect(kind(doc("bien-ban.pdf", undefined))).toBe("PDF");
    expect(kind(doc("bien-ban.pdf", "application/octet-stream"))).toBe("PDF");
    expect(kind(doc("bien-ban.docx", "application/octet-stream"))).toBe("DOCX");
    expect(problem(doc("virus.exe", "application/octet-stream"))).toBe("type");
    expect(problem(doc("bien-ban.doc", undefined))).toBe("type");
    expect(problem(doc(undefined, undefined))).toBe("type");
  });

  it("takes a document with PDF's or Word's type and no name (nothing contradicts the type)", () => {
    expect(kind(doc(undefined, "application/pdf"))).toBe("PDF");
    expect(kind(doc("  ", "application/pdf"))).toBe("PDF");
    expect(kind(doc(undefined, DOCX))).toBe("DOCX");
  });

  it("takes a Telegram photo, which has neither name nor type", () => {
    expect(kind({ isPhoto: true, size: 1000 })).toBe("PHOTO");
  });

  it("refuses a file too big, and one more than the minutes may hold", () => {
    expect(problem({ ...doc("bien-ban.docx", DOCX), size: 21 * 1024 * 1024 })).toBe("too-big");
    expect(checkAttachment(doc("bien-ban.docx", DOCX), 10)).toEqual({ ok: false, problem: "too-many" });
  });
});

describe("xmlSafe: what an .xlsx cell can hold", () => {
  it("takes out what XML 1.0 forbids and keeps the rest", () => {
    expect(xmlSafe("Chi bộ\uFFFE A")).toBe("Chi bộ A");
    expect(xmlSafe("a\uFFFFb\u0001c\u0008d\u000Be\u001Ff")).toBe("abcdef");
    expect(xmlSafe("lone \uD800 half")).toBe("lone  half");
    expect(xmlSafe("dòng 1\ndòng 2\tcột\r")).toBe("dòng 1\ndòng 2\tcột\r");
    // A real pair (an emoji) is one character, allowed.
    expect(xmlSafe("Đạt 😀 chỉ tiêu")).toBe("Đạt 😀 chỉ tiêu");
    expect(xmlSafe("Đảng ủy Sở GD-ĐT")).toBe("Đảng ủy Sở GD-ĐT");
  });
});

describe("checkUnitName: names that break exports or show nothing are refused", () => {
  it("refuses XML-forbidden and control characters", () => {
    expect(checkUnitName("Chi bộ\uFFFE A")).toEqual({ ok: false, problem: "characters" });
    expect(checkUnitName("Chi bộ \u0001A")).toEqual({ ok: false, problem: "characters" });
    expect(checkUnitName("Chi bộ \u0085A")).toEqual({ ok: false, problem: "characters" });
    expect(checkUnitName("Chi bộ \u202EA")).toEqual({ ok: false, problem: "characters" });
  });

  it("refuses a name made only of zero-width or blank characters", () => {
    expect(checkUnitName("\u200B\u200B\u200B")).toEqual({ ok: false, problem: "invisible" });
    expect(checkUnitName("\u200B \u2060\uFEFF\u200C")).toEqual({ ok: false, problem: "invisible" });
    expect(checkUnitName("\u3164\u3164")).toEqual({ ok: false, problem: "invisible" });
    // One visible letter is too short, however many invisible ones pad it.
    expect(checkUnitName("A\u200B\u200B")).toEqual({ ok: false, problem: "length" });
  });

  it("still takes ordinary names, and normaliseUnitName agrees", () => {
    expect(checkUnitName("  Chi bộ   Trường THPT ")).toEqual({ ok: true, name: "Chi bộ Trường THPT" });
    expect(normaliseUnitName("Chi bộ\uFFFE A")).toBeUndefined();
    expect(normaliseUnitName("\u200B\u200B")).toBeUndefined();
  });
});

describe("cleanTypedText: free text typed into a form is cleaned, not refused", () => {
  it("takes out control characters and keeps line breaks", () => {
    expect(cleanTypedText("Thiếu\uFFFE kinh phí\u0001")).toBe("Thiếu kinh phí");
    expect(cleanTypedText("  dòng 1\ndòng 2  ")).toBe("dòng 1\ndòng 2");
  });

  it("is empty when nothing visible is left", () => {
    expect(cleanTypedText("\u200B\u200B")).toBe("");
    expect(cleanTypedText("\uFFFE\u0001 ")).toBe("");
    expect(visibleLength("a\u200Bb")).toBe(2);
  });

  it("is what a reason is read through too", () => {
    expect(checkReason("Sai số\uFFFE liệu")).toEqual({ ok: true, reason: "Sai số liệu" });
  });
});
