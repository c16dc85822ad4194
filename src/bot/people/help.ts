import { Composer } from "grammy";
import { helpSections } from "../../domain/roles.js";
import type { BotContext } from "../context.js";

export function helpFeature() {
  const composer = new Composer<BotContext>();
  composer.command(["trogiup", "help"], (ctx) =>
    ctx.reply([ctx.t("help-title"), ...helpSections(ctx.actor).map((key) => ctx.t(key))].join("\n\n")),
  );
  return composer;
}

/** The command menu Telegram shows beside the text box. */
export const MENU_COMMANDS = ["baocao", "bienban", "xembienban", "tiendo", "uyquyen", "nghi", "huy", "trogiup"] as const;
