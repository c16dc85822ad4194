// Works out who receives an occasion, once. The JobRun row's key is the
// occasion's key, so planning the same occasion twice (a restart, a second
// instance, the cron firing twice) writes nothing the second time.
import type { Db } from "../db/client.js";
import { sameRule, type DueRule } from "../domain/deadline.js";
import { lateListDues } from "../domain/late-list-due.js";
import type { Occasion, Verdict } from "../domain/schedule.js";
import { enqueueOnce, isQueued } from "../outbox/enqueue.js";
import type { GroupPayload, OccasionJobPayload, ReminderPayload } from "../outbox/job-kinds.js";
import { onDutyChatIdsByUnit } from "../store/delegations.js";
import { activeGroups } from "../store/groups.js";
import { branchesWithoutReport } from "../store/missing-reports.js";

/**
 * Every unit's deadline (`byUnit`; a unit absent from it has the tree's), as the scheduler read them
 * for this tick: an occasion goes only to the branches (a late list: to the groups of the units)
 * whose deadline is the occasion's, so each is reminded by its own deadline, once.
 */
export interface Dues {
  tree: DueRule;
  byUnit: ReadonlyMap<number, DueRule>;
  /** The tree's units (with `byUnit` not empty): a late list waits for the latest deadline below its unit. */
  units?: ReadonlyArray<{ id: number; parentId: number | null }>;
}

const answersTo = (dues: Dues | undefined, occasion: Occasion) => (unitId: number) =>
  !dues || sameRule(dues.byUnit.get(unitId) ?? dues.tree, occasion.due ?? dues.tree);

async function reminderRecipients(db: Db, occasion: Occasion, timeZone: string, dues: Dues | undefined) {
  const missing = (await branchesWithoutReport(db, occasion.period)).filter(answersTo(dues, occasion));
  // Whoever is on duty on the occasion's day: the deputies while the secretary has handed over.
  const onDuty = await onDutyChatIdsByUnit(db, missing, occasion.at, timeZone);
  const byChat = new Map<bigint, number[]>();
  for (const [unitId, chatIds] of onDuty) {
    for (const chatId of chatIds) byChat.set(chatId, [...(byChat.get(chatId) ?? []), unitId]);
  }
  return [...byChat].map(([chatId, unitIds]) => ({ chatId, payload: { unitIds } satisfies ReminderPayload }));
}

async function groupRecipients(db: Db, occasion: Occasion, timeZone: string, dues: Dues | undefined) {
  // A digest is every group's; a late list goes to a group once every deadline under its unit has
  // passed (the latest of them), so that it names no branch whose own deadline is still ahead.
  let mine: (unitId: number) => boolean = () => true;
  if (occasion.kind === "late-list" && dues?.units && dues.byUnit.size > 0) {
    const late = lateListDues(dues.units, dues.byUnit, dues.tree, occasion.period, timeZone);
    mine = (unitId) => sameRule(late.get(unitId) ?? dues.byUnit.get(unitId) ?? dues.tree, occasion.due ?? dues.tree);
  } else if (occasion.kind === "late-list") mine = answersTo(dues, occasion);
  return (await activeGroups(db)).filter((g) => mine(g.unitId)).map((g) => ({ chatId: BigInt(g.chatId), payload: { unitId: g.unitId } satisfies GroupPayload }));
}

/**
 * Records that an occasion of a catch-up window is not sent (superseded, or its deadline has
 * passed): a JobRun under its key with no deliveries, finished at once. Recorded rather than
 * merely left out, so that the decision is durable: a later tick, another instance or a restart
 * finds the key taken and never plans the occasion after all. The reason goes in the payload (no
 * column of its own: nothing queries it, and an operator reads it there). Returns false if the
 * occasion had been planned or skipped before (then that earlier decision stands; a delivery
 * planned earlier is stopped at sending time by the same rule, see skipCheck).
 */
export async function skipOccasion(db: Db, occasion: Occasion, verdict: Verdict & { send: false }, now: Date): Promise<boolean> {
  if (await isQueued(db, occasion.key)) return false;
  const payload: OccasionJobPayload = { period: occasion.period, ...(occasion.due ? { due: occasion.due } : {}), skipped: { reason: verdict.reason, ...(verdict.by ? { by: verdict.by } : {}) } };
  return enqueueOnce(db, { occasion: occasion.key, kind: occasion.kind, payload, dueAt: occasion.at, now, finished: true }, []);
}

/**
 * Returns true if this call planned the occasion, false if it had been planned before. `timeZone`: Config.TZ.
 * `dues`: every unit's deadline (undefined: one deadline for the whole tree).
 */
export async function planOccasion(db: Db, occasion: Occasion, now: Date, timeZone: string, dues?: Dues): Promise<boolean> {
  if (await isQueued(db, occasion.key)) return false;
  const recipients = occasion.kind === "reminder" ? await reminderRecipients(db, occasion, timeZone, dues) : await groupRecipients(db, occasion, timeZone, dues);
  const payload: OccasionJobPayload = { period: occasion.period, ...(occasion.due ? { due: occasion.due } : {}) };
  // False also when another instance planned it between our check and our insert.
  return enqueueOnce(db, { occasion: occasion.key, kind: occasion.kind, payload, dueAt: occasion.at, now }, recipients);
}
