// /caidat, and the answer to each change of the schedule: the deadline, the reminders and the digest's time.
import { WEEKDAYS, type ScheduleSettings } from "../domain/schedule.js";
import type { Translate } from "../i18n.js";

const pad2 = (n: number) => String(n).padStart(2, "0");

export function describeSchedule(t: Translate, s: ScheduleSettings): string {
  const weekday = Object.entries(WEEKDAYS).find(([, n]) => n === s.digestWeekday)![0];
  return t("schedule-show", {
    dueDay: s.dueDay,
    reminders: s.reminderDaysBefore.length === 0 ? t("schedule-no-reminders") : s.reminderDaysBefore.join(", "),
    hour: pad2(s.reminderHour),
    lateDays: s.lateListDaysAfter,
    weekday: t(`weekday-${weekday}`),
    digestTime: `${pad2(s.digestHour)}:${pad2(s.digestMinute)}`,
  });
}
