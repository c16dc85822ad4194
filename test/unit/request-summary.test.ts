// The answer form's summary and receipt list every question: at the limits of a request
// (20 questions, 300-character titles, 4,000-character answers) it still fits one message.
import { describe, expect, test } from "vitest";
import { QuestionKind, REQUEST_LIMITS, type RequestQuestion } from "../../src/domain/request.js";
import { MESSAGE_LIMIT } from "../../src/domain/text.js";
import { createI18n, translator } from "../../src/i18n.js";
import { answersList } from "../../src/messages/request-answer.js";

const t = translator(createI18n());

describe("the answers' list", () => {
  test("20 long questions with 4,000-character answers fit one Telegram message, with room for the title", () => {
    const questions: RequestQuestion[] = Array.from({ length: REQUEST_LIMITS.questions }, (_, i) => ({
      id: `q${i + 1}`,
      kind: QuestionKind.LONG_TEXT,
      section: `II.${i + 1}`,
      title: "Đánh giá ".repeat(40).slice(0, REQUEST_LIMITS.questionTitle),
    }));
    const values = Object.fromEntries(questions.map((q) => [q.id, "Nội dung ".repeat(500).slice(0, REQUEST_LIMITS.longText)]));
    const list = answersList(t, questions, values);
    expect(list.split("\n")).toHaveLength(20);
    expect(list.length + REQUEST_LIMITS.title + 200).toBeLessThan(MESSAGE_LIMIT);
  });

  test("each kind of answer as a person reads it", () => {
    const qs: RequestQuestion[] = [
      { id: "q1", kind: QuestionKind.COHORTS, title: "Kết nạp theo đối tượng" },
      { id: "q2", kind: QuestionKind.CHOICE, title: "Kế hoạch", options: ["Đã có", "Chưa có"] },
      { id: "q3", kind: QuestionKind.NUMBER, title: "Số đảng viên" },
    ];
    expect(answersList(t, qs, { q1: { teachers: 1, pupils: 2, students: 0, other: 3 }, q2: { choice: 1 } })).toBe(
      "• Kết nạp theo đối tượng: giáo viên, giảng viên: 1; học sinh: 2; sinh viên: 0; khác: 3 (tổng 6)\n• Kế hoạch: Chưa có\n• Số đảng viên: (chưa trả lời)",
    );
  });
});
