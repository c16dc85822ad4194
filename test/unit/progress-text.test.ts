import { describe, expect, it } from "vitest";
import { yearProgress, type YearReport } from "../../src/domain/progress.js";
import { deadlineOf } from "../../src/domain/period.js";
import { MESSAGE_LIMIT, splitIntoMessages } from "../../src/domain/text.js";

const VN = "Asia/Ho_Chi_Minh";

function report(month: number, late: boolean, [t, p, s, o]: [number, number, number, number], reviewState = "PENDING", lateCorrection = false): YearReport {
  return { month, late, reviewState, lateCorrection, admittedTeachers: t, admittedPupils: p, admittedStudents: s, admittedOther: o };
}

describe("yearProgress", () => {
  const reports = [report(1, false, [1, 0, 2, 0]), report(2, true, [1, 1, 1, 1])];

  it("gives each month so far its status, admitted count and deadline", () => {
    // 3 May 2026: March's deadline (5 April) has passed, April's (5 May) has not, May is under way.
    const now = new Date("2026-05-03T10:00:00+07:00");
    const { rows } = yearProgress(reports, 2026, now, 5, VN);
    expect(rows.map((r) => [r.month, r.status, r.admitted])).toEqual([
      [1, "submitted", 3],
      [2, "late", 4],
      [3, "missing", 0],
      [4, "due", 0],
      [5, "open", 0],
    ]);
    for (const r of rows) expect(r.deadline).toEqual(deadlineOf({ year: 2026, month: r.month }, 5, VN));
    expect(rows[0]!.deadline.toISOString()).toBe("2026-02-05T16:59:59.999Z");
  });

  it("gives each reported month its review label, a late correction staying so until approved", () => {
    const now = new Date("2026-06-03T10:00:00+07:00");
    const reviewed = [report(1, false, [0, 0, 0, 0], "APPROVED"), report(2, false, [0, 0, 0, 0], "RETURNED"), report(3, false, [0, 0, 0, 0], "PENDING", true), report(4, false, [0, 0, 0, 0], "APPROVED", true)];
    expect(yearProgress(reviewed, 2026, now, 5, VN).rows.map((r) => r.review)).toEqual(["approved", "returned", "late-correction", "approved", null, null]);
  });

  it("adds up the year by cohort", () => {
    const { totals } = yearProgress(reports, 2026, new Date("2026-05-03T10:00:00+07:00"), 5, VN);
    expect(totals).toEqual({ admitted: 7, teachers: 2, pupils: 1, students: 3, other: 1 });
  });

  it("turns 'due' into 'missing' exactly when the deadline passes", () => {
    const deadline = deadlineOf({ year: 2026, month: 4 }, 5, VN);
    const statusOfApril = (now: Date) => yearProgress([], 2026, now, 5, VN).rows.find((r) => r.month === 4)!.status;
    expect(statusOfApril(deadline)).toBe("due");
    expect(statusOfApril(new Date(deadline.getTime() + 1))).toBe("missing");
  });

  it("shows a month filed before it ended as submitted, not open", () => {
    const { rows } = yearProgress([report(5, false, [0, 0, 0, 2])], 2026, new Date("2026-05-20T10:00:00+07:00"), 5, VN);
    expect(rows.at(-1)).toMatchObject({ month: 5, status: "submitted", admitted: 2 });
  });

  it("lists all twelve months of a past year, December still due early in January", () => {
    const now = new Date("2027-01-03T09:00:00+07:00");
    const { rows } = yearProgress([], 2026, now, 5, VN);
    expect(rows).toHaveLength(12);
    expect(rows.slice(0, 11).every((r) => r.status === "missing")).toBe(true);
    expect(rows[11]).toMatchObject({ month: 12, status: "due" });
    expect(rows[11]!.deadline.toISOString()).toBe("2027-01-05T16:59:59.999Z");
  });

  it("uses the local date to decide which months have begun", () => {
    // 31 January 17:30 UTC is already 1 February in Hà Nội.
    const { rows } = yearProgress([], 2026, new Date("2026-01-31T17:30:00Z"), 5, VN);
    expect(rows.map((r) => [r.month, r.status])).toEqual([
      [1, "due"],
      [2, "open"],
    ]);
  });

  it("has no rows for a year that has not started, and zero totals without reports", () => {
    const { rows, totals } = yearProgress([], 2027, new Date("2026-05-03T10:00:00+07:00"), 5, VN);
    expect(rows).toEqual([]);
    expect(totals).toEqual({ admitted: 0, teachers: 0, pupils: 0, students: 0, other: 0 });
  });
});

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomLines(rand: () => number, count: number, maxLength: number): string[] {
  const alphabet = [..."abcdefghijklmnopqrstuvwxyzđảăươ ✅📈0123456789"];
  return Array.from({ length: count }, (_, i) => {
    const length = 1 + Math.floor(rand() * maxLength);
    let line = `${i}:`;
    while (line.length < length) line += alphabet[Math.floor(rand() * alphabet.length)];
    return line;
  });
}

describe("splitIntoMessages", () => {
  it("gives one message for a short list", () => {
    expect(splitIntoMessages(["a", "b", "c"])).toEqual(["a\nb\nc"]);
  });

  it("gives nothing for nothing", () => {
    expect(splitIntoMessages([])).toEqual([]);
  });

  it("fills a message up to the limit exactly and not beyond", () => {
    expect(splitIntoMessages(["aaaa", "bbbb"], 9)).toEqual(["aaaa\nbbbb"]);
    expect(splitIntoMessages(["aaaa", "bbbbb"], 9)).toEqual(["aaaa", "bbbbb"]);
  });

  it("shortens a single line longer than the limit with an ellipsis", () => {
    const [only, ...rest] = splitIntoMessages(["x".repeat(MESSAGE_LIMIT + 500)]);
    expect(rest).toEqual([]);
    expect(only).toHaveLength(MESSAGE_LIMIT);
    expect(only!.endsWith("…")).toBe(true);
  });

  it("keeps blank lines between lines of the same message", () => {
    expect(splitIntoMessages(["title", "", "total"])).toEqual(["title\n\ntotal"]);
  });

  for (const seed of [1, 2, 3, 42, 2026]) {
    it(`never exceeds the limit and keeps every line in order (seed ${seed})`, () => {
      const rand = lcg(seed);
      const limit = 40 + Math.floor(rand() * 200);
      const lines = randomLines(rand, 300, limit + 20);
      const expected = lines.map((l) => (l.length > limit ? `${l.slice(0, limit - 1)}…` : l));

      const messages = splitIntoMessages(lines, limit);

      for (const m of messages) {
        expect(m.length).toBeLessThanOrEqual(limit);
        expect(m.length).toBeGreaterThan(0);
      }
      expect(messages.flatMap((m) => m.split("\n"))).toEqual(expected);
      // Splits only where needed: the next message's first line would not have fitted.
      for (let i = 0; i + 1 < messages.length; i++) {
        const firstNext = messages[i + 1]!.split("\n")[0]!;
        expect(messages[i]!.length + 1 + firstNext.length).toBeGreaterThan(limit);
      }
    });
  }

  it("handles the default Telegram limit with a long real-world list", () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `🚩 CB-${i}: Chi bộ Trường THPT số ${i} · bí thư: Nguyễn Văn ${i}`);
    const messages = splitIntoMessages(lines);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(messages.join("\n")).toBe(lines.join("\n"));
  });
});
