// Administrators set quotas and the schedule, and read who changed what.
import { Composer } from "grammy";
import type { QuotaCohort } from "../../domain/branch-aggregates.js";
import { branchQuota } from "../../domain/branch-aggregates.js";
import { periodOf } from "../../domain/period.js";
import { COHORTS, type CohortField } from "../../domain/report.js";
import { applyScheduleChange, type ScheduleChange, type ScheduleSettings } from "../../domain/schedule.js";
import { splitIntoMessages } from "../../domain/text.js";
import { formatDateTime } from "../../domain/time.js";
import { normaliseUnitCode, subtreeIds, UnitKind } from "../../domain/units.js";
import { totalsBasis } from "../../messages/digest.js";
import { latestAudit } from "../../store/audit.js";
import { allUnits } from "../../store/digest-data.js";
import { quotasOf, setQuota } from "../../store/quotas.js";
import { loadSchedule, saveSchedule } from "../../store/settings.js";
import type { AppDeps, BotContext } from "../context.js";
import { adminOnly } from "../middleware/actor.js";

/** The words administrators type for cohorts. */
export const COHORT_WORDS: Record<string, CohortField> = {
  giaovien: "admittedTeachers",
  hocsinh: "admittedPupils",
  sinhvien: "admittedStudents",
  khac: "admittedOther",
};

const WEEKDAYS: Record<string, number> = { cn: 0, t2: 1, t3: 2, t4: 3, t5: 4, t6: 5, t7: 6 };
const MAX_QUOTA = 10_000;
const AUDIT_SHOWN = 20;

