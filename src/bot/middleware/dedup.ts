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
//
// An update whose form state was changed by another instance while it ran (the
// store's conditional write, src/store/form-state.ts) is run again, on a fresh
// context, on the state the other one left: its answer is never dropped.
import { Context, type MiddlewareFn, type MiddlewareObj } from "grammy";
import type { Db } from "../../db/client.js";
import { FormStateConflict, FormUpdateTaken, type FormStateStore } from "../../store/form-state.js";
import type { Logger } from "../../log.js";
import { PROCESSED_UPDATE_RETENTION_MS } from "../../store/update-claims.js";
import { markSkipped } from "./update-boundary.js";

export { PROCESSED_UPDATE_RETENTION_MS };

/** The roles' version read with the claim, for the actor cache (middleware/actor.ts). */
export type ClaimedContext = Context & { accessVersion?: number };

/** The conversations plugin's key of the chat (its default: the chat id); forms run in private chats only. */
export function formKeyOf(ctx: Context): string | undefined {
  return ctx.chat?.type === "private" ? String(ctx.chat.id) : undefined;
}

/** Runs of one update against a form that others keep changing, before it fails as any error does. */
const MAX_RUNS = 5;

/**
 * `handle`: everything after the claim. Given here rather than reached through `next`, so
 * that it can run again on a fresh context (the conversations plugin takes a context once).
 */
export function dedupUpdates<C extends ClaimedContext>(
  forms: Pick<FormStateStore, "claim" | "release" | "reread">,
  handle: MiddlewareObj<C>,
): MiddlewareFn<C & { logger?: Logger }> {
  return async (ctx, next) => {
    const key = formKeyOf(ctx);
    const claim = await forms.claim(ctx.update.update_id, key);
    if (!claim.taken) {
      markSkipped(ctx, "duplicate");
      return;
    }
    ctx.accessVersion = claim.accessVersion;
    // What the middleware before this one put on the context (its logger), for a run again.
    const carried = { ...ctx };
    try {
      for (let run = 1, current: C = ctx; ; run++) {
        try {
          await handle.middleware()(current, next);
          return;
        } catch (err) {
          // Handled by another instance meanwhile (an instance that took itself for alone, instance-presence.ts).
          if (err instanceof FormUpdateTaken) {
            markSkipped(ctx, "duplicate");
            return;
          }
          if (!(err instanceof FormStateConflict) || key === undefined || run >= MAX_RUNS) throw err;
          ctx.logger?.warn({ run, chat_id: ctx.chat?.id }, "another instance changed this chat's form meanwhile: the update runs again on its state");
          forms.reread(key, ctx.update.update_id);
          current = Object.assign(new Context(ctx.update, ctx.api, ctx.me), carried) as C;
        }
      }
    } finally {
      if (key !== undefined) await forms.release(key);
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
