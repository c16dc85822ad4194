// Administrators build the tree of units and invite secretaries.
import { Role } from "../../domain/roles.js";
import { splitIntoMessages } from "../../domain/text.js";
import { formatDateTime } from "../../domain/time.js";
import { buildTree, normaliseUnitCode, readAddUnitArgs, UNIT_NAME_MAX, UnitKind, type TreeNode } from "../../domain/units.js";
import { inviteRole } from "../../domain/invite.js";
import { createInvite } from "../../store/invites.js";
import { isReplaceWord } from "../../domain/people.js";
import { secretariesOf } from "../../store/members.js";
import { addUnit, findUnit, listUnits, type UnitRow } from "../../store/units.js";
import type { AppDeps, BotContext } from "../context.js";
import { adminCommands, type CommandHandler } from "../middleware/actor.js";

export function unitsFeature(deps: AppDeps) {
  // Behind the administrator filter (adminCommands, at the end).
  const themdonvi: CommandHandler = (ctx) => add(ctx, UnitKind.COMMITTEE);
  const themchibo: CommandHandler = (ctx) => add(ctx, UnitKind.BRANCH);

  const donvi: CommandHandler = async (ctx) => {
    const units = await listUnits(deps.db);
    if (units.length === 0) return ctx.reply(ctx.t("units-empty"));
    const lines = [ctx.t("units-title", { count: units.length })];
    const walk = (nodes: TreeNode<UnitRow>[], depth: number) => {
      for (const { unit, children } of nodes) {
        const indent = "   ".repeat(depth);
        lines.push(
          unit.kind === UnitKind.BRANCH
            ? ctx.t("units-branch-line", {
                indent,
                code: unit.code,
                name: unit.name,
                secretaries: unit.secretaries.join(", ") || ctx.t("units-no-secretary"),
              })
            : ctx.t("units-committee-line", { indent, code: unit.code, name: unit.name }),
        );
        walk(children, depth + 1);
      }
    };
    walk(buildTree(units), 0);
    for (const text of splitIntoMessages(lines)) await ctx.reply(text);
  };

  const moi: CommandHandler = async (ctx) => {
    const words = ctx.match.trim().split(/\s+/).filter(Boolean);
    // "thaythe" last: the invite replaces the branch's secretary ("thay thế" typed as two words too).
    const tail = words.slice(-2).join("");
    const replaces = isReplaceWord(words.at(-1)) || (words.length > 2 && isReplaceWord(tail));
    if (replaces) words.splice(isReplaceWord(words.at(-1)) ? -1 : -2);
    const [raw, word, ...rest] = words;
    if (!raw || rest.length > 0) return ctx.reply(ctx.t("invite-usage"));
    const code = normaliseUnitCode(raw);
    const unit = code ? await findUnit(deps.db, code) : null;
    if (!unit) return ctx.reply(ctx.t("invite-unit-missing", { code: raw.slice(0, 40) }));
    // A branch's invite is for its secretary or a deputy; a committee's for one of its members.
    const isBranch = unit.kind === UnitKind.BRANCH;
    const role = inviteRole(unit.kind as UnitKind, word);
    if (!role) return ctx.reply(ctx.t(isBranch ? "invite-role-branch" : "invite-role-committee", { word: word!.slice(0, 40), code: unit.code }));
    if (replaces && role !== Role.SECRETARY) return ctx.reply(ctx.t("invite-replace-secretary-only", { code: unit.code }));
    if (role === Role.SECRETARY) {
      const [current] = await secretariesOf(deps.db, unit.id);
      // A branch has one secretary: the administrator says whether the new one replaces the one there.
      if (current && !replaces) return ctx.reply(ctx.t("invite-has-secretary", { unit: unit.name, name: current.title, code: unit.code }));
      if (!current && replaces) return ctx.reply(ctx.t("invite-replace-nobody", { unit: unit.name, code: unit.code }));
    }
    const invite = await createInvite(deps.db, unit, role, ctx.from!.id, deps.clock(), replaces);
    const created = replaces ? "invite-created-replacing" : role === Role.SECRETARY ? "invite-created" : role === Role.DEPUTY ? "invite-created-deputy" : "invite-created-committee";
    return ctx.reply(
      ctx.t(created, {
        unit: unit.name,
        link: `https://t.me/${ctx.me.username}?start=${invite.code}`,
        expires: formatDateTime(invite.expiresAt, deps.config.TZ),
      }),
    );
  };

  async function add(ctx: BotContext & { match: string }, kind: UnitKind) {
    const isBranch = kind === UnitKind.BRANCH;
    const args = readAddUnitArgs(ctx.match, kind);
    if (!args.ok) {
      switch (args.problem) {
        case "usage":
          return ctx.reply(ctx.t(isBranch ? "unit-usage-branch" : "unit-usage-committee"));
        case "bad-code":
          return ctx.reply(ctx.t("unit-bad-code", { code: args.word.slice(0, 40) }));
        case "branch-needs-parent":
          return ctx.reply(ctx.t("unit-branch-needs-parent"));
        case "parent-needed":
          // The name was typed where the parent's code goes: say what goes there, with the command as it was likely meant.
          return ctx.reply(
            ctx.t(isBranch ? "unit-parent-needed-branch" : "unit-parent-needed-committee", {
              word: args.word.slice(0, 40),
              command: `/${isBranch ? "themchibo" : "themdonvi"} ${args.code} ${isBranch ? "<mã cấp trên>" : "-"} ${args.rest.slice(0, UNIT_NAME_MAX)}`,
            }),
          );
        case "name":
          return ctx.reply(ctx.t(`unit-bad-name-${args.name}`, { max: UNIT_NAME_MAX }));
      }
    }
    const { code, parentCode, name } = args;
    const result = await addUnit(deps.db, { code, name, kind, parentCode, createdBy: ctx.from!.id, now: deps.clock() });
    switch (result.status) {
      case "duplicate":
        return ctx.reply(ctx.t("unit-duplicate", { code, name: result.name }));
      case "parent-missing":
        return ctx.reply(
          isBranch
            ? ctx.t("unit-parent-missing", { code: parentCode! })
            : ctx.t("unit-parent-missing-committee", { code: parentCode!, command: `/themdonvi ${code} - ${args.typed.slice(0, UNIT_NAME_MAX)}` }),
        );
      case "parent-is-branch":
        return ctx.reply(ctx.t("unit-parent-is-branch", { code: parentCode! }));
      case "ok":
        return ctx.reply(ctx.t(kind === UnitKind.BRANCH ? "unit-added-branch" : "unit-added-committee", { code, name }));
    }
  }

  return adminCommands({ themdonvi, themchibo, donvi, moi });
}