export function committeeAdminFeature(deps: AppDeps) {
  const cmd = new Composer<BotContext>();
  const tz = deps.config.TZ;

  cmd.command("chitieu", async (ctx) => {
    const [rawCode, rawYear, rawValue, rawCohort, ...extra] = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (!rawCode || extra.length > 0 || (rawYear && !rawValue)) return ctx.reply(ctx.t("quota-usage"));
    const units = await allUnits(deps.db);
    const code = normaliseUnitCode(rawCode);
    const unit = units.find((u) => u.code === code);
    if (!unit) return ctx.reply(ctx.t("invite-unit-missing", { code: rawCode.slice(0, 40) }));

    if (!rawYear) {
      const year = periodOf(deps.clock(), tz).year;
      const branches = new Set(units.filter((u) => u.kind === UnitKind.BRANCH).map((u) => u.id));
      const branchIds = subtreeIds(units, unit.id).filter((id) => branches.has(id));
      const rows = await quotasOf(deps.db, branchIds, year);
      const lines = [ctx.t(unit.kind === UnitKind.BRANCH ? "quota-show-branch" : "quota-show-committee", { unit: unit.name, year: String(year), branches: branchIds.length })];
      let total = 0;
      const byCohort: Record<CohortField, number> = { admittedTeachers: 0, admittedPupils: 0, admittedStudents: 0, admittedOther: 0 };
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
    const year = Number(rawYear);
    const current = periodOf(deps.clock(), tz).year;
    if (!/^\d{4}$/.test(rawYear) || year < current - 1 || year > current + 1) return ctx.reply(ctx.t("quota-bad-year", { from: String(current - 1), to: String(current + 1) }));
    if (!/^\d+$/.test(rawValue!) || Number(rawValue) > MAX_QUOTA) return ctx.reply(ctx.t("quota-bad-value", { max: MAX_QUOTA }));
    let cohort: QuotaCohort = "ALL";
    if (rawCohort) {
      const c = COHORT_WORDS[rawCohort.toLowerCase()];
      if (!c) return ctx.reply(ctx.t("quota-bad-cohort"));
      cohort = c;
    }
    const value = Number(rawValue);
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

  async function change(ctx: BotContext, parsed: ScheduleChange | undefined, usage: string) {
    if (!parsed) return ctx.reply(ctx.t(usage));
    const r = applyScheduleChange(await loadSchedule(deps.db), parsed);
    if (!r.ok) return ctx.reply(ctx.t(usage));
    await saveSchedule(deps.db, r.settings, ctx.from!.id, deps.clock());
    return ctx.reply(`${ctx.t("schedule-saved")}\n${describeSchedule(ctx, r.settings)}`);
  }

  cmd.command("hanbaocao", (ctx) => {
    const day = ctx.match.trim();
    return change(ctx, /^\d{1,2}$/.test(day) ? { dueDay: Number(day) } : undefined, "schedule-usage-due");
  });

  cmd.command("nhacnho", (ctx) => {
    const words = ctx.match.trim().split(/[\s,]+/).filter(Boolean);
    const days = words.length === 1 && words[0] === "-" ? [] : words.map(Number);
    const ok = words.length > 0 && days.every((d) => Number.isInteger(d));
    return change(ctx, ok ? { reminderDaysBefore: days } : undefined, "schedule-usage-reminders");
  });

  cmd.command("lichtonghop", (ctx) => {
    const m = ctx.match.trim().toLowerCase().match(/^(cn|t[2-7])\s+(\d{1,2})(?::(\d{2}))?$/);
    return change(
      ctx,
      m ? { digestWeekday: WEEKDAYS[m[1]!]!, digestHour: Number(m[2]), digestMinute: Number(m[3] ?? 0) } : undefined,
      "schedule-usage-digest",
    );
  });

  cmd.command("caidat", async (ctx) => ctx.reply(describeSchedule(ctx, await loadSchedule(deps.db))));

  cmd.command("nhatky", async (ctx) => {
    const entries = await latestAudit(deps.db, AUDIT_SHOWN);
    if (entries.length === 0) return ctx.reply(ctx.t("audit-empty"));
    const lines = [ctx.t("audit-title", { count: entries.length })];
    for (const e of entries) {
      lines.push(
        ctx.t("audit-line", {
          time: formatDateTime(e.at, tz),
          actor: String(e.actorId),
          what: auditText(ctx, e),
        }),
      );
    }
    for (const text of splitIntoMessages(lines)) await ctx.reply(text);
  });

  function auditText(ctx: BotContext, e: { action: string; subject: string; details: Record<string, unknown> }): string {
    const d = e.details;
    const show = (v: unknown) => (v === null || v === undefined ? ctx.t("quota-before-none") : String(v));
    const vars: Record<string, string | number> = { subject: e.subject };
    if (e.action === "quota.set") {
      Object.assign(vars, { year: String(d.year), cohort: ctx.t(`quota-cohort-name-${String(d.cohort)}`), before: show(d.before), after: show(d.after) });
    } else if (e.action === "schedule.set") {
      const after = d.after as ScheduleSettings;
      Object.assign(vars, { dueDay: after.dueDay });
    } else if (e.action === "totals.set") {
      Object.assign(vars, { name: show(d.name), after: totalsBasis(ctx.t, String(d.after)) });
    } else if (e.action === "period.close" || e.action === "period.reopen") {
      Object.assign(vars, { period: show(d.period), name: show(d.name) });
    } else {
      Object.assign(vars, { name: show(d.name ?? d.title), role: ctx.t(`role-${String(d.role ?? "SECRETARY")}`) });
    }
    return ctx.t(`audit-${e.action.replace(".", "-")}`, vars);
  }

  function describeSchedule(ctx: BotContext, s: ScheduleSettings): string {
    const weekday = Object.entries(WEEKDAYS).find(([, n]) => n === s.digestWeekday)![0];
    return ctx.t("schedule-show", {
      dueDay: s.dueDay,
      reminders: s.reminderDaysBefore.length === 0 ? ctx.t("schedule-no-reminders") : s.reminderDaysBefore.join(", "),
      hour: String(s.reminderHour).padStart(2, "0"),
      lateDays: s.lateListDaysAfter,
      weekday: ctx.t(`weekday-${weekday}`),
      digestTime: `${String(s.digestHour).padStart(2, "0")}:${String(s.digestMinute).padStart(2, "0")}`,
    });
  }

  const composer = new Composer<BotContext>();
  composer.command(["chitieu", "hanbaocao", "nhacnho", "lichtonghop", "caidat", "nhatky"], adminOnly, cmd);
  return composer;
}
