// A command meant for the private chat (/baocao, /bienban, /tiendo, /start, ...) typed in
// a group: one short answer with a button that opens the private chat, where the link's
// "/start <payload>" opens the same thing (deep-links.ts). Silence would leave a
// secretary wondering whether the bot heard.
import { Composer } from "grammy";
import { PRIVATE_ONLY_COMMANDS } from "../../domain/commands.js";
import type { DeepLink } from "../../domain/deep-link.js";
import type { BotContext } from "../context.js";
import { privateChatButton } from "./help.js";

/** Where the button of each command leads; any other opens the person's own /trogiup. */
const LINKS: Record<string, DeepLink> = { baocao: { kind: "report" }, bienban: { kind: "minutes" }, tiendo: { kind: "progress" } };

export function groupRedirectFeature() {
  const composer = new Composer<BotContext>();
  composer.command([...PRIVATE_ONLY_COMMANDS], (ctx) => {
    const command = ctx.msg.text.match(/^\/(\w+)/)![1]!;
    const link = LINKS[command] ?? { kind: "help" };
    return ctx.reply(ctx.t("group-private-only", { command }), {
      reply_markup: privateChatButton(ctx, ctx.t("private-chat-button"), link),
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
  });
  return composer;
}
