// The rights a decision needs, read again in the transaction that records it: a
// role removed while the person typed a reason, or the last answers of a form,
// counts. The rules are those of src/domain (filingUnits, canReview), as at the start.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { filingRefusal, type FilingRefusal } from "../domain/delegation.js";
import { todayIn } from "../domain/meeting.js";
import { canReview } from "../domain/roles.js";
import { delegatedUnitIds } from "./delegations.js";
import { ancestorsOf } from "./units.js";
import { loadActor } from "./users.js";

type Reader = Db | Prisma.TransactionClient;

/** Why this person (by Telegram id) may not file for the branch at `now`; undefined when they may. */
export async function refusalToFile(db: Reader, telegramId: number, unitId: number, now: Date, timeZone: string): Promise<FilingRefusal | undefined> {
  const actor = await loadActor(db, telegramId, []);
  return filingRefusal(actor, await delegatedUnitIds(db, todayIn(now, timeZone), unitId), unitId);
}

/** Whether this person (by Telegram id) still reviews the branch's records: a committee above it, or an administrator. */
export async function stillReviews(db: Reader, telegramId: number, adminIds: readonly number[], unitId: number): Promise<boolean> {
  return canReview(await loadActor(db, telegramId, adminIds), await ancestorsOf(db, unitId));
}
