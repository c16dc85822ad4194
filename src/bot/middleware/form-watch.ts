// Whether the error that failed an update also closed a form that was open: the
// apology then says the answers typed in it are gone, instead of promising them.
import type { Context, MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";
import { PROFILE_FORM } from "../people/profile.js";

const closedBy = new WeakMap<Context, unknown>();

/** Right after conversations(): notes the error that closed a form open when the update came. */
export const watchForms: MiddlewareFn<BotContext> = async (ctx, next) => {
  // The name question gives way to any command (it ends itself and passes the update on) and
  // holds nothing typed: an error in the command it gave way to closed no form worth an apology.
  const open = () => Object.keys(ctx.conversation.active()).filter((id) => id !== PROFILE_FORM).length > 0;
  const wasOpen = open();
  try {
    await next();
  } catch (err) {
    if (wasOpen && !open()) closedBy.set(ctx, err);
    throw err;
  }
};

/**
 * True when `err` closed a form (watchForms saw it). An error raised after, while
 * saving the forms' state, is another one: the stored form was then left as it was.
 */
export function closedAForm(ctx: Context, err: unknown): boolean {
  return closedBy.has(ctx) && closedBy.get(ctx) === err;
}
