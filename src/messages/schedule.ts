// /caidat, and the answer to each change of the schedule: the deadline, the reminders and the digest's time.
import type { MovedDeadline } from "../domain/moved-deadlines.js";
import { formatPeriod } from "../domain/period.js";
import { WEEKDAYS, type ScheduleSettings } from "../domain/schedule.js";
import type { Translate } from "../i18n.js";

const pad2 = (n: number) => String(n).padStart(2, "0");
const dmy = (d: { year: number; month: number; day: number }) => `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;

/** `moved`: the coming deadlines a public holiday moves (src/domain/moved-deadlines.ts), listed under the schedule. */
export function describeSchedule(t: Translate, s: ScheduleSettings, moved: readonly MovedDeadline[] = []): string {
  const weekday = Object.entries(WEEKDAYS).find(([, n]) => n === s.digestWeekday)![0];
  const text = t("schedule-show", {
    dueDay: s.dueDay,
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
