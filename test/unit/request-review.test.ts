// The review of answers to requests without a bot: which questions a resubmission changed,
// what the export says of an answer, and a card too long for one Telegram message.
import { describe, expect, it } from "vitest";
import { QuestionKind, RequestStatus, type AnswerValues, type RequestQuestion } from "../../src/domain/request.js";
import { answerReviewLabel, changedQuestions, shortened, type AnswerUnderReview } from "../../src/domain/request-review.js";
import { MESSAGE_LIMIT } from "../../src/domain/text.js";
import { createI18n, translator } from "../../src/i18n.js";
import { answerCard, answerText } from "../../src/messages/answer-review.js";

const t = translator(createI18n());
const file = (id: string, fileId = `f-${id}`) => ({ kind: "PHOTO" as const, fileId, fileUniqueId: id, fileName: null, size: 100 });

const QUESTIONS: RequestQuestion[] = [
  { id: "q1", kind: QuestionKind.NUMBER, title: "Số đảng viên hiện có" },
  { id: "q2", kind: QuestionKind.COHORTS, title: "Kết nạp theo đối tượng" },
  { id: "q3", kind: QuestionKind.FILES, title: "Tệp kèm theo" },
  { id: "q4", kind: QuestionKind.SHORT_TEXT, title: "Ghi chú" },
  { id: "q5", kind: QuestionKind.CHOICE, title: "Đã có kế hoạch?", options: ["Đã có", "Chưa có"] },
];
const BASE: AnswerValues = { q1: 10, q2: { teachers: 1, pupils: 2, students: 0, other: 0 }, q3: [file("a")], q4: "Không", q5: { choice: 0 } };
const ids = (qs: RequestQuestion[]) => qs.map((q) => q.id);

describe("changedQuestions (the diff of a resubmission)", () => {
  it("nothing changed: no question", () => {
    expect(changedQuestions(QUESTIONS, BASE, structuredClone(BASE))).toEqual([]);
  });

  it("lists the changed questions in the request's order, whichever way the values were written", () => {
    const after: AnswerValues = { q5: { choice: 1 }, q4: "Không", q2: { other: 0, students: 0, pupils: 3, teachers: 1 }, q1: 10, q3: [file("a")] };
    expect(ids(changedQuestions(QUESTIONS, BASE, after))).toEqual(["q2", "q5"]);
  });

  it("a file is the same file by Telegram's unique id, not by its file_id", () => {
    expect(changedQuestions(QUESTIONS, BASE, { ...BASE, q3: [file("a", "other-file-id")] })).toEqual([]);
    expect(ids(changedQuestions(QUESTIONS, BASE, { ...BASE, q3: [file("b")] }))).toEqual(["q3"]);
    expect(ids(changedQuestions(QUESTIONS, BASE, { ...BASE, q3: [file("a"), file("b")] }))).toEqual(["q3"]);
  });

  it("an answer added or left out is a change; a question not in the request is not shown", () => {
    const { q4: _dropped, ...without } = BASE;
    expect(ids(changedQuestions(QUESTIONS, BASE, without))).toEqual(["q4"]);
    expect(ids(changedQuestions(QUESTIONS, without, BASE))).toEqual(["q4"]);
    expect(changedQuestions(QUESTIONS, BASE, { ...BASE, q9: 3 })).toEqual([]);
  });
});

describe("answerReviewLabel (what the export says)", () => {
  it("approved, waiting or returned; never a late correction", () => {
    expect(["APPROVED", "PENDING", "RETURNED"].map(answerReviewLabel)).toEqual(["approved", "pending", "returned"]);
    expect(t(`export-review-${answerReviewLabel("APPROVED")}`)).toBe("Đã duyệt");
  });
});

describe("answers as the card shows them", () => {
  it("numbers, cohorts with their total, files counted, the option chosen, nothing given", () => {
    const [q1, q2, q3, q4, q5] = QUESTIONS;
    expect(answerText(t, q1!, 12500, 80)).toBe("12.500");
    expect(answerText(t, q2!, BASE.q2, 80)).toBe("giáo viên, giảng viên 1; học sinh 2; sinh viên 0; đối tượng khác 0 (tổng 3)");
    expect(answerText(t, q3!, [file("a"), file("b")], 80)).toBe("2 tệp");
    expect(answerText(t, q3!, [], 80)).toBe("(không có)");
    expect(answerText(t, q4!, undefined, 80)).toBe("(không có)");
    expect(answerText(t, q5!, { choice: 1 }, 80)).toBe("Chưa có");
    // An option index no longer in the request (it was changed since) is not made up.
    expect(answerText(t, q5!, { choice: 7 }, 80)).toBe("(không có)");
  });

  it("a long text: its start, whole letters, and its length", () => {
    const text = "Đảng viên ".repeat(20);
    expect(answerText(t, QUESTIONS[3]!, text, 15)).toBe(`Đảng viên Đảng… (còn tiếp, tổng ${[...text.trim()].length} ký tự)`);
    expect(shortened("  Chi   bộ\nTrường THPT  ", 100)).toBe("Chi bộ Trường THPT");
    expect(shortened("Quần chúng ưu tú", 8)).toBe("Quần ch…");
  });

  it("a card longer than one message is split between lines, the buttons under the last part", () => {
    const questions: RequestQuestion[] = Array.from({ length: 20 }, (_, i) => ({ id: `q${i + 1}`, kind: QuestionKind.LONG_TEXT, title: `Câu hỏi ${i + 1} `.repeat(30).trim() }));
    const values: AnswerValues = Object.fromEntries(questions.map((q) => [q.id, "Nội dung dài. ".repeat(300)]));
    const a: AnswerUnderReview = {
      answerId: 5,
      requestId: 2,
      requestTitle: "Báo cáo chuyên đề",
      requestStatus: RequestStatus.OPEN,
      requestRevision: 1,
      dueOn: "2026-12-15",
      dueTime: "17:00",
      questions,
      unitId: 3,
      unitName: "Chi bộ A",
      version: 2,
      current: true,
      state: "PENDING",
      reviewedBy: null,
      reviewedByTelegramId: null,
      reviewedAt: null,
      reviewNote: null,
      late: false,
      submittedBy: "Lan Nguyễn",
      submittedByTelegramId: 1,
      submittedAt: new Date("2026-12-01T02:00:00Z"),
      values,
      previous: Object.fromEntries(questions.map((q) => [q.id, "Bản cũ"])),
    };
    const parts = answerCard(t, a, "Asia/Ho_Chi_Minh");
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
    expect(parts.map((p) => p.keyboard !== undefined)).toEqual([...parts.slice(1).map(() => false), true]);
    expect(parts[0]!.text).toContain("Hạn trả lời: 17:00 15/12/2026. Gửi trong hạn.");
    expect(parts.map((p) => p.text).join("\n")).toContain("• Câu hỏi 20");
  });
});
