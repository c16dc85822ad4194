// /trogiup: every command the person may use, a section per role (src/messages/help.ts
// writes it from src/domain/commands.ts, as the menus are). In a group it lists what
// the group may type, with a button that opens the person's own list in private.
import { Composer, InlineKeyboard } from "grammy";
import { deepLinkUrl, type DeepLink } from "../../domain/deep-link.js";
import { groupHelpText, helpText } from "../../messages/help.js";
import type { BotContext } from "../context.js";

export const HELP_COMMANDS = ["trogiup", "help"];

export const replyHelp = (ctx: BotContext) => ctx.reply(helpText(ctx.t, ctx.actor));

/** A button that opens the private chat with the bot, which then sends "/start <payload>" there. */
export function privateChatButton(ctx: BotContext, label: string, link: DeepLink): InlineKeyboard {
  return new InlineKeyboard().url(label, deepLinkUrl(ctx.me.username, link));
}

export function helpFeature() {
  const composer = new Composer<BotContext>();
  composer.command(HELP_COMMANDS, replyHelp);
  return composer;
}

export function groupHelpFeature() {
  const composer = new Composer<BotContext>();
  composer.command(HELP_COMMANDS, (ctx) =>
    ctx.reply(groupHelpText(ctx.t), { reply_markup: privateChatButton(ctx, ctx.t("private-chat-button"), { kind: "help" }) }),
  );
  return composer;
}
