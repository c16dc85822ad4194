// /bienban opens the minutes of a meeting (form.ts); /xembienban reads them (view.ts).
import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { MINUTES_FORM } from "./form.js";

export function minutesFeature() {
  const composer = new Composer<BotContext>();
  composer.command("bienban", (ctx) => ctx.conversation.enter(MINUTES_FORM));
  return composer;
}
