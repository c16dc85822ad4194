// Accepting an invite: the role, and the person's new command menu queued with it
// (src/outbox/menus.ts), in one transaction, so a role is never without its menu; a
// replacing invite takes the role from the branch's secretary in the same transaction.
import type { TelegramPerson } from "../store/users.js";
import { redeemInvite, type RedeemResult } from "../store/invites.js";
import { refreshMenus } from "../outbox/menus.js";
import { dropOpenForm, holdsAnyRole } from "../store/members.js";
import type { UseCaseDeps } from "./deps.js";

export async function acceptInvite(deps: UseCaseDeps, code: string, person: TelegramPerson): Promise<RedeemResult> {
  const now = deps.clock();
  const result = await deps.db.$transaction(async (tx) => {
    const r = await redeemInvite(tx, code, person, now);
    if (r.status !== "ok") return r;
    const changed = [...(r.already ? [] : [person.id]), ...r.replaced.map((m) => m.telegramId)];
    // A replaced secretary left with no role has nothing their open form may send.
    for (const m of r.replaced) if (!(await holdsAnyRole(tx, m.telegramId))) await dropOpenForm(tx, m.telegramId);
    if (changed.length > 0) await refreshMenus(tx, changed.map(BigInt), now);
    return r;
  });
  if (result.status === "ok" && (!result.already || result.replaced.length > 0)) deps.outbox.kick();
  return result;
}
