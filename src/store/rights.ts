// The rights a decision needs, read again in the transaction that records it: a
// role removed while the person typed a reason, or the last answers of a form,
// counts. The rules are those of src/domain/access.ts, as at the start.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { Action } from "../domain/access.js";
import { refusalOf } from "./access.js";

type Reader = Db | Prisma.TransactionClient;

/** Whether this person (by Telegram id) still reviews the branch's records: a committee above it, or an administrator. */
export async function stillReviews(db: Reader, telegramId: number, adminIds: readonly number[], unitId: number, now: Date, timeZone: string): Promise<boolean> {
  return (await refusalOf(db, { telegramId, adminIds, action: Action.REVIEW, unitId, now, timeZone })) === undefined;
}
