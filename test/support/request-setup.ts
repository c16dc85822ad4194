// Requests for figures set up for the answer and reminder tests: stored as /yeucau sends
// them (createRequest), and the "✍️ Trả lời" button pressed as a secretary would, or with
// data no button of ours carries.
import { QuestionKind, type RequestQuestion } from "../../src/domain/request.js";
import { requestButtonData } from "../../src/domain/request-buttons.js";
import { createRequest } from "../../src/store/requests.js";
import { ADMIN_ID, type Harness, type Replies, type TestUser } from "./harness.js";

/** One question of each kind, in the outline's order. */
export const EVERY_KIND: RequestQuestion[] = [
  { id: "q1", kind: QuestionKind.NUMBER, title: "Số đảng viên hiện có", section: "I.1" },
  { id: "q2", kind: QuestionKind.COHORTS, title: "Kết nạp theo đối tượng từ năm 2026", section: "I.2" },
  { id: "q3", kind: QuestionKind.SHORT_TEXT, title: "Người phụ trách công tác tạo nguồn", section: "II.1" },
  { id: "q4", kind: QuestionKind.LONG_TEXT, title: "Thực trạng nguồn phát triển đảng viên", section: "II.2" },
  { id: "q5", kind: QuestionKind.FILES, title: "Danh sách quần chúng ưu tú (ảnh hoặc tệp)", section: "II.3" },
  { id: "q6", kind: QuestionKind.CHOICE, title: "Chi bộ có kế hoạch tạo nguồn năm 2027 chưa?", section: "III.1", options: ["Đã có", "Chưa có"] },
];

export interface RequestSpec {
  title?: string;
  questions?: RequestQuestion[];
  dueOn?: string;
  dueTime?: string | null;
  targets: string[];
  /** The unit it is sent from (DU-SGD) */
  unit?: string;
  prefillFromYear?: number | null;
}

/** Stores an open, sent request from the administrator to the branches `targets` (codes). */
export async function sendRequest(h: Harness, spec: RequestSpec): Promise<number> {
  const db = h.app.db;
  const unit = await db.unit.findUniqueOrThrow({ where: { code: spec.unit ?? "DU-SGD" } });
  // The requester as the bot records a person who has written to it (the administrator, "Quản trị").
  const by = await db.user.upsert({ where: { telegramId: BigInt(ADMIN_ID) }, create: { telegramId: BigInt(ADMIN_ID), firstName: "Quản trị" }, update: {} });
  const targets = await db.unit.findMany({ where: { code: { in: spec.targets } }, select: { id: true } });
  return createRequest(db, {
    title: spec.title ?? "Báo cáo chuyên đề tạo nguồn phát triển đảng viên",
    unitId: unit.id,
    createdById: by.id,
    questions: spec.questions ?? EVERY_KIND,
    dueOn: spec.dueOn ?? "2026-12-15",
    dueTime: spec.dueTime ?? null,
    template: null,
    prefillFromYear: spec.prefillFromYear ?? null,
    targetUnitIds: targets.map((t) => t.id),
    now: h.clock.now(),
  });
}

/** Presses a button whose data is `data`, under a message of the bot's (as a delivered request's). */
export function pressData(h: Harness, user: TestUser, data: string): Promise<Replies> {
  return user.exchange(() =>
    h.fake.pushUpdate({
      callback_query: {
        id: h.fake.newCallbackId(user.id),
        from: { id: user.id, is_bot: false, first_name: user.firstName, language_code: "vi" },
        chat_instance: `ci${user.id}`,
        data,
        message: { message_id: h.fake.newMessageId(), date: Math.floor(Date.now() / 1000), chat: { id: user.id, type: "private", first_name: user.firstName }, text: "📨 Yêu cầu báo cáo" },
      },
    }),
  );
}

/** "✍️ Trả lời" under the request as sent in `revision`. */
export const pressAnswer = (h: Harness, user: TestUser, requestId: number, revision = 1) => pressData(h, user, requestButtonData({ kind: "answer", requestId, revision }));

/** The branch's answer versions, oldest first, with their values read back. */
export async function answersOf(h: Harness, requestId: number, branch: string) {
  const rows = await h.app.db.requestAnswer.findMany({ where: { requestId, unit: { code: branch } }, orderBy: { version: "asc" } });
  return rows.map((r) => ({ version: r.version, late: r.late, current: r.supersededAt === null, values: JSON.parse(r.answers) as Record<string, unknown> }));
}
