// Each update is handled once, however often it arrives: Telegram redelivers
// a webhook update it got no answer for, a poller that crashed before
// confirming its offset fetches a batch again, and several instances may share
// one database. In a private chat with a form open, the update is claimed on the
// form's row, which also hands the plugin the form's state (one statement, see
// src/store/update-claims.ts); any other update with a ProcessedUpdate row.
//
// Claimed before handling, not after: an update that fails half-way is not
// handled again (the update boundary has already told the person), which is
// safer for forms and sends than handling it twice.
import type { Context, MiddlewareFn } from "grammy";
import type { Db } from "../../db/client.js";
import type { FormStateStore } from "../../store/form-state.js";
import { PROCESSED_UPDATE_RETENTION_MS } from "../../store/update-claims.js";
import { markSkipped } from "./update-boundary.js";

export { PROCESSED_UPDATE_RETENTION_MS };

/** The roles' version read with the claim, for the actor cache (middleware/actor.ts). */
export type ClaimedContext = Context & { accessVersion?: number };

/** The conversations plugin's key of the chat (its default: the chat id); forms run in private chats only. */
export function formKeyOf(ctx: Context): string | undefined {
  return ctx.chat?.type === "private" ? String(ctx.chat.id) : undefined;
}

export function dedupUpdates(forms: Pick<FormStateStore, "claim" | "release">): MiddlewareFn<ClaimedContext> {
  return async (ctx, next) => {
    const key = formKeyOf(ctx);
    const claim = await forms.claim(ctx.update.update_id, key);
    if (!claim.taken) {
      markSkipped(ctx, "duplicate");
      return;
    }
    ctx.accessVersion = claim.accessVersion;
    try {
      await next();
    } finally {
      if (key !== undefined) forms.release(key);
    }
  };
}

/** Forgets updates older than the retention; returns how many rows went. */
export async function purgeProcessedUpdates(db: Db, now: Date): Promise<number> {
  const { count } = await db.processedUpdate.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - PROCESSED_UPDATE_RETENTION_MS) } },
  });
  return count;
}
