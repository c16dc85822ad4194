// /nhatky: an administrator reads who changed what, latest first.
import { splitIntoMessages } from "../../domain/text.js";
import { formatDateTime } from "../../domain/time.js";
import { isDueRule } from "../../domain/deadline.js";
import { treeRule, type ScheduleSettings } from "../../domain/schedule.js";
import { totalsBasis } from "../../messages/digest.js";
import { dueRuleText } from "../../messages/schedule.js";
import { latestAudit } from "../../store/audit.js";
import { namesByTelegramId } from "../../store/users.js";
import type { AppDeps, BotContext } from "../context.js";
import { adminCommands } from "../middleware/actor.js";

const AUDIT_SHOWN = 20;

export function auditFeature(deps: AppDeps) {
  const tz = deps.config.TZ;
  return adminCommands({
    nhatky: async (ctx) => {
      const entries = await latestAudit(deps.db, AUDIT_SHOWN);
      if (entries.length === 0) return ctx.reply(ctx.t("audit-empty"));
      const lines = [ctx.t("audit-title", { count: entries.length })];
      // People by the name they have now (/hoso); someone the bot never met, by their Telegram id.
      const ids = entries.flatMap((e) => [e.actorId, ...[e.details.person, e.details.by].filter((v): v is number => typeof v === "number")]);
      const names = await namesByTelegramId(deps.db, ids);
      const who = (id: number) => names.get(id) ?? ctx.t(deps.config.ADMIN_IDS.includes(id) ? "audit-admin" : "audit-someone", { id: String(id) });
      for (const e of entries) {
        lines.push(
          ctx.t("audit-line", {
            time: formatDateTime(e.at, tz),
            actor: who(e.actorId),
            what: auditText(ctx, e, who),
          }),
        );
      }
      for (const text of splitIntoMessages(lines)) await ctx.reply(text);
    },
  });
}

function auditText(ctx: BotContext, e: { action: string; subject: string; details: Record<string, unknown> }, who: (id: number) => string): string {
  const d = e.details;
  const show = (v: unknown) => (v === null || v === undefined ? ctx.t("quota-before-none") : String(v));
  const vars: Record<string, string | number> = { subject: e.subject };
  if (e.action === "quota.set") {
    Object.assign(vars, { year: String(d.year), cohort: ctx.t(`quota-cohort-name-${String(d.cohort)}`), before: show(d.before), after: show(d.after) });
  } else if (e.action === "schedule.set") {
    const rule = (v: unknown) => dueRuleText(ctx.t, treeRule(v as ScheduleSettings));
    Object.assign(vars, { before: rule(d.before), after: rule(d.after) });
  } else if (e.action === "deadline.set") {
    // null: no setting of its own, the parent's applies.
    const rule = (v: unknown) => (isDueRule(v) ? dueRuleText(ctx.t, v) : ctx.t("deadline-none"));
    Object.assign(vars, { name: show(d.name), before: rule(d.before), after: rule(d.after) });
  } else if (e.action === "totals.set") {
    Object.assign(vars, { name: show(d.name), after: totalsBasis(ctx.t, String(d.after)) });
  } else if (e.action === "groupNames.set") {
    Object.assign(vars, { name: show(d.name), after: ctx.t(d.after ? "names-shown" : "names-hidden") });
  } else if (e.action === "period.close" || e.action === "period.reopen") {
    Object.assign(vars, { period: show(d.period), name: show(d.name) });
  } else if (e.action === "member.remove" || e.action === "member.replace" || e.action === "profile.set") {
    Object.assign(vars, { person: who(Number(d.person)), by: who(Number(d.by)), role: ctx.t(`role-${String(d.role ?? "SECRETARY")}`) });
  } else {
    Object.assign(vars, { name: show(d.name ?? d.title), role: ctx.t(`role-${String(d.role ?? "SECRETARY")}`) });
  }
  if (e.action === "invite.create" && d.replaces) return ctx.t("audit-invite-create-replacing", vars);
  return ctx.t(`audit-${e.action.replace(".", "-")}`, vars);
}
