// What happened before the try-out opens: when the committee was set up, what
// each branch reported for each of the three months before the current one, and
// when. Pure data and dates, worked out from the month the try-out opens in.
import { vnTime } from "../clock.js";
import { BRANCHES, type Cohorts } from "./cast.js";

export interface Month {
  year: number;
  month: number;
}

export interface MonthFigures {
  candidates: number;
  awarenessClass: number;
  applicationsInReview: number;
  admitted: Cohorts;
  madeFull: number;
  /** Members who left the rolls, by kind: xóa tên, khai trừ, xin ra khỏi Đảng, từ trần. */
  removed: { xoaten?: number; khaitru?: number; xinra?: number; tutran?: number };
  removedReason?: string;
  transferredIn: number;
  transferredOut: number;
  note?: string;
}

const f = (candidates: number, awarenessClass: number, applicationsInReview: number, admitted: Cohorts, rest: Partial<MonthFigures> = {}): MonthFigures => ({
  candidates,
  awarenessClass,
  applicationsInReview,
  admitted,
  madeFull: 0,
  removed: {},
  transferredIn: 0,
  transferredOut: 0,
  ...rest,
});

/** Three months per branch, oldest first; the late branch has two (the third is the one it owes). */
export const FIGURES: Record<string, MonthFigures[]> = {
  "CB-QT": [
    f(12, 3, 2, { hocsinh: 1 }),
    f(11, 2, 3, { hocsinh: 2 }, { madeFull: 1, note: "Đề nghị Đảng ủy mở thêm lớp bồi dưỡng nhận thức về Đảng cho học sinh khối 12." }),
    f(10, 4, 2, { giaovien: 1, hocsinh: 1 }, { transferredIn: 1 }),
  ],
  "CB-LL": [f(8, 2, 1, {}), f(8, 1, 2, { hocsinh: 1 }, { transferredOut: 1 }), f(7, 2, 1, { hocsinh: 1 })],
  "CB-LTT": [
    f(20, 5, 4, { sinhvien: 2 }),
    f(18, 4, 3, { giaovien: 1, sinhvien: 1 }, { removed: { xoaten: 1 }, removedReason: "Sinh viên tốt nghiệp, không chuyển sinh hoạt đảng" }),
    f(17, 6, 5, { sinhvien: 2 }, { madeFull: 2 }),
  ],
  "CB-KTKT": [f(6, 1, 1, { khac: 1 }), f(6, 2, 1, {}), f(5, 1, 2, { sinhvien: 1 }, { note: "Nguồn kết nạp trong học sinh hệ trung cấp còn ít." })],
  "CB-VP": [f(4, 0, 1, {}), f(4, 1, 1, { khac: 1 })],
};

/** Thematic meetings (sinh hoạt chuyên đề), by branch: the month index and the topic. */
export const THEMATIC: Record<string, { monthIndex: number; topic: string }> = {
  "CB-QT": { monthIndex: 1, topic: "Công tác phát triển đảng viên trong học sinh" },
  "CB-LTT": { monthIndex: 0, topic: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" },
};

export interface Story {
  /** When the try-out opens: 09:00 on the 2nd of its month, three days before the last month's report is due. */
  now: Date;
  setupAt: Date;
  months: Month[];
  /** Years that get quotas: those of the months reported and of now. */
  quotaYears: number[];
  /** When a branch files month i (undefined: it has not yet). */
  filedAt(code: string, i: number): Date | undefined;
  /** When the committee member approves month i of a branch (undefined: still waiting for review). */
  approvedAt(code: string, i: number): Date | undefined;
  meetingDay(i: number): Date;
}

const addMonth = (m: Month, n: number): Month => {
  const k = m.year * 12 + (m.month - 1) + n;
  return { year: Math.floor(k / 12), month: (k % 12) + 1 };
};

/** Branches whose last month's report the committee member has approved before the try-out opens. */
const APPROVED_LAST_MONTH = new Set(["CB-QT", "CB-LTT"]);

export function storyOf(opening: Month): Story {
  const months = [addMonth(opening, -3), addMonth(opening, -2), addMonth(opening, -1)];
  const at = (m: Month, day: number, hour: number, minute = 0) => vnTime(m.year, m.month, day, hour, minute);
  const late = new Set(BRANCHES.filter((b) => b.late).map((b) => b.code));
  return {
    now: at(opening, 2, 9),
    setupAt: at(months[0]!, 20, 9),
    months,
    quotaYears: [...new Set([...months.map((m) => m.year), opening.year])],
    filedAt(code, i) {
      const next = addMonth(months[i]!, 1);
      if (i === 2) return late.has(code) ? undefined : at(next, 1, 10);
      // The late branch files its second month two days after the deadline (day 5).
      return late.has(code) && i === 1 ? at(next, 7, 15) : at(next, 2, 10);
    },
    approvedAt(code, i) {
      const next = addMonth(months[i]!, 1);
      if (i === 2) return APPROVED_LAST_MONTH.has(code) ? at(next, 1, 16) : undefined;
      return late.has(code) && i === 1 ? at(next, 8, 9) : at(next, 3, 9);
    },
    meetingDay: (i) => at(months[i]!, 25, 0),
  };
}
