// How a secretary of the sample answers the bot's questions, read from the
// question's words (those of locales/vi.ftl). The most specific words come
// first: "lớp bồi dưỡng" before "quần chúng", "không lý do" before "lý do".
import type { BotMessage } from "../bot-api/server.js";
import type { Action, Answerer } from "./persona.js";
import { SampleError } from "./persona.js";
import type { Month, MonthFigures } from "./story.js";

type Rule = [RegExp, (m: BotMessage) => Action];

const two = (n: number) => String(n).padStart(2, "0");
export const monthText = (p: Month) => `${two(p.month)}/${p.year}`;

/** A rule list as an answerer: a message no rule reads is skipped, unless it asks something. */
function answering(rules: Rule[], what: string): Answerer {
  return (m) => {
    for (const [pattern, act] of rules) if (pattern.test(m.text)) return act(m);
    // A question, or buttons to press, that nobody here knows how to answer: say which.
    if (m.buttons.length > 0 || /\?\s*(\(|$)/m.test(m.text)) throw new SampleError(`${what}: a question the sample cannot answer: ${m.text}`);
    return "skip";
  };
}

const hasButton = (m: BotMessage, label: string) => m.buttons.flat().some((b) => b.text === label);

export function reportAnswers(period: Month, f: MonthFigures): Answerer {
  const a = f.admitted;
  const total = (a.giaovien ?? 0) + (a.hocsinh ?? 0) + (a.sinhvien ?? 0) + (a.khac ?? 0);
  // Từ trần is not asked: it is what is left of the total.
  const r = f.removed;
  const removed = (r.xoaten ?? 0) + (r.khaitru ?? 0) + (r.xinra ?? 0) + (r.tutran ?? 0);
  const n = (v: number | undefined) => () => ({ text: String(v ?? 0) });
  const monthLabel = `Tháng ${monthText(period)}`;
  return answering(
    [
      [/^✅ Đã nhận báo cáo/, () => "done"],
      [/^📋 Báo cáo phát triển đảng viên/, () => ({ press: "✅ Gửi báo cáo" })],
      [/^Báo cáo tháng nào\?/, (m) => (hasButton(m, monthLabel) ? { press: monthLabel } : { text: monthText(period) })],
      [/lớp bồi dưỡng nhận thức/, n(f.awarenessClass)],
      [/quần chúng ưu tú/, n(f.candidates)],
      [/hồ sơ đề nghị kết nạp/, n(f.applicationsInReview)],
      [/được kết nạp trong tháng\?/, n(total)],
      [/giáo viên, giảng viên\?/, n(a.giaovien)],
      [/là học sinh\?/, n(a.hocsinh)],
      [/là sinh viên\?/, n(a.sinhvien)],
      [/công nhận đảng viên chính thức/, n(f.madeFull)],
      [/^Lý do các trường hợp giảm/, () => ({ text: f.removedReason ?? "" })],
      [/đảng viên giảm trong tháng/, n(removed)],
      [/bị xóa tên\?/, n(r.xoaten)],
      [/bị khai trừ\?/, n(r.khaitru)],
      [/xin ra khỏi Đảng\?/, n(r.xinra)],
      [/chuyển sinh hoạt đến/, n(f.transferredIn)],
      [/chuyển sinh hoạt đi/, n(f.transferredOut)],
      [/^Khó khăn, vướng mắc/, () => (f.note ? { text: f.note } : { press: "Bỏ qua" })],
    ],
    `the report of ${monthText(period)}`,
  );
}

export interface MeetingAnswers {
  topic?: string;
  heldOn: string;
  place: string;
  chair: string;
  recorder: string;
  onRoll: number;
  present: number;
  absentExcused: number;
  content: string;
  conclusions: string;
}

export function meetingAnswers(m: MeetingAnswers): Answerer {
  const text = (v: string | number) => () => ({ text: String(v) });
  return answering(
    [
      [/^✅ Đã nhận biên bản/, () => "done"],
      [/^📝 Biên bản sinh hoạt/, () => ({ press: "✅ Gửi biên bản" })],
      [/^Biên bản buổi sinh hoạt nào\?/, () => ({ press: m.topic ? "Chuyên đề" : "Thường kỳ" })],
      [/^Chủ đề của buổi sinh hoạt/, text(m.topic ?? "")],
      [/diễn ra ngày nào\?/, text(m.heldOn)],
      [/^Địa điểm/, text(m.place)],
      [/chủ trì\?/, text(m.chair)],
      [/thư ký\?/, text(m.recorder)],
      [/^Tổng số đảng viên/, text(m.onRoll)],
      [/có mặt\?/, text(m.present)],
      [/vắng không lý do\?/, text(m.onRoll - m.present - m.absentExcused)],
      [/vắng có lý do\?/, text(m.absentExcused)],
      [/^Nội dung chính/, text(m.content)],
      [/^Kết luận/, text(m.conclusions)],
      [/^Gửi ảnh, tệp PDF/, () => ({ press: "Không có tệp" })],
    ],
    `the minutes of ${m.heldOn}`,
  );
}

/**
 * Opening an invite link: the bot welcomes the person in their role. Should it
 * first ask for their full name or position (họ và tên, chức vụ), they give them.
 */
export function joinAnswers(fullName: string, position: string, welcome: RegExp): Answerer {
  return answering(
    [
      [welcome, () => "done"],
      [/họ và tên|họ tên/i, () => ({ text: fullName })],
      [/chức vụ/i, () => ({ text: position })],
    ],
    `joining as ${position}`,
  );
}
