// Accepting an invite: the role, and the person's new command menu queued with it
// (src/outbox/menus.ts), in one transaction, so a role is never without its menu.
import type { TelegramPerson } from "../store/users.js";
import { redeemInvite, type RedeemResult } from "../store/invites.js";
import { refreshMenus } from "../outbox/menus.js";
import type { UseCaseDeps } from "./deps.js";

export async function acceptInvite(deps: UseCaseDeps, code: string, person: TelegramPerson): Promise<RedeemResult> {
  const now = deps.clock();
  const result = await deps.db.$transaction(async (tx) => {
    const r = await redeemInvite(tx, code, person, now);
    if (r.status === "ok" && !r.already) await refreshMenus(tx, [BigInt(person.id)], now);
    return r;
  });
  if (result.status === "ok" && !result.already) deps.outbox.kick();
  return result;
}
