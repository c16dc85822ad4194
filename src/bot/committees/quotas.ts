// /chitieu: an administrator sets a branch's yearly quota, or reads a unit's; a committee member
// reads the quotas of their unit and the units under it (QUOTAS in src/domain/access.ts).
import { Composer } from "grammy";
import { Action, ancestorsIn, may, mayAnywhere } from "../../domain/access.js";
import { branchQuota } from "../../domain/branch-aggregates.js";
import { periodOf } from "../../domain/period.js";
import { MAX_QUOTA, parseQuotaArgs } from "../../domain/quota-args.js";
import { COHORTS, type CohortField } from "../../domain/report-fields.js";
import { normaliseUnitCode, subtreeIds, UnitKind } from "../../domain/units.js";
import { allUnits } from "../../store/digest-data.js";
import { quotasOf, setQuota } from "../../store/quotas.js";
import type { AppDeps, BotContext } from "../context.js";
import { isAdmin } from "../middleware/actor.js";

export function quotasFeature(deps: AppDeps) {
  const tz = deps.config.TZ;
  const composer = new Composer<BotContext>();
  composer.command("chitieu", async (ctx) => {
    if (!mayAnywhere(ctx.actor, Action.QUOTAS)) return ctx.reply(ctx.t("refuse-admin-only"));
    const admin = isAdmin(ctx);
    const current = periodOf(deps.clock(), tz).year;
    const args = parseQuotaArgs(ctx.match, current, { from: current - 1, to: current + 1 });
    if (args.kind === "usage") return ctx.reply(ctx.t(admin ? "quota-usage" : "quota-usage-read"));
    // Setting a quota is the administrators' (ADMIN); a committee member is told so before the unit is looked up.
    if (args.kind !== "show" && !admin) return ctx.reply(ctx.t("quota-set-admin-only"));
    const units = await allUnits(deps.db);
    const code = normaliseUnitCode(args.code);
    const unit = units.find((u) => u.code === code);
    if (!unit) return ctx.reply(ctx.t("invite-unit-missing", { code: args.code.slice(0, 40) }));

    if (args.kind === "show") {
      const target = { unitId: unit.id, ancestors: ancestorsIn(new Map(units.map((u) => [u.id, u.parentId])), unit.id), delegated: false };
      if (!may(ctx.actor, Action.QUOTAS, target)) return ctx.reply(ctx.t("quota-not-allowed", { unit: unit.name }));
      const year = current;
      const branches = new Set(units.filter((u) => u.kind === UnitKind.BRANCH).map((u) => u.id));
      const branchIds = subtreeIds(units, unit.id).filter((id) => branches.has(id));
      const rows = await quotasOf(deps.db, branchIds, year);
      const lines = [ctx.t(unit.kind === UnitKind.BRANCH ? "quota-show-branch" : "quota-show-committee", { unit: unit.name, year: String(year), branches: branchIds.length })];
      let total = 0;
      const byCohort = Object.fromEntries(COHORTS.map((c) => [c, 0])) as Record<CohortField, number>;
      for (const id of branchIds) {
        const q = branchQuota(rows.filter((r) => r.unitId === id));
        if (!q) continue;
        total += q.total;
        for (const c of COHORTS) byCohort[c] += q.byCohort[c] ?? 0;
      }
      lines.push(total === 0 ? ctx.t("quota-none") : ctx.t("quota-total", { total }));
      for (const c of COHORTS) if (byCohort[c] > 0) lines.push(ctx.t(`quota-cohort-${c}`, { value: byCohort[c] }));
      return ctx.reply(lines.join("\n"));
    }

    if (unit.kind !== UnitKind.BRANCH) return ctx.reply(ctx.t("quota-branch-only", { code: unit.code }));
    const { year, value, cohort } = args;
    if (year === "bad") return ctx.reply(ctx.t("quota-bad-year", { from: String(current - 1), to: String(current + 1) }));
    if (value === "bad") return ctx.reply(ctx.t("quota-bad-value", { max: MAX_QUOTA }));
    if (cohort === "bad") return ctx.reply(ctx.t("quota-bad-cohort"));
    const { before } = await setQuota(deps.db, { unitId: unit.id, unitCode: unit.code, year, cohort, value, actorId: ctx.from!.id, now: deps.clock() });
    return ctx.reply(
      ctx.t("quota-set", {
        unit: unit.name,
        year: String(year),
        value,
        cohort: ctx.t(`quota-cohort-name-${cohort}`),
        before: before === null ? ctx.t("quota-before-none") : String(before),
      }),
    );
  });
  return composer;
}
