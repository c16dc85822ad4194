// /dangkynhom and /huynhom, in a group: an administrator registers the group for a
// unit (it then gets that unit's digests and late lists, and may ask /tonghop, /xuat).
import { normaliseUnitCode } from "../../domain/units.js";
import { allUnits } from "../../store/digest-data.js";
import { registerGroup, unregisterGroup } from "../../store/groups.js";
import type { AppDeps } from "../context.js";
import { adminCommands } from "../middleware/actor.js";

export function groupsFeature(deps: AppDeps) {
  return adminCommands({
    dangkynhom: async (ctx) => {
      const raw = ctx.match.trim();
      if (!raw) return ctx.reply(ctx.t("group-usage"));
      const code = normaliseUnitCode(raw);
      const unit = (await allUnits(deps.db)).find((u) => u.code === code);
      if (!unit) return ctx.reply(ctx.t("invite-unit-missing", { code: raw.slice(0, 40) }));
      const chat = ctx.chat;
      const title = "title" in chat ? (chat.title ?? null) : null;
      await registerGroup(deps.db, { chatId: chat.id, title, unitId: unit.id, unitCode: unit.code, actorId: ctx.from!.id, now: deps.clock() });
      return ctx.reply(ctx.t("group-registered", { unit: unit.name }));
    },
    huynhom: async (ctx) => {
      const done = await unregisterGroup(deps.db, ctx.chat.id, ctx.from!.id, deps.clock());
      return ctx.reply(ctx.t(done ? "group-unregistered" : "group-not-registered"));
    },
  });
}
