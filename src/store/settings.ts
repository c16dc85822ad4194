import type { Db } from "../db/client.js";
import { DEFAULT_SCHEDULE, scheduleSettingsSchema, type ScheduleSettings } from "../domain/schedule.js";
import { audit } from "./audit.js";

export const SCHEDULE_KEY = "schedule";

/** The schedule in force: the stored one, or the defaults of DESIGN.md. */
export async function loadSchedule(db: Db): Promise<ScheduleSettings> {
  const row = await db.setting.findUnique({ where: { key: SCHEDULE_KEY } });
  return scheduleOf(row?.value);
}

/** The schedule a stored value says (undefined: none stored), the defaults where it says nothing valid. */
export function scheduleOf(value: string | undefined): ScheduleSettings {
  if (value === undefined) return { ...DEFAULT_SCHEDULE };
  const parsed = scheduleSettingsSchema.safeParse({ ...DEFAULT_SCHEDULE, ...JSON.parse(value) });
  return parsed.success ? parsed.data : { ...DEFAULT_SCHEDULE };
}

export async function saveSchedule(db: Db, next: ScheduleSettings, actorId: number, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.setting.findUnique({ where: { key: SCHEDULE_KEY } });
    const value = JSON.stringify(next);
    await tx.setting.upsert({
      where: { key: SCHEDULE_KEY },
      create: { key: SCHEDULE_KEY, value, updatedBy: BigInt(actorId), updatedAt: now },
      update: { value, updatedBy: BigInt(actorId), updatedAt: now },
    });
    await audit(tx, {
      actorId,
      at: now,
      action: "schedule.set",
      subject: SCHEDULE_KEY,
      details: { before: before ? JSON.parse(before.value) : DEFAULT_SCHEDULE, after: next },
    });
  });
}
