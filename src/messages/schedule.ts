// /caidat, and the answer to each change of the schedule: the deadline, the reminders and the digest's time.
import type { DueRule } from "../domain/deadline.js";
import type { MovedDeadline } from "../domain/moved-deadlines.js";
import { formatPeriod } from "../domain/period.js";
import { treeRule, WEEKDAYS, type ScheduleSettings } from "../domain/schedule.js";
import type { Translate } from "../i18n.js";

const pad2 = (n: number) => String(n).padStart(2, "0");
const dmy = (d: { year: number; month: number; day: number }) => `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;

/** "ngày 25 hằng tháng (cùng tháng)" / "ngày 10 tháng sau". */
export function dueRuleText(t: Translate, rule: DueRule): string {
  return rule.sameMonth ? t("deadline-rule-same", { day: rule.day }) : t("deadline-rule-next", { day: rule.day });
}

/** `moved`: the coming deadlines a public holiday moves (src/domain/moved-deadlines.ts), listed under the schedule. */
export function describeSchedule(t: Translate, s: ScheduleSettings, moved: readonly MovedDeadline[] = []): string {
  const weekday = Object.entries(WEEKDAYS).find(([, n]) => n === s.digestWeekday)![0];
  const text = t("schedule-show", {
    due: dueRuleText(t, treeRule(s)),
    reminders: s.reminderDaysBefore.length === 0 ? t("schedule-no-reminders") : s.reminderDaysBefore.join(", "),
    hour: pad2(s.reminderHour),
    lateDays: s.lateListDaysAfter,
    weekday: t(`weekday-${weekday}`),
    digestTime: `${pad2(s.digestHour)}:${pad2(s.digestMinute)}`,
  });
  if (moved.length === 0) return text;
  const lines = moved.map((m) => t("schedule-moved-line", { period: formatPeriod(m.period), from: dmy(m.from), holiday: m.holiday, on: dmy(m.on) }));
  return [text, t("schedule-moved-head"), ...lines].join("\n");
}

/** The subtrees with a deadline of their own, by code. */
export function describeSubtreeDeadlines(t: Translate, subtrees: readonly { unit: { code: string; name: string }; rule: DueRule }[]): string {
  if (subtrees.length === 0) return t("deadline-subtrees-none");
  return [t("deadline-subtrees-title"), ...subtrees.map((s) => t("deadline-subtree-line", { unit: s.unit.name, code: s.unit.code, rule: dueRuleText(t, s.rule) }))].join("\n");
}
