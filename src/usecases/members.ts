// Taking a role away (/thanhvien): the administrator's right and the membership are
// read again in the transaction that deletes it (a forged or old button, a second
// administrator faster), the person's menu is queued with it, and a person left with
// no role loses their open form, which has nothing left it may send.
import { Action } from "../domain/access.js";
import { refreshMenus } from "../outbox/menus.js";
import { refusalOf } from "../store/access.js";
import { deleteMembership, dropOpenForm, findMembership, holdsAnyRole, type MembershipRef } from "../store/members.js";
import type { UseCaseDeps } from "./deps.js";

export type RemoveResult = { status: "ok"; member: MembershipRef; noRoleLeft: boolean } | { status: "gone" } | { status: "refused" };

export async function removeMember(deps: UseCaseDeps, adminTelegramId: number, membershipId: number): Promise<RemoveResult> {
  const now = deps.clock();
  const result = await deps.db.$transaction(async (tx): Promise<RemoveResult> => {
    const member = await findMembership(tx, membershipId);
    if (!member) return { status: "gone" };
    const why = await refusalOf(tx, { telegramId: adminTelegramId, adminIds: deps.config.ADMIN_IDS, action: Action.ADMIN, unitId: member.unitId, now, timeZone: deps.config.TZ });
    if (why) return { status: "refused" };
    if (!(await deleteMembership(tx, member, { actorId: adminTelegramId, at: now, action: "member.remove" }))) return { status: "gone" };
    const noRoleLeft = !(await holdsAnyRole(tx, member.telegramId));
    if (noRoleLeft) await dropOpenForm(tx, member.telegramId);
    await refreshMenus(tx, [BigInt(member.telegramId)], now);
    return { status: "ok", member, noRoleLeft };
  });
  if (result.status === "ok") deps.outbox.kick();
  return result;
}
