// /uyquyen and /nghi: a secretary hands the branch's reports and reminders to its deputies,
// until taken back or between two dates. Deputies hear of it by private message.
import { Composer, InlineKeyboard } from "grammy";
import { ABSENCE_MAX_DAYS, DelegationKind, parseAbsence } from "../../domain/delegation.js";
import { formatIsoDate, type IsoDate } from "../../domain/meeting.js";
import { parseId } from "../../domain/numbers.js";
import { Action as Right, ownUnits } from "../../domain/access.js";
import type { Person, Span } from "../../store/delegations.js";
import { displayName, loadProfile } from "../../store/users.js";
import { cancelAbsences, delegationsOf, recordAbsence, startHandover, takeBackHandover, type Asker } from "../../usecases/handover.js";
import type { AppDeps, BotContext } from "../context.js";

interface Unit {
  id: number;
  code: string;
  name: string;
}

/** What the secretary asked for; also carried in a button's data when they have several branches. */
type Action = { kind: "on" } | { kind: "off" } | { kind: "cancel" } | { kind: "absence"; startsOn: IsoDate; endsOn: IsoDate };

const CANCEL_WORDS = new Set(["huy", "hủy"]);
const BUTTON = /^ho:(on|off|cancel|ab:(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})):(\d+)$/;

function encode(action: Action, unitId: number): string {
  const what = action.kind === "absence" ? `ab:${action.startsOn}:${action.endsOn}` : action.kind;
  return `ho:${what}:${unitId}`;
}

