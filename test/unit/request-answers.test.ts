// The rules an answer to a request is read by (src/domain/request-answers.ts) and when it is
// due (src/domain/request-deadline.ts, request-schedule.ts).
import { describe, expect, test } from "vitest";
import { answerProblems, checkAnswerText, checkChoice, checkCohorts, checkRequestFile, checkWholeNumber } from "../../src/domain/request-answers.js";
import { isAnswerLate, requestDaysLeft, requestDeadline } from "../../src/domain/request-deadline.js";
import { requestOccasionsDue, requestVerdict } from "../../src/domain/request-schedule.js";
import { QuestionKind } from "../../src/domain/request.js";

const TZ = "Asia/Ho_Chi_Minh";

describe("answers", () => {
  test("a whole number", () => {
    expect(checkWholeNumber("1.200")).toEqual({ ok: true, value: 1200 });
    expect(checkWholeNumber("2,5")).toEqual({ ok: false, problem: "decimal" });
    expect(checkWholeNumber("-1")).toEqual({ ok: false, problem: "negative" });
  });

  test("four numbers per cohort, adding up to a given total", () => {
    expect(checkCohorts("1 2 0 3")).toEqual({ ok: true, value: { teachers: 1, pupils: 2, students: 0, other: 3 } });
    expect(checkCohorts("1; 2; 0; 3", 6).ok).toBe(true);
    expect(checkCohorts("1 2 3 4", 12)).toEqual({ ok: false, problem: "sum", sum: 10, total: 12 });
    expect(checkCohorts("1 2 3")).toEqual({ ok: false, problem: "count", expected: 4, got: 3 });
    expect(checkCohorts("1 x 3 4")).toEqual({ ok: false, problem: "number", cohort: 1, count: "not-number" });
  });

  test("texts by their limit, counted after invisible characters are taken out", () => {
    expect(checkAnswerText("x".repeat(10_000), QuestionKind.LONG_TEXT)).toEqual({ ok: false, problem: "too-long", length: 10_000, max: 4000 });
    expect(checkAnswerText("x".repeat(301), QuestionKind.SHORT_TEXT)).toEqual({ ok: false, problem: "too-long", length: 301, max: 300 });
    expect(checkAnswerText(" \u200b ", QuestionKind.SHORT_TEXT)).toEqual({ ok: false, problem: "empty" });
  });

  test("files by the minutes' rule, with a request's count", () => {
    const f = { isPhoto: false, fileId: "f", fileUniqueId: "u" };
    expect(checkRequestFile({ ...f, mimeType: "application/pdf", fileName: "a.pdf", size: 1000 }, 0)).toMatchObject({ ok: true, value: { kind: "PDF", fileName: "a.pdf" } });
    expect(checkRequestFile({ ...f, mimeType: "application/zip", fileName: "a.zip" }, 0)).toMatchObject({ ok: false, problem: "type" });
    expect(checkRequestFile({ ...f, mimeType: "application/pdf", fileName: "a.pdf", size: 21 * 1024 * 1024 }, 0)).toMatchObject({ ok: false, problem: "too-big" });
    expect(checkRequestFile({ ...f, isPhoto: true }, 10)).toMatchObject({ ok: false, problem: "too-many" });
  });

  test("a choice's index must be one of the options", () => {
    expect(checkChoice("1", ["a", "b"])).toBe(1);
    expect(checkChoice("2", ["a", "b"])).toBeUndefined();
    expect(checkChoice("-1", ["a", "b"])).toBeUndefined();
    expect(checkChoice("01x", ["a", "b"])).toBeUndefined();
  });

  test("the whole answer is checked before it is stored: missing, of the wrong kind, or not adding up", () => {
    const qs = [
      { id: "q1", kind: QuestionKind.NUMBER, title: "A" },
      { id: "q2", kind: QuestionKind.COHORTS, title: "B" },
      { id: "q3", kind: QuestionKind.CHOICE, title: "C", options: ["x", "y"] },
    ];
    expect(answerProblems(qs, { q1: 3, q2: { teachers: 1, pupils: 1, students: 1, other: 1 }, q3: { choice: 1 } }, { q2: 4 })).toEqual([]);
    expect(answerProblems(qs, { q1: "3", q2: { teachers: 1, pupils: 1, students: 1, other: 1 }, q3: { choice: 5 } }, { q2: 5 })).toEqual(["q1", "q2", "q3"]);
  });
});

describe("due dates", () => {
  const r = { dueOn: "2026-12-15", dueTime: null };
  test("the end of the due day, or its time; late after it", () => {
    expect(requestDeadline(r, TZ).toISOString()).toBe("2026-12-15T16:59:59.999Z");
    expect(requestDeadline({ dueOn: "2026-12-15", dueTime: "10:00" }, TZ).toISOString()).toBe("2026-12-15T03:00:00.000Z");
    expect(isAnswerLate(r, new Date("2026-12-15T23:59:00+07:00"), TZ)).toBe(false);
    expect(isAnswerLate(r, new Date("2026-12-16T00:00:01+07:00"), TZ)).toBe(true);
    expect(requestDaysLeft(r, new Date("2026-12-12T08:00:00+07:00"), TZ)).toBe(3);
    expect(requestDaysLeft(r, new Date("2026-12-16T08:00:00+07:00"), TZ)).toBeNull();
  });

  test("reminders 3 and 1 days before and on the day at 08:00, the late list the day after; none before the request was sent", () => {
    const s = { id: 7, ...r, sentAt: new Date("2026-12-13T09:00:00+07:00") };
    const due = requestOccasionsDue(s, new Date("2026-12-01T00:00:00+07:00"), new Date("2026-12-31T00:00:00+07:00"), TZ);
    expect(due.map((o) => [o.key, o.at.toISOString()])).toEqual([
      ["request-reminder:7:d1", "2026-12-14T01:00:00.000Z"],
      ["request-reminder:7:d0", "2026-12-15T01:00:00.000Z"],
      ["request-late-list:7", "2026-12-16T01:00:00.000Z"],
    ]);
    // After downtime: the earlier reminder is superseded by the later, the late list always goes.
    const now = new Date("2026-12-15T09:00:00+07:00");
    expect(requestVerdict(due[0]!, r, due, now, TZ)).toEqual({ send: false, reason: "superseded", by: "request-reminder:7:d0" });
    expect(requestVerdict(due[1]!, r, due, now, TZ)).toEqual({ send: true });
    expect(requestVerdict(due[1]!, r, due, new Date("2026-12-16T09:00:00+07:00"), TZ)).toEqual({ send: false, reason: "deadline-passed" });
    expect(requestVerdict(due[2]!, r, due, new Date("2027-01-16T09:00:00+07:00"), TZ)).toEqual({ send: true });
  });

  test("a due time before the reminder's hour: no reminder on the day", () => {
    const s = { id: 8, dueOn: "2026-12-15", dueTime: "07:00", sentAt: new Date("2026-12-01T09:00:00+07:00") };
    const keys = requestOccasionsDue(s, new Date("2026-12-01T10:00:00+07:00"), new Date("2026-12-31T00:00:00+07:00"), TZ).map((o) => o.key);
    expect(keys).toEqual(["request-reminder:8:d3", "request-reminder:8:d1", "request-late-list:8"]);
  });
});
