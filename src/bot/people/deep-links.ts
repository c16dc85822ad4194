// "/start <payload>" from a t.me link of ours (a group's button, a digest's, a late
// list's): opens in the private chat what the button said, for someone the bot
// serves (strangers were refused before this). What the payload may say is read in
// src/domain/deep-link.ts; start.ts has taken invite codes already.
import { Composer } from "grammy";
import { readStartPayload, type DeepLink } from "../../domain/deep-link.js";
import type { BotContext } from "../context.js";
import { REPORT_FORM } from "../report/form.js";

/** The command a link stands for: it is handled as if typed, by the same handler, with the same checks. */
const COMMANDS: Record<DeepLink["kind"], string> = { report: "baocao", minutes: "bienban", progress: "tiendo", help: "trogiup" };

export function deepLinksFeature() {
  const composer = new Composer<BotContext>();
  composer.command("start", async (ctx, next) => {
    const read = readStartPayload(ctx.match);
    if (read.kind !== "link") return next();
    const link = read.link;
    if (!link) return ctx.reply(ctx.t("start-link-bad"));
    // A month from a link is checked by the form as a typed one (not open yet, too old).
    if (link.kind === "report" && link.period) return ctx.conversation.enter(REPORT_FORM, link.period);
    const command = `/${COMMANDS[link.kind]}`;
    ctx.msg.text = command;
    ctx.msg.entities = [{ type: "bot_command", offset: 0, length: command.length }];
    return next();
  });
  return composer;
}