export function handoverFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  const tz = deps.config.TZ;
  const names = (people: Person[]) => people.map((p) => p.name).join(", ");
  const span = (s: Span) => `${formatIsoDate(s.startsOn)}–${s.endsOn ? formatIsoDate(s.endsOn) : "…"}`;

  const branchesOf = (ctx: BotContext): Unit[] =>
    ownUnits(ctx.actor, Right.DELEGATE).may.map((m) => ({ id: m.unitId, code: m.unitCode, name: m.unitName }));

  composer.command("uyquyen", (ctx) => {
    const arg = ctx.match.trim().toLowerCase();
    if (branchesOf(ctx).length === 0) return ctx.reply(ctx.t("handover-secretary-only"));
    if (arg && !CANCEL_WORDS.has(arg)) return ctx.reply(ctx.t("handover-usage"));
    return forBranch(ctx, { kind: arg ? "off" : "on" });
  });

  composer.command("nghi", async (ctx) => {
    const arg = ctx.match.trim();
    if (branchesOf(ctx).length === 0) return ctx.reply(ctx.t("handover-secretary-only"));
    if (!arg) return showAbsences(ctx);
    if (CANCEL_WORDS.has(arg.toLowerCase())) return forBranch(ctx, { kind: "cancel" });
    const parsed = parseAbsence(arg, deps.clock(), tz);
    if (!parsed.ok) return ctx.reply(ctx.t(`absence-problem-${parsed.problem}`, { max: ABSENCE_MAX_DAYS }));
    return forBranch(ctx, { kind: "absence", startsOn: parsed.startsOn, endsOn: parsed.endsOn });
  });

  // "Nhận lại" under a hand-over, and the branch chosen by a secretary of several.
  composer.callbackQuery(BUTTON, async (ctx) => {
    await ctx.answerCallbackQuery();
    const [, what, startsOn, endsOn, id] = ctx.match;
    const unitId = parseId(id!);
    const unit = branchesOf(ctx).find((u) => u.id === unitId);
    if (!unit) return ctx.reply(ctx.t("handover-secretary-only"));
    const action: Action = what!.startsWith("ab:")
      ? { kind: "absence", startsOn: startsOn!, endsOn: endsOn! }
      : { kind: what as "on" | "off" | "cancel" };
    return act(ctx, unit, action);
  });

  async function forBranch(ctx: BotContext, action: Action) {
    const units = branchesOf(ctx);
    if (units.length === 0) return ctx.reply(ctx.t("handover-secretary-only"));
    if (units.length === 1) return act(ctx, units[0]!, action);
    const keyboard = InlineKeyboard.from(units.map((u) => [InlineKeyboard.text(u.name, encode(action, u.id))]));
    return ctx.reply(ctx.t("form-choose-unit"), { reply_markup: keyboard });
  }

  async function act(ctx: BotContext, unit: Unit, action: Action) {
    const a: Asker = { telegramId: ctx.from!.id, unit };
    // By the full name they gave (/hoso), the Telegram name until then.
    const profile = await loadProfile(deps.db, ctx.from!.id);
    const secretary = displayName({ firstName: ctx.from!.first_name, lastName: ctx.from!.last_name ?? null, fullName: profile?.fullName ?? null });
    const takeBack = { reply_markup: InlineKeyboard.from([[InlineKeyboard.text(ctx.t("handover-button-take-back"), encode({ kind: "off" }, unit.id))]]) };
    // Each use case below checks again, in its transaction, that the person is still the branch's secretary.
    const lostRight = () => ctx.reply(ctx.t("handover-lost-right", { unit: unit.name }));
    switch (action.kind) {
      case "on": {
        const r = await startHandover(deps, a);
        if (r.status === "not-secretary") return lostRight();
        if (r.status === "no-deputy") return ctx.reply(ctx.t("delegation-no-deputy", { unit: unit.name, code: unit.code }));
        if (r.status === "already") {
          return ctx.reply(ctx.t("handover-already", { unit: unit.name, deputies: names(r.deputies), since: formatIsoDate(r.since) }), takeBack);
        }
        await ctx.reply(ctx.t("handover-done", { unit: unit.name, deputies: names(r.deputies) }), takeBack);
        return notify(ctx, r.deputies, ctx.t("handover-deputy-started", { unit: unit.name, secretary }));
      }
      case "off": {
        const r = await takeBackHandover(deps, a);
        if (r.status === "not-secretary") return lostRight();
        if (!r.taken) return ctx.reply(ctx.t("handover-none", { unit: unit.name }));
        const lines = [ctx.t("handover-taken-back", { unit: unit.name, deputies: names(r.deputies) })];
        if (r.absences.length > 0) lines.push(ctx.t("handover-absences-remain", { spans: r.absences.map(span).join(", ") }));
        await ctx.reply(lines.join("\n"));
        return notify(ctx, r.deputies, ctx.t("handover-deputy-ended", { unit: unit.name, secretary }));
      }
      case "absence": {
        const r = await recordAbsence(deps, a, { startsOn: action.startsOn, endsOn: action.endsOn, label: span(action) });
        if (r.status === "invalid") return ctx.reply(ctx.t(`absence-problem-${r.problem}`, { max: ABSENCE_MAX_DAYS }));
        if (r.status === "not-secretary") return lostRight();
        const dates = { from: formatIsoDate(action.startsOn), to: formatIsoDate(action.endsOn) };
        if (r.status === "no-deputy") return ctx.reply(ctx.t("delegation-no-deputy", { unit: unit.name, code: unit.code }));
        if (r.status === "overlap") return ctx.reply(ctx.t("absence-overlap", { unit: unit.name, spans: span(r.existing) }));
        await ctx.reply(ctx.t("absence-recorded", { unit: unit.name, deputies: names(r.deputies), ...dates }));
        return notify(ctx, r.deputies, ctx.t("absence-deputy-recorded", { unit: unit.name, secretary, ...dates }));
      }
      case "cancel": {
        const r = await cancelAbsences(deps, a);
        if (r.status === "not-secretary") return lostRight();
        if (r.cancelled.length === 0) return ctx.reply(ctx.t("absence-none-to-cancel", { unit: unit.name }));
        const spans = r.cancelled.map(span).join(", ");
        await ctx.reply(ctx.t("absence-cancelled", { unit: unit.name, spans }));
        return notify(ctx, r.deputies, ctx.t("absence-deputy-cancelled", { unit: unit.name, secretary, spans }));
      }
    }
  }

  async function showAbsences(ctx: BotContext) {
    const lines = [ctx.t("absence-usage", { max: ABSENCE_MAX_DAYS }), "", ctx.t("absence-list-title")];
    let listed = 0;
    for (const { unit, delegations } of await delegationsOf(deps, branchesOf(ctx))) {
      for (const d of delegations) {
        listed++;
        lines.push(
          d.kind === DelegationKind.HANDOVER
            ? ctx.t("absence-list-handover", { unit: unit.name, since: formatIsoDate(d.startsOn) })
            : ctx.t("absence-list-line", { unit: unit.name, spans: span(d) }),
        );
      }
    }
    if (listed === 0) lines.push(ctx.t("absence-list-none"));
    return ctx.reply(lines.join("\n"));
  }

  /** A deputy who blocked the bot (403) or cannot be reached is not told; the change stands. */
  async function notify(ctx: BotContext, people: Person[], text: string) {
    for (const p of people) {
      try {
        await ctx.api.sendMessage(Number(p.telegramId), text);
      } catch (err) {
        ctx.logger.warn({ chat_id: Number(p.telegramId), err }, "deputy not told of a hand-over");
      }
    }
  }

  return composer;
}
